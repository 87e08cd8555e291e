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
        CYPHER_TIMEOUT_MS: '2500',
        CYPHER_MAX_ROWS: '100',
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
        localNeo4j: { boltPort: 7700, heap: '1g' },
        console: { timeoutMs: 2500, maxRows: 100, maxBytes: 65536, maxConcurrent: 3, maxConcurrentPerClient: 1 },
      });
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
      ['CYPHER_MAX_BYTES', '1.5', /CYPHER_MAX_BYTES must be a whole number/],
    ];
    for (const [name, value, expected] of wrongValues) {
      it(`refuses ${name}=${value} with a message naming ${name}`, () => {
        const problems = problemsOf({ [name]: value });
        assert.equal(problems.length, 1);
        assert.match(problems[0] ?? '', expected);
      });
    }

    it('reports every wrong value at once', () => {
      const problems = problemsOf({ PORT: 'x', LOG_LEVEL: 'loud', NEO4J_URI: 'ftp://x' });
      assert.equal(problems.length, 3);
      assert.match(problems.join('\n'), /PORT/);
      assert.match(problems.join('\n'), /LOG_LEVEL/);
      assert.match(problems.join('\n'), /NEO4J_URI/);
    });
  });
});
