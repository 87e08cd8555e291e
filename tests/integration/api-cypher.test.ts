import assert from 'node:assert/strict';
import { createApp } from '../../server/src/app.ts';
import { loadDataset } from '../../server/src/dataset/load.ts';
import { readDataset } from '../../server/src/dataset/parse.ts';
import { createLogger } from '../../server/src/logger.ts';
import { CypherLibrary } from '../../server/src/neo4j/cypher.ts';
import { createDriver } from '../../server/src/neo4j/driver.ts';
import type { RunningServer } from '../../server/src/server.ts';
import { getJson, postJson } from '../_http.ts';
import { testDatabase, testDriver } from '../_neo4j.ts';
import { freePort } from '../_net.ts';
import { assertMatchesSchema } from '../_openapi.ts';
import { startTestServer, useTestServer } from '../_server.ts';

const NATO = 'nato-russia-2022';

/** Everything that could change: counts by label and type, property keys, indexes and constraints. */
async function fingerprint(): Promise<unknown> {
  const { records } = await testDriver().executeQuery(
    `CALL () { MATCH (n) RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
     CALL () { MATCH (n) UNWIND labels(n) AS label RETURN collect(DISTINCT label) AS labels }
     CALL () { MATCH (n) UNWIND keys(n) AS key RETURN collect(DISTINCT key) AS keys }
     RETURN nodes, relationships, labels, keys`,
  );
  const { records: schema } = await testDriver().executeQuery(
    'SHOW INDEXES YIELD name RETURN collect(name) AS indexes',
  );
  const counts = JSON.parse(
    JSON.stringify(records[0]?.toObject(), (_k, v) => (typeof v === 'object' && v && 'low' in v ? Number(v) : v)),
  );
  return { ...counts, indexes: schema[0]?.get('indexes') };
}

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
    await loadDataset(
      testDriver(),
      new CypherLibrary(),
      testDatabase().database,
      readDataset('data/nato-russia-2022.yaml'),
      { replace: true },
    );
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

  describe('refuses every attempt to do more than read, and the database stays as it was', () => {
    let original: unknown;
    before(async () => {
      original = await fingerprint();
    });
    after(async () => {
      assert.deepEqual(await fingerprint(), original, 'the database changed');
    });

    const abuses: Array<[string, unknown, RegExp, boolean?]> = [
      ['CREATE', 'CREATE (n:Hack) RETURN n', /writes data \(Create/],
      ['MERGE', "MERGE (n:Hack {id: 'x'}) RETURN n", /writes data \(Merge/],
      ['SET a property', 'MATCH (n:Party) SET n.hacked = true', /changes properties or labels \(Set/],
      ['SET a label', 'MATCH (n:Party) SET n:Hacked', /changes properties or labels \(SetLabels/],
      [
        'REMOVE a property',
        'MATCH (n:Party) REMOVE n.label',
        /changes properties or labels \(Remove|changes properties or labels \(Set/,
      ],
      ['REMOVE a label', 'MATCH (n:Party) REMOVE n:Party', /changes properties or labels \(RemoveLabels/],
      ['DELETE', 'MATCH (n:Statement) DELETE n', /deletes data/],
      ['DETACH DELETE', 'MATCH (n) DETACH DELETE n', /deletes data/],
      [
        'FOREACH with SET',
        'MATCH (n:Party) FOREACH (x IN [1] | SET n.h = x)',
        /changes properties or labels|updates data/,
      ],
      [
        'a write in a subquery',
        'MATCH (n:Party) CALL (n) { CREATE (:Copy {of: n.id}) } RETURN count(*)',
        /writes data \(Create/,
      ],
      [
        'a write after a procedure',
        'CALL dbms.components() YIELD name CREATE (:Hack {name: name})',
        /writes data \(Create/,
      ],
      [
        'CALL { } IN TRANSACTIONS',
        'MATCH (n:Party) CALL (n) { SET n.h = 1 } IN TRANSACTIONS',
        /CALL \{ … \} IN TRANSACTIONS/,
      ],
      ['CREATE INDEX', 'CREATE INDEX hack FOR (n:Party) ON (n.hack)', /changes the schema \(CreateIndex/],
      ['DROP CONSTRAINT', 'DROP CONSTRAINT party_id', /changes the schema \(DropConstraint/],
      [
        'CREATE CONSTRAINT',
        'CREATE CONSTRAINT hack FOR (n:Hack) REQUIRE n.id IS UNIQUE',
        /changes the schema \(CreateConstraint/,
      ],
      [
        'LOAD CSV from a file',
        "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
        /LOAD CSV: the console reads the database only, never files or URLs/,
      ],
      ['LOAD CSV from a URL', "LOAD CSV FROM 'http://127.0.0.1:1/x.csv' AS line RETURN line", /LOAD CSV/],
      [
        'a dbms procedure',
        'CALL dbms.listConfig()',
        /calls the procedure dbms\.listConfig, which the console does not allow/,
      ],
      ['a write procedure', "CALL db.createLabel('Hack')", /calls the procedure db\.createLabel/],
      ['clearing caches', 'CALL db.clearQueryCaches()', /calls the procedure db\.clearQueryCaches/],
      ['an APOC procedure (absent)', "CALL apoc.help('x')", /apoc\.help/],
      ['another database', 'USE system SHOW USERS', /./],
      ['EXPLAIN of a write', 'EXPLAIN CREATE (n:Hack)', /./],
      ['PROFILE of a write', 'PROFILE CREATE (n:Hack)', /./],
      ['changing a password', "ALTER CURRENT USER SET PASSWORD FROM 'a' TO 'bbbbbbbb'", /./],
      [
        'a query that never ends',
        'UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN x',
        /longer than the console's limit of 1 s/,
        true,
      ],
      [
        'a cartesian explosion',
        'MATCH (a), (b), (c), (d) WHERE a.id + b.id + c.id + d.id = "x" RETURN count(*)',
        /longer than the console's limit of 1 s/,
        true,
      ],
      ['a syntax error', 'MATCH (n RETURN n', /Invalid input/],
      ['a query that is not a string', 42, /query: must be a string/],
      ['no query at all', undefined, /query: must be a string/],
      ['an empty query', '   ', /query: must not be empty/],
      ['a 1 MB query', `RETURN '${'x'.repeat(1_000_000)}'`, /query: must be at most 20,000 characters long/],
    ];
    for (const [name, query, expected, onTight] of abuses) {
      it(`refuses ${name}`, async () => {
        const { status, body, contentType } = await run(query, undefined, onTight ? tight : server);
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

  describe('with Neo4j unreachable', () => {
    it('answers 503 saying so', async () => {
      const driver = createDriver({
        uri: `bolt://127.0.0.1:${await freePort()}`,
        user: 'neo4j',
        password: 'irrelevant',
        connectTimeoutMs: 1000,
      });
      const app = createApp({ driver, cypher: new CypherLibrary(), database: 'neo4j', logger: createLogger('silent') });
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
