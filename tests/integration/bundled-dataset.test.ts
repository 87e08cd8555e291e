import assert from 'node:assert/strict';
import { bundledDatasetFiles } from '../../server/src/dataset/bundled.ts';
import { readDataset } from '../../server/src/dataset/parse.ts';
import type { RunningServer } from '../../server/src/server.ts';
import { testDriver } from '../_neo4j.ts';
import { startTestServer } from '../_server.ts';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('the bundled datasets after start-up', () => {
  let server: RunningServer;
  before(async () => {
    // Start-up loads the bundled datasets into a database that holds no negotiation.
    await testDriver().executeQuery('MATCH (n:Negotiation) DETACH DELETE n');
    server = await startTestServer();
  });
  after(() => server.close());

  for (const file of bundledDatasetFiles()) {
    const data = readDataset(file);
    const id = data.negotiation.id;

    it(`holds ${id} with as many nodes of each label as the file has things`, async () => {
      const { records } = await testDriver().executeQuery(
        'MATCH (n) WHERE n.negotiation = $id RETURN labels(n)[0] AS label, count(*) AS count',
        { id },
      );
      const counts = Object.fromEntries(records.map((r) => [r.get('label'), Number(r.get('count'))]));
      assert.deepEqual(counts, {
        Party: data.parties.length,
        Person: data.people.length,
        Event: data.events.length,
        Source: data.sources.length,
        Issue: data.issues.length,
        Option: sum(data.issues.map((i) => i.options.length)),
        Position: data.positions.length,
        Statement: data.statements.length,
      });
    });

    it(`links ${id}'s positions and statements as the file says`, async () => {
      const { records } = await testDriver().executeQuery(
        `MATCH (n)-[r]->() WHERE n.negotiation = $id
         RETURN type(r) AS type, count(*) AS count`,
        { id },
      );
      const counts = Object.fromEntries(records.map((r) => [r.get('type'), Number(r.get('count'))]));
      const listed = (field: 'for' | 'against' | 'counters' | 'rejects' | 'conditionalOn') =>
        sum(data.positions.map((p) => p[field]?.length ?? 0));
      assert.equal(counts.HOLDS, sum(data.positions.map((p) => p.holders.length)));
      assert.equal(counts.ON, data.positions.length);
      assert.equal(counts.FOR, listed('for'));
      assert.equal(counts.AGAINST, listed('against'));
      assert.equal(counts.COUNTERS ?? 0, listed('counters'));
      assert.equal(counts.REJECTS ?? 0, listed('rejects'));
      assert.equal(counts.CONDITIONAL_ON ?? 0, listed('conditionalOn'));
      assert.equal(counts.EVIDENCES, sum(data.statements.map((s) => s.positions.length)));
      assert.equal(counts.REPORTED_IN, data.statements.length);
      assert.equal(counts.MADE_AT ?? 0, data.statements.filter((s) => s.event).length);
      assert.equal(counts.PARTY_TO, data.parties.filter((p) => p.side).length);
      assert.equal(counts.CONCERNED_BY ?? 0, data.parties.filter((p) => !p.side).length);
    });

    it(`finds ${id}'s quotes through the full-text index`, async () => {
      const statement = data.statements[0]!;
      const word = statement.quote.split(/\W+/).find((w) => w.length > 6) ?? statement.quote.split(/\W+/)[0]!;
      const { records } = await testDriver().executeQuery(
        "CALL db.index.fulltext.queryNodes('search', $word) YIELD node RETURN collect(node.id) AS ids",
        { word },
      );
      assert.ok(records[0]?.get('ids').includes(`${id}:${statement.id}`), `searching "${word}"`);
    });
  }
});
