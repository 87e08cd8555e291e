import assert from 'node:assert/strict';
import { createApp } from '../../server/src/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { CypherLibrary } from '../../server/src/neo4j/cypher.ts';
import { createDriver } from '../../server/src/neo4j/driver.ts';
import type { RunningServer } from '../../server/src/server.ts';
import { loadNatoRussia } from '../_datasets.ts';
import { getJson, postJson } from '../_http.ts';
import { freePort } from '../_net.ts';
import { assertMatchesSchema } from '../_openapi.ts';
import { startTestServer, useTestServer } from '../_server.ts';

const NATO = 'nato-russia-2022';

describe('the Cypher console: POST /api/cypher', function () {
  this.timeout(60_000);
  let server: RunningServer;
  // The same app with tight limits: a one-second timeout and ten rows.
  let tight: RunningServer;
  const run = (query: unknown, params?: unknown, on: RunningServer = server) =>
    postJson(`${on.url}/api/cypher`, params === undefined ? { query } : { query, params });

  before(async () => {
    server = await startTestServer();
    tight = await startTestServer({ CYPHER_TIMEOUT_MS: '1000', CYPHER_MAX_ROWS: '10' });
    await loadNatoRussia();
  });
  after(async () => {
    await server.close();
    await tight.close();
  });

  it('returns columns, plain JSON rows, and every node and relationship as a graph', async () => {
    const { status, body } = await run(
      `MATCH (party:Party {slug: 'nato'})-[holds:HOLDS]->(p:Position {kind: 'red-line'})
       RETURN party.label AS party, p, holds, p.stated AS stated, p.firmnessRank AS rank`,
    );
    assert.equal(status, 200);
    assertMatchesSchema('CypherResult', body);
    assert.deepEqual(body.columns, ['party', 'p', 'holds', 'stated', 'rank']);
    assert.ok(body.rowCount > 0);
    const [party, position, holds, stated, rank] = body.rows[0];
    assert.equal(party, 'NATO');
    assert.deepEqual(position.labels, ['Position']);
    assert.equal(holds.type, 'HOLDS');
    assert.match(stated, /^\d{4}-\d{2}-\d{2}$/, 'dates as ISO strings');
    assert.equal(rank, 3, 'integers as numbers');
    assert.equal(body.truncated, false);
    const keys = body.graph.nodes.map((n: { key: string }) => n.key);
    assert.ok(
      keys.includes(`${NATO}:nato`),
      'the holder is in the graph although only its label was returned as a column',
    );
    assert.ok(keys.includes(position.properties.id));
    assert.ok(
      body.graph.edges.every((e: { attributes: { relationship: string } }) => e.attributes.relationship === 'HOLDS'),
    );
  });

  it('draws paths, and fetches the ends of relationships the query did not return', async () => {
    const { body } = await run(
      `MATCH (:Issue {slug: 'enlargement', negotiation: $n})<-[on:ON]-(:Position) RETURN on LIMIT 3`,
      { n: NATO },
    );
    assert.equal(body.rowCount, 3);
    assert.equal(body.graph.edges.length, 3);
    assert.ok(body.graph.nodes.some((n: { key: string }) => n.key === `${NATO}:enlargement`));
  });

  it('passes parameters, whole numbers as integers', async () => {
    const { status, body } = await run(
      'MATCH (p:Position {negotiation: $n}) RETURN p.slug AS slug ORDER BY slug LIMIT $limit',
      {
        n: NATO,
        limit: 3,
      },
    );
    assert.equal(status, 200);
    assert.equal(body.rowCount, 3);
  });

  it('stops at the row limit and says the result was truncated', async () => {
    const { status, body } = await run('UNWIND range(1, 100000000) AS x RETURN x', undefined, tight);
    assert.equal(status, 200);
    assert.equal(body.rowCount, 10);
    assert.equal(body.truncated, true);
    assert.equal(body.truncatedBy, 'maxRows');
    assert.equal(body.maxRows, 10);
  });

  it('marks a syntax error with Neo4j’s message and its position', async () => {
    const { status, body } = await run('MATCH (n:Party\nRETURN n');
    assert.equal(status, 400);
    assertMatchesSchema('Problem', body);
    assert.equal(body.title, 'Cypher syntax error');
    assert.equal(body.neo4jCode, 'Neo.ClientError.Statement.SyntaxError');
    assert.deepEqual(body.position, { line: 2, column: 1, offset: 15 });
  });

  // Writes, admin commands and every other attack are in the corpus (console-attacks.test.ts).
  describe('refuses malformed requests', () => {
    const malformed: Array<[string, unknown, RegExp]> = [
      ['a query that is not a string', 42, /query: must be a string/],
      ['no query at all', undefined, /query: must be a string/],
      ['an empty query', '   ', /query: must not be empty/],
      ['a 1 MB query', `RETURN '${'x'.repeat(1_000_000)}'`, /query: must be at most 20,000 characters long/],
    ];
    for (const [name, query, expected] of malformed) {
      it(`refuses ${name}`, async () => {
        const { status, body, contentType } = await run(query);
        assert.equal(status, 400, JSON.stringify(body));
        assert.match(String(contentType), /application\/problem\+json/);
        assertMatchesSchema('Problem', body);
        assert.match(body.detail, expected);
      });
    }

    it('refuses parameters that are not an object', async () => {
      const { status, body } = await run('RETURN 1', [1, 2]);
      assert.equal(status, 400);
      assert.equal(body.parameter, 'params');
    });

    it('refuses a body that is not JSON', async () => {
      const { status, body } = await postJson(`${server.url}/api/cypher`, '{"query": ', true);
      assert.equal(status, 400);
      assert.match(body.detail, /not valid JSON/);
    });
  });

  it('answers a failure of the query itself, which Neo4j calls a database error, as a 400 problem', async () => {
    const { status, body } = await run(
      "MATCH (a:Party {slug: 'nato'}) MATCH p = allShortestPaths((a)-[*]-(a)) RETURN p",
    );
    assert.equal(status, 400);
    assertMatchesSchema('Problem', body);
    assert.equal(body.type, '/api/problems/query-failed');
    assert.equal(body.neo4jCode, 'Neo.DatabaseError.Statement.ExecutionFailed');
  });

  it('refuses what Neo4j cannot stop, saying why and where', async () => {
    const { status, body } = await run("MATCH (s:Statement)\nWHERE s.quote =~ '.*open door.*'\nRETURN s");
    assert.equal(status, 400);
    assertMatchesSchema('Problem', body);
    assert.equal(body.refusal, 'regular-expression');
    assert.deepEqual(body.position, { line: 2, column: 15, offset: 34 });
  });

  describe('with Neo4j unreachable', () => {
    it('answers 503 saying so', async () => {
      const uri = `bolt://127.0.0.1:${await freePort()}`;
      const driver = createDriver({
        uri,
        user: 'neo4j',
        password: 'irrelevant',
        connectTimeoutMs: 1000,
      });
      const app = createApp({
        driver,
        cypher: new CypherLibrary(),
        database: 'neo4j',
        logger: createLogger('silent'),
        neo4j: { uri, user: 'neo4j', password: 'irrelevant', connectTimeoutMs: 1000 },
      });
      const http = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => http.once('listening', resolve));
      try {
        const address = http.address();
        const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
        for (const response of [
          await getJson(`${url}/api/graph?negotiation=${NATO}`),
          await postJson(`${url}/api/cypher`, { query: 'RETURN 1' }),
        ]) {
          assert.equal(response.status, 503);
          assert.match(response.body.detail, /^Neo4j cannot be reached/);
        }
      } finally {
        http.close();
        await driver.close();
      }
    });
  });
});

