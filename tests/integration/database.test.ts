import assert from 'node:assert/strict';
import { CypherLibrary } from '../../server/src/neo4j/cypher.ts';
import { Database } from '../../server/src/neo4j/database.ts';
import { loadNatoRussia } from '../_datasets.ts';
import { testDatabase, testDriver } from '../_neo4j.ts';

describe('Database', () => {
  before(loadNatoRussia);
  const database = () => new Database(testDriver(), new CypherLibrary(), testDatabase().database);
  /** The parameters of graph/subgraph for the bundled negotiation, unfiltered. */
  const subgraph = (include: string[]) => ({
    negotiation: 'nato-russia-2022',
    parties: null,
    issues: null,
    kinds: null,
    sides: null,
    asOf: null,
    include,
  });

  it('warms Neo4j up with the distinct reads it ran last, each with its own parameters', async () => {
    const db = database();
    assert.deepEqual(await db.warmUp(Date.now() + 10_000), { ran: 0, of: 0 }, 'nothing read yet, nothing to warm');
    await db.read('negotiations/list');
    await db.read('graph/subgraph', subgraph([]));
    await db.read('graph/subgraph', subgraph(['Statement']));
    await db.read('negotiations/list');
    assert.deepEqual(await db.warmUp(Date.now() + 10_000), { ran: 3, of: 3 });
  });

  it('stops warming up at its deadline', async () => {
    const db = database();
    await db.read('negotiations/list');
    assert.deepEqual(await db.warmUp(Date.now() - 1), { ran: 0, of: 1 });
  });
});
