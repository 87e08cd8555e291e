import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { loadDataset } from '../../server/src/dataset/load.ts';
import { CypherLibrary, cypherDir } from '../../server/src/neo4j/cypher.ts';
import { applySchema } from '../../server/src/neo4j/schema.ts';
import { harbourTalks } from '../_datasets.ts';
import { testDatabase, testDriver } from '../_neo4j.ts';

const NEGOTIATION = 'harbour-talks';

/** Neo4j values as comparable plain data. */
function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return value.toNumber();
  if (neo4j.isDate(value)) return value.toString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

/** Every node of a negotiation with its properties and outgoing relationships (type, target, properties). */
async function snapshot(negotiation: string) {
  const { records } = await testDriver().executeQuery(
    `MATCH (n) WHERE n.negotiation = $negotiation OR n.id = $negotiation
     OPTIONAL MATCH (n)-[r]->(m)
     WITH n, collect(CASE WHEN r IS NULL THEN null ELSE [type(r), m.id, properties(r)] END) AS out
     RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties, out
     ORDER BY id`,
    { negotiation },
  );
  return records.map((record) => {
    const node = plain(record.toObject()) as { id: string; out: unknown[] };
    return { ...node, out: node.out.map((r) => JSON.stringify(r)).sort() };
  });
}

async function countByLabel(negotiation: string): Promise<Record<string, number>> {
  const { records } = await testDriver().executeQuery(
    'MATCH (n) WHERE n.negotiation = $negotiation OR n.id = $negotiation RETURN labels(n)[0] AS label, count(*) AS count',
    { negotiation },
  );
  return Object.fromEntries(records.map((r) => [r.get('label'), Number(r.get('count'))]));
}

async function countByType(negotiation: string): Promise<Record<string, number>> {
  const { records } = await testDriver().executeQuery(
    `MATCH (n)-[r]->() WHERE n.negotiation = $negotiation OR n.id = $negotiation
     RETURN type(r) AS type, count(*) AS count`,
    { negotiation },
  );
  return Object.fromEntries(records.map((r) => [r.get('type'), Number(r.get('count'))]));
}

describe('loading a dataset into Neo4j', () => {
  const cypher = new CypherLibrary();
  const load = (data = harbourTalks(), library = cypher) =>
    loadDataset(testDriver(), library, testDatabase().database, data);

  before(() => applySchema(testDriver(), cypher, testDatabase().database));

  it('creates one node per thing in the file and the relationships between them', async () => {
    const summary = await load();
    assert.deepEqual(await countByLabel(NEGOTIATION), {
      Negotiation: 1,
      Party: 3,
      Person: 2,
      Event: 1,
      Source: 1,
      Issue: 2,
      Option: 3,
      Position: 4,
      Statement: 4,
    });
    assert.deepEqual(await countByType(NEGOTIATION), {
      PARTY_TO: 2,
      CONCERNED_BY: 1,
      SPEAKS_FOR: 2,
      PART_OF: 1,
      REPORTS_ON: 1,
      HAS_ISSUE: 2,
      HAS_OPTION: 3,
      HOLDS: 4,
      ON: 4,
      FOR: 4,
      AGAINST: 1,
      REJECTS: 1,
      CONDITIONAL_ON: 1,
      EVIDENCES: 4,
      SAID: 4,
      REPORTED_IN: 4,
      MADE_AT: 3,
    });
    assert.deepEqual(summary, { negotiation: NEGOTIATION, nodes: 21, relationships: 42 });
  });

  it('stores what the model promises on a position: kind codes, firmness, dates, a readable label', async () => {
    await load();
    const { records } = await testDriver().executeQuery(
      `MATCH (p:Position {id: 'harbour-talks:south-wants-berths'})
       RETURN p.kind AS kind, p.cameo AS cameo, p.plover AS plover, p.firmness AS firmness, p.firmnessRank AS rank,
              p.stated AS stated, p.since AS since, p.label AS label, p.slug AS slug`,
    );
    assert.deepEqual(plain(records[0]?.toObject()), {
      kind: 'demand',
      cameo: '10',
      plover: 'REQUEST',
      firmness: 'high',
      rank: 3,
      stated: '2024-05-02',
      since: '2024-01-15',
      label: 'Southbay: demand – Ten berths for Southbay',
      slug: 'south-wants-berths',
    });
  });

  it("uses a position's own label when the file gives one", async () => {
    const data = harbourTalks();
    data.positions[0]!.label = 'Ten berths, this summer';
    await load(data);
    const { records } = await testDriver().executeQuery(
      "MATCH (p:Position {id: 'harbour-talks:south-wants-berths'}) RETURN p.label AS label",
    );
    assert.equal(records[0]?.get('label'), 'Ten berths, this summer');
    await load();
  });

  it('gives the same graph when loaded twice', async () => {
    await load();
    const first = await snapshot(NEGOTIATION);
    await load();
    assert.deepEqual(await snapshot(NEGOTIATION), first);
  });

  it('updates the graph to match an edited file: a removed position disappears with its links', async () => {
    await load();
    const edited = harbourTalks();
    edited.positions = edited.positions.filter((p) => p.id !== 'north-offers-night-ban');
    edited.statements = edited.statements.filter((s) => s.id !== 'ada-night');
    edited.positions[0]!.summary = 'Southbay now wants twelve berths.';
    await load(edited);
    const ids = (await snapshot(NEGOTIATION)).map((n) => n.id);
    assert.ok(!ids.includes('harbour-talks:north-offers-night-ban'));
    assert.ok(!ids.includes('harbour-talks:ada-night'));
    assert.equal((await countByLabel(NEGOTIATION)).Position, 3);
    const { records } = await testDriver().executeQuery(
      "MATCH (p:Position {id: 'harbour-talks:south-wants-berths'}) RETURN p.summary AS summary",
    );
    assert.equal(records[0]?.get('summary'), 'Southbay now wants twelve berths.');
    await load(); // and back
    assert.equal((await countByLabel(NEGOTIATION)).Position, 4);
  });

  it('leaves other negotiations alone', async () => {
    const other = harbourTalks();
    other.negotiation.id = 'harbour-talks-copy';
    await load(other);
    await load();
    const before = await snapshot('harbour-talks-copy');
    const edited = harbourTalks();
    edited.positions = edited.positions.slice(0, 2);
    edited.statements = edited.statements.filter((s) =>
      s.positions.every((p) => edited.positions.some((q) => q.id === p)),
    );
    await load(edited);
    assert.deepEqual(await snapshot('harbour-talks-copy'), before);
    assert.equal(before.length, 21);
  });

  it('writes nothing when a step fails part-way: the whole load is one transaction', async () => {
    await load();
    const before = await snapshot(NEGOTIATION);
    // A copy of the project's Cypher whose last step fails after the others have run.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'common-ground-cypher-'));
    try {
      cpSync(cypherDir, dir, { recursive: true });
      writeFileSync(path.join(dir, 'load', '11-statements.cypher'), 'UNWIND $rows AS row RETURN 1 / 0 AS boom');
      const edited = harbourTalks();
      edited.positions = edited.positions.slice(0, 1);
      edited.statements = edited.statements.slice(0, 1);
      edited.negotiation.title = 'Changed';
      await assert.rejects(load(edited, new CypherLibrary(dir)), /by zero/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.deepEqual(await snapshot(NEGOTIATION), before);
  });
});
