import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { generateNegotiation } from '../../scripts/synthetic/generate.ts';
import { loadDataset } from '../../server/src/dataset/load.ts';
import { parseDataset } from '../../server/src/dataset/parse.ts';
import { CypherLibrary } from '../../server/src/neo4j/cypher.ts';
import { applySchema } from '../../server/src/neo4j/schema.ts';
import { testDatabase, testDriver } from '../_neo4j.ts';

describe('a 50,000-node negotiation under the default memory settings', () => {
  const cypher = new CypherLibrary();
  const NODES = 50_000;

  before(() => applySchema(testDriver(), cypher, testDatabase().database));

  it('runs against a database that caps a transaction at 128 MiB', async () => {
    const { records } = await testDriver().executeQuery(
      "SHOW SETTINGS YIELD name, value WHERE name = 'db.memory.transaction.max' RETURN value",
    );
    assert.match(String(records[0]?.get('value')), /^128(\.00)?\s*MiB$|^134217728$/);
  });

  it('validates, loads and replaces it, all of it, leaving nothing behind', async function () {
    this.timeout(600_000);
    const text = stringify(generateNegotiation({ nodes: NODES, seed: 1, id: 'synthetic-large' }));
    const data = parseDataset(text, 'synthetic-large.yaml');
    const load = (replace: boolean) => loadDataset(testDriver(), cypher, testDatabase().database, data, { replace });

    const loaded = await load(false);
    assert.equal(loaded.nodes, NODES);
    assert.ok(loaded.relationships > 3 * NODES, `${loaded.relationships} relationships`);
    const replaced = await load(true);
    assert.deepEqual(replaced, { ...loaded, replaced: true });

    const { records } = await testDriver().executeQuery(
      `RETURN COUNT { MATCH (n) WHERE n:LoadingNegotiation OR n:RetiredNegotiation } AS markers,
              COUNT { MATCH (n) WHERE n.negotiation STARTS WITH 'synthetic-large' } AS nodes`,
    );
    assert.deepEqual([Number(records[0]?.get('markers')), Number(records[0]?.get('nodes'))], [0, NODES - 1]);
  });
});