describe('the saved queries: GET /api/queries', () => {
  const server = useTestServer();

  it('lists at least eight, each with a title, a description and declared parameters', async () => {
    const { status, body } = await getJson(`${server.url}/api/queries`);
    assert.equal(status, 200);
    assert.ok(body.queries.length >= 8, `${body.queries.length} saved queries`);
    for (const query of body.queries) assertMatchesSchema('SavedQuery', query);
    const redLines = body.queries.find((q: { name: string }) => q.name === 'red-lines-by-party');
    assert.equal(redLines.title, 'Red lines by party');
    assert.deepEqual(redLines.parameters, [
      { name: 'negotiation', type: 'string', default: NATO, description: "the negotiation's id" },
    ]);
  });

  it('runs every one of them through the console with its default parameters, with rows', async () => {
    const { body } = await getJson(`${server.url}/api/queries`);
    for (const query of body.queries) {
      const params = Object.fromEntries(
        query.parameters.map((p: { name: string; default: unknown }) => [p.name, p.default]),
      );
      const result = await postJson(`${server.url}/api/cypher`, { query: query.query, params });
      assert.equal(result.status, 200, `${query.name}: ${JSON.stringify(result.body)}`);
      assert.ok(result.body.rowCount > 0, `${query.name} returned no row on the bundled dataset`);
      assert.ok(result.body.graph.nodes.length > 0, `${query.name} draws nothing`);
    }
  });

  it('answers 404 for an unknown saved query', async () => {
    const { status } = await getJson(`${server.url}/api/queries/no-such-query`);
    assert.equal(status, 404);
  });
});

describe('the API reference', () => {
  const server = useTestServer();

  it('serves the OpenAPI 3.1 document and a page that renders it', async () => {
    const { status, body } = await getJson(`${server.url}/api/openapi.json`);
    assert.equal(status, 200);
    assert.equal(body.openapi, '3.1.0');
    for (const path of [
      '/api/graph',
      '/api/nodes/{id}',
      '/api/search',
      '/api/queries',
      '/api/cypher',
      '/api/negotiations',
    ]) {
      assert.ok(body.paths[path], path);
    }
    const page = await fetch(`${server.url}/api/docs`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /swagger-ui-bundle\.js/);
    const bundle = await fetch(`${server.url}/api/docs/assets/swagger-ui-bundle.js`);
    assert.equal(bundle.status, 200);
  });
});
