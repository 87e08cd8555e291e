import assert from 'node:assert/strict';
import { ConfigError, DEVELOPMENT_PASSWORD, readConfig } from '../../server/src/config.ts';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    readConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${error}`);
    return error.problems;
  }
  assert.fail('expected the configuration to be refused');
}

describe('config', () => {
  describe('readConfig', () => {
    it('has working defaults for local development', () => {
      const config = readConfig({});
      assert.equal(config.port, 3000);
      assert.equal(config.host, '127.0.0.1');
      assert.equal(config.neo4j.uri, undefined);
      assert.equal(config.neo4j.user, 'neo4j');
      assert.equal(config.neo4j.password, DEVELOPMENT_PASSWORD);
      assert.equal(config.neo4j.database, 'neo4j');
      assert.equal(config.localNeo4j.boltPort, 7687);
      assert.equal(config.localNeo4j.dataDir, undefined);
    });

    it('reads every variable', () => {
      const config = readConfig({
        PORT: '8080',
        HOST: '0.0.0.0',
        LOG_LEVEL: 'debug',
        NEO4J_URI: 'neo4j+s://example.databases.test',
        NEO4J_USER: 'analyst',
        NEO4J_PASSWORD: 'a-long-password',
        NEO4J_DATABASE: 'talks',
        NEO4J_CONNECT_TIMEOUT_MS: '2000',
        NEO4J_BOLT_PORT: '7700',
        NEO4J_HEAP: '1g',
        NEO4J_DATA_DIR: '/var/lib/common-ground',
        CYPHER_TIMEOUT_MS: '2500',
        CYPHER_MAX_ROWS: '100',
        ALLOWED_HOSTS: 'graph.example.org, Other.Example.org',
        RATE_LIMIT_PER_MINUTE: '60',
        HTTP_HEADERS_TIMEOUT_MS: '2000',
        HTTP_REQUEST_TIMEOUT_MS: '4000',
        HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000',
        HTTP_MAX_CONNECTIONS: '50',
        CYPHER_MAX_BYTES: '65536',
        CYPHER_MAX_CONCURRENT: '3',
        CYPHER_MAX_CONCURRENT_PER_CLIENT: '1',
      });
      assert.deepEqual(config, {
        port: 8080,
        host: '0.0.0.0',
        logLevel: 'debug',
        neo4j: {
          uri: 'neo4j+s://example.databases.test',
          user: 'analyst',
          password: 'a-long-password',
          database: 'talks',
          connectTimeoutMs: 2000,
        },
        localNeo4j: { boltPort: 7700, heap: '1g', dataDir: '/var/lib/common-ground' },
        console: { timeoutMs: 2500, maxRows: 100, maxBytes: 65536, maxConcurrent: 3, maxConcurrentPerClient: 1 },
        http: {
          allowedHosts: ['localhost', '127.0.0.1', '[::1]', 'graph.example.org', 'other.example.org'],
          rateLimitPerMinute: 60,
          headersTimeoutMs: 2000,
          requestTimeoutMs: 4000,
          keepAliveTimeoutMs: 1000,
          maxConnections: 50,
        },
      });
    });

    it('answers for the loopback names and for HOST, unless it is a wildcard address', () => {
      assert.deepEqual(readConfig({}).http.allowedHosts, ['localhost', '127.0.0.1', '[::1]']);
      assert.deepEqual(readConfig({ HOST: '0.0.0.0' }).http.allowedHosts, ['localhost', '127.0.0.1', '[::1]']);
      assert.deepEqual(readConfig({ HOST: '192.168.1.5', ALLOWED_HOSTS: 'fe80::1' }).http.allowedHosts, [
        'localhost',
        '127.0.0.1',
        '[::1]',
        '192.168.1.5',
        '[fe80::1]',
      ]);
      assert.deepEqual(readConfig({ HOST: 'App.Internal' }).http.allowedHosts, [
        'localhost',
        '127.0.0.1',
        '[::1]',
        'app.internal',
      ]);
      assert.deepEqual(readConfig({ HOST: '::' }).http.allowedHosts, ['localhost', '127.0.0.1', '[::1]']);
    });

    it('treats an empty variable as unset', () => {
      assert.equal(readConfig({ PORT: '', NEO4J_URI: '' }).port, 3000);
      assert.equal(readConfig({ NEO4J_URI: '' }).neo4j.uri, undefined);
    });

    const wrongValues: Array<[string, string, RegExp]> = [
      ['PORT', 'abc', /PORT must be a port number \(got "abc"\)/],
      ['PORT', '70000', /PORT must be from 1 to 65535/],
      ['PORT', '80.5', /PORT must be a whole number/],
      ['NEO4J_BOLT_PORT', '0', /NEO4J_BOLT_PORT must be from 1 to 65535/],
      ['NEO4J_URI', 'http://localhost:7474', /NEO4J_URI must look like bolt:\/\/host:7687/],
      ['NEO4J_PASSWORD', 'short', /NEO4J_PASSWORD must have at least 8 characters/],
      ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
      ['NEO4J_HEAP', 'lots', /NEO4J_HEAP must be a size such as 512m/],
      ['NEO4J_CONNECT_TIMEOUT_MS', '-5', /NEO4J_CONNECT_TIMEOUT_MS must be greater than 0/],
      ['ALLOWED_HOSTS', 'evil.example/path', /ALLOWED_HOSTS must be host names separated by commas/],
      ['RATE_LIMIT_PER_MINUTE', '0', /RATE_LIMIT_PER_MINUTE must be greater than 0/],
      ['HTTP_HEADERS_TIMEOUT_MS', '60000', /HTTP_HEADERS_TIMEOUT_MS must not be longer than HTTP_REQUEST_TIMEOUT_MS/],
      ['HTTP_MAX_CONNECTIONS', 'many', /HTTP_MAX_CONNECTIONS must be a number/],
      ['CYPHER_MAX_BYTES', '1.5', /CYPHER_MAX_BYTES must be a whole number/],
    ];
    for (const [name, value, expected] of wrongValues) {
      it(`refuses ${name}=${value} with a message naming ${name}`, () => {
        const problems = problemsOf({ NEO4J_PASSWORD: 'a-long-password', [name]: value });
        assert.equal(problems.length, 1);
        assert.match(problems[0] ?? '', expected);
      });
    }

    it('reports every wrong value at once', () => {
      const problems = problemsOf({ PORT: 'x', LOG_LEVEL: 'loud', NEO4J_URI: 'ftp://x' });
      assert.equal(problems.length, 4);
      assert.match(problems.join('\n'), /PORT/);
      assert.match(problems.join('\n'), /LOG_LEVEL/);
      assert.match(problems.join('\n'), /NEO4J_URI/);
      assert.match(problems.join('\n'), /NEO4J_PASSWORD is not set/);
    });
  });

  describe('the development password', () => {
    const production: Array<[string, NodeJS.ProcessEnv]> = [
      ['NODE_ENV=production', { NODE_ENV: 'production' }],
      ['NEO4J_URI set', { NEO4J_URI: 'bolt://db.example:7687' }],
    ];
    for (const [when, env] of production) {
      it(`is refused with ${when}, unset or set, saying how to set another`, () => {
        for (const password of [{}, { NEO4J_PASSWORD: DEVELOPMENT_PASSWORD }]) {
          const problems = problemsOf({ ...env, ...password });
          assert.equal(problems.length, 1);
          assert.match(problems[0] ?? '', /^NEO4J_PASSWORD (is not set|is the development password)/);
          assert.match(problems[0] ?? '', /refused in production .*set NEO4J_PASSWORD to your Neo4j's password/);
          assert.match(problems[0] ?? '', /\.env\.example/);
        }
      });

      it(`lets another password through with ${when}`, () => {
        assert.equal(readConfig({ ...env, NEO4J_PASSWORD: 'a-long-password' }).neo4j.password, 'a-long-password');
      });
    }

    it('is the default for the local development Neo4j', () => {
      assert.equal(readConfig({ NODE_ENV: 'development' }).neo4j.password, DEVELOPMENT_PASSWORD);
    });
  });
});
