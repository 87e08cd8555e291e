import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { createApp } from '../../server/src/app.ts';
import { readConfig } from '../../server/src/config.ts';
import { createLogger } from '../../server/src/logger.ts';
import { CypherLibrary } from '../../server/src/neo4j/cypher.ts';
import { createDriver, Neo4jUnavailableError } from '../../server/src/neo4j/driver.ts';
import { startServer } from '../../server/src/server.ts';
import { getJson } from '../_http.ts';
import { testDriver, testEnvironment } from '../_neo4j.ts';
import { freePort } from '../_net.ts';
import { useTestServer } from '../_server.ts';

describe('GET /api/health', () => {
  describe('with Neo4j up', () => {
    const server = useTestServer();

    it('reports the app version and the Neo4j server version and edition', async () => {
      const { status, body } = await getJson(`${server.url}/api/health`);
      assert.equal(status, 200);
      assert.equal(body.status, 'ok');
      assert.equal(body.app.name, 'common-ground');
      assert.match(body.app.version, /^\d+\.\d+\.\d+/);
      assert.equal(body.neo4j.reachable, true);
      assert.match(body.neo4j.version, /^5\.26\.\d+$/);
      assert.equal(body.neo4j.edition, 'community');
    });

    it('has applied the schema: uniqueness constraints and the full-text index', async () => {
      const { records } = await testDriver().executeQuery('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
      const names: string[] = records[0]?.get('names');
      for (const label of ['negotiation', 'party', 'person', 'issue', 'option', 'position', 'statement', 'source']) {
        assert.ok(names.includes(`${label}_id`), `missing constraint ${label}_id in ${names}`);
      }
      const { records: indexes } = await testDriver().executeQuery(
        "SHOW INDEXES YIELD name, type WHERE type = 'FULLTEXT' RETURN collect(name) AS names",
      );
      assert.deepEqual(indexes[0]?.get('names'), ['search']);
    });

    it('answers unknown API paths with a 404 problem', async () => {
      const { status, body, contentType } = await getJson(`${server.url}/api/no-such-thing?x=1`);
      assert.equal(status, 404);
      assert.equal(contentType, 'application/problem+json; charset=utf-8');
      assert.equal(body.status, 404);
      assert.equal(body.detail, 'There is no endpoint GET /api/no-such-thing.');
    });

    it('serves the client page at /', async () => {
      const response = await fetch(`${server.url}/`);
      assert.equal(response.status, 200);
      assert.match(await response.text(), /<title>Common Ground<\/title>/);
    });
  });

  describe('with Neo4j unreachable', () => {
    let http: Server;
    let url: string;
    const closedPort = freePort();

    before(async () => {
      const port = await closedPort;
      const driver = createDriver({
        uri: `bolt://127.0.0.1:${port}`,
        user: 'neo4j',
        password: 'whatever-it-is',
        connectTimeoutMs: 2000,
      });
      const app = createApp({ driver, cypher: new CypherLibrary(), database: 'neo4j', logger: createLogger('silent') });
      http = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => http.once('listening', resolve));
      const address = http.address();
      url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    after(() => new Promise<void>((resolve) => http.close(() => resolve())));

    it('answers 503 with a body that says Neo4j cannot be reached', async () => {
      const response = await fetch(`${url}/api/health`);
      const { status } = response;
      const body = await response.json();
      assert.equal(status, 503);
      assert.equal(response.headers.get('retry-after'), '2');
      assert.equal(body.status, 'unavailable');
      assert.equal(body.neo4j.reachable, false);
      assert.match(body.neo4j.error, /^Neo4j cannot be reached: .*(ECONNREFUSED|connect)/i);
      assert.doesNotMatch(JSON.stringify(body), /\s+at\s+\S+\.(js|ts):\d+/, 'no stack trace');
    });

    it('answers data requests 503 with Retry-After at once once a probe has found Neo4j down', async () => {
      assert.equal((await fetch(`${url}/api/health`)).status, 503);
      const started = Date.now();
      const response = await fetch(`${url}/api/negotiations`);
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('retry-after'), '2');
      assert.equal((await response.json()).type, '/api/problems/neo4j-unavailable');
      assert.ok(Date.now() - started < 1_000, 'without waiting for the driver to give up');
    });

    it('makes the server refuse to start, naming the database it could not reach', async () => {
      const port = await closedPort;
      const config = readConfig(
        testEnvironment({
          NEO4J_URI: `bolt://127.0.0.1:${port}`,
          NEO4J_CONNECT_TIMEOUT_MS: '1000',
          PORT: String(await freePort()),
        }),
      );
      await assert.rejects(startServer(config, createLogger('silent')), (error: unknown) => {
        assert.ok(error instanceof Neo4jUnavailableError);
        assert.match(error.message, new RegExp(`cannot use Neo4j at bolt://127.0.0.1:${port}: `));
        return true;
      });
    });

    it('refuses at once when the credentials are wrong', async () => {
      const config = readConfig(
        testEnvironment({ NEO4J_PASSWORD: 'not-the-password', PORT: String(await freePort()) }),
      );
      await assert.rejects(
        startServer(config, createLogger('silent')),
        /cannot use Neo4j at .*unauthorized|authentication/i,
      );
    });
  });
});
