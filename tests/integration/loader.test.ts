import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { generateNegotiation } from '../../scripts/synthetic/generate.ts';
import { LoadError, type LoadOptions, loadDataset, NegotiationExistsError } from '../../server/src/dataset/load.ts';
import type { Dataset } from '../../server/src/dataset/types.ts';
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

/** What staged loads leave: their marker nodes, and nodes under a load's key (`<id>~<hex>`). */
async function leftovers(): Promise<{ markers: number; staged: number }> {
  const { records } = await testDriver().executeQuery(
    `RETURN COUNT { MATCH (n) WHERE n:LoadingNegotiation OR n:RetiredNegotiation } AS markers,
            COUNT { MATCH (n) WHERE n.negotiation CONTAINS '~' } AS staged`,
  );
  return { markers: Number(records[0]?.get('markers')), staged: Number(records[0]?.get('staged')) };
}

/** What a reader sees of a negotiation: listed or not, and how many nodes the list counts for it. */
async function listed(negotiation: string): Promise<number | undefined> {
  const { records } = await testDriver().executeQuery(new CypherLibrary().get('negotiations/list'));
  const row = records.find((r) => r.get('negotiation').id === negotiation);
  if (!row) return undefined;
  return Object.values(row.get('counts') as Record<string, unknown>).reduce<number>((a, b) => a + Number(b), 0);
}

/** A copy of the project's Cypher with some files edited, to make a load fail where a test wants. */
const copies: string[] = [];
function cypherWith(edits: Record<string, (text: string) => string>): CypherLibrary {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'common-ground-cypher-'));
  copies.push(dir);
  cpSync(cypherDir, dir, { recursive: true });
  for (const [name, edit] of Object.entries(edits)) {
    const file = path.join(dir, `${name}.cypher`);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
  }
  return new CypherLibrary(dir);
}
/** A step that fails with a Neo4j error (division by zero) on the row of one slug, after the rows before it. */
const failOnRow = (slug: string) => (text: string) =>
  text.replace(
    'UNWIND $rows AS row',
    `UNWIND $rows AS row WITH row, CASE WHEN row.slug = '${slug}' THEN 1 / 0 END AS boom`,
  );
/** Moving the staged nodes in (to the negotiation's id, from the load's key) fails; the way back works. */
const failMovingIn = (text: string) =>
  text.replace(
    'WITH n LIMIT $limit',
    "WITH n LIMIT $limit WITH n, CASE WHEN $from =~ '.*~[0-9a-f]{12}' AND NOT $to CONTAINS '~' THEN 1 / 0 END AS boom",
  );
/** Undoing cannot remove anything: as if the process died before it could. */
const removalFails = {
  'load/remove-links': () => 'RETURN 1 / 0 AS removed',
  'load/remove-nodes': () => 'RETURN 1 / 0 AS removed',
};

describe('loading a dataset into Neo4j', () => {
  const cypher = new CypherLibrary();
  const load = (data: Dataset = harbourTalks(), options: LoadOptions = {}, library = cypher) =>
    loadDataset(testDriver(), library, testDatabase().database, data, options);
  const reload = (data: Dataset = harbourTalks(), options: LoadOptions = {}, library = cypher) =>
    load(data, { replace: true, ...options }, library);
  /** A load that fails with a LoadError in one line, saying nothing was changed, and leaves nothing behind. */
  const assertFailsCleanly = async (loading: Promise<unknown>, pattern: RegExp) => {
    const error = await loading.then(
      () => assert.fail('expected the load to fail'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof LoadError, `expected a LoadError, got ${error}`);
    assert.match(error.message, pattern);
    assert.doesNotMatch(error.message, /\n/);
    assert.match(error.message, /nothing was changed/);
    assert.deepEqual(await leftovers(), { markers: 0, staged: 0 });
  };

  before(() => applySchema(testDriver(), cypher, testDatabase().database));
  beforeEach(async () => {
    await testDriver().executeQuery(
      "MATCH (n) WHERE n.negotiation STARTS WITH 'harbour-talks' OR n.id STARTS WITH 'harbour-talks' OR n:LoadingNegotiation OR n:RetiredNegotiation DETACH DELETE n",
    );
  });
  after(() => {
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  });

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
    assert.deepEqual(summary, { negotiation: NEGOTIATION, nodes: 21, relationships: 42, replaced: false });
    assert.deepEqual(await leftovers(), { markers: 0, staged: 0 });
  });

  it('stores what the model promises on a position: kind codes, firmness, dates, a readable label', async () => {
    await load();
    const { records } = await testDriver().executeQuery(
      `MATCH (p:Position {id: 'harbour-talks:south-wants-berths'})
       RETURN p.kind AS kind, p.cameo AS cameo, p.plover AS plover, p.firmness AS firmness, p.firmnessRank AS rank,
              p.stated AS stated, p.since AS since, p.label AS label, p.slug AS slug, p.negotiation AS negotiation`,
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
      negotiation: NEGOTIATION,
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
  });

  it('refuses a negotiation that is already in the database unless asked to replace it', async () => {
    await load();
    const before = await snapshot(NEGOTIATION);
    const edited = harbourTalks();
    edited.positions = edited.positions.slice(0, 1);
    edited.statements = edited.statements.slice(0, 1);
    await assert.rejects(load(edited), (error: unknown) => {
      assert.ok(error instanceof NegotiationExistsError);
      assert.match(error.message, /negotiation "harbour-talks" is already in the database; nothing was loaded/);
      assert.match(error.message, /--replace/);
      return true;
    });
    assert.deepEqual(await snapshot(NEGOTIATION), before);
    assert.deepEqual(await leftovers(), { markers: 0, staged: 0 });
  });

  it('gives the same graph when replaced by the same file, and in batches of one row as in one batch', async () => {
    await load();
    const first = await snapshot(NEGOTIATION);
    const summary = await reload(harbourTalks(), { batchSize: 1 });
    assert.equal(summary.replaced, true);
    assert.deepEqual(await snapshot(NEGOTIATION), first);
    await reload(harbourTalks(), { batchSize: 3 });
    assert.deepEqual(await snapshot(NEGOTIATION), first);
    assert.deepEqual(await leftovers(), { markers: 0, staged: 0 });
  });

  it('updates the graph to match an edited file: a removed position disappears with its links', async () => {
    await load();
    const edited = harbourTalks();
    edited.positions = edited.positions.filter((p) => p.id !== 'north-offers-night-ban');
    edited.statements = edited.statements.filter((s) => s.id !== 'ada-night');
    edited.positions[0]!.summary = 'Southbay now wants twelve berths.';
    await reload(edited);
    const ids = (await snapshot(NEGOTIATION)).map((n) => n.id);
    assert.ok(!ids.includes('harbour-talks:north-offers-night-ban'));
    assert.ok(!ids.includes('harbour-talks:ada-night'));
    assert.equal((await countByLabel(NEGOTIATION)).Position, 3);
    const { records } = await testDriver().executeQuery(
      "MATCH (p:Position {id: 'harbour-talks:south-wants-berths'}) RETURN p.summary AS summary",
    );
    assert.equal(records[0]?.get('summary'), 'Southbay now wants twelve berths.');
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
    await reload(edited, { batchSize: 2 });
    assert.deepEqual(await snapshot('harbour-talks-copy'), before);
    assert.equal(before.length, 21);
  });

  it('writes nothing when a new negotiation fails part-way through a batched load', async () => {
    const library = cypherWith({ 'load/statements': failOnRow('ada-night') });
    await assertFailsCleanly(
      load(harbourTalks(), { batchSize: 1 }, library),
      /^loading "harbour-talks" failed while writing statements 3–3 of 4: .*by zero/,
    );
    assert.deepEqual(await snapshot(NEGOTIATION), []);
  });

  it('keeps the old version whole when a replacement fails while staging', async () => {
    await load();
    const before = await snapshot(NEGOTIATION);
    const edited = harbourTalks();
    edited.negotiation.title = 'Changed';
    const library = cypherWith({ 'load/statements': failOnRow('southbay-night') });
    await assertFailsCleanly(reload(edited, { batchSize: 1 }, library), /failed while writing statements 4–4 of 4/);
    assert.deepEqual(await snapshot(NEGOTIATION), before);
  });

  it('keeps the old version whole when a replacement fails while switching, after the old was moved aside', async () => {
    await load();
    const before = await snapshot(NEGOTIATION);
    const library = cypherWith({ 'load/rename': failMovingIn });
    await assertFailsCleanly(
      reload(harbourTalks(), { batchSize: 2 }, library),
      /failed while switching to the new version: .*by zero/,
    );
    assert.deepEqual(await snapshot(NEGOTIATION), before);
  });

  it('keeps the old version whole when a replacement fails just before publishing', async () => {
    await load();
    const before = await snapshot(NEGOTIATION);
    const failure = (step: string) => {
      if (step === 'publish') throw new Error('injected');
    };
    await assert.rejects(reload(harbourTalks(), { onProgress: ({ step }) => failure(step) }), /injected/);
    assert.deepEqual(await snapshot(NEGOTIATION), before);
    assert.deepEqual(await leftovers(), { markers: 0, staged: 0 });
  });

  it('reports the memory cap per transaction in one line, and writes nothing', async () => {
    // A step that takes more than db.memory.transaction.max (128 MiB in the test database's settings).
    const library = cypherWith({
      'load/statements': () => 'UNWIND range(1, 40000000) AS i WITH collect(i) AS huge RETURN size(huge) AS n',
    });
    await assertFailsCleanly(
      load(harbourTalks(), {}, library),
      /^loading "harbour-talks" failed while writing statements 1–4 of 4: Neo4j's memory limit per transaction \(db\.memory\.transaction\.max\) was reached .*; load with a smaller --batch-size$/,
    );
  });

  it('shows readers nothing of a new negotiation until it is all in, and the old version of a replaced one', async () => {
    const seen: Array<number | undefined> = [];
    const look = async () => {
      seen.push(await listed(NEGOTIATION));
    };
    await load(harbourTalks(), { batchSize: 1, onProgress: look });
    assert.ok(seen.length > 20);
    assert.deepEqual(new Set(seen), new Set([undefined]));
    assert.equal(await listed(NEGOTIATION), 20);

    const before = await snapshot(NEGOTIATION);
    const edited = harbourTalks();
    edited.negotiation.title = 'Changed';
    const snapshots: unknown[] = [];
    let whileSwitching: number | undefined | null = null;
    await reload(edited, {
      batchSize: 1,
      onProgress: async ({ step }) => {
        // Until switching, the old version whole; while switching, none; then the new one.
        if (step === 'publish') whileSwitching = await listed(NEGOTIATION);
        else if (step !== 'remove-old') snapshots.push(await snapshot(NEGOTIATION));
      },
    });
    assert.ok(snapshots.length > 20);
    for (const seenThen of snapshots) assert.deepEqual(seenThen, before);
    assert.equal(whileSwitching, undefined);
    assert.notDeepEqual(await snapshot(NEGOTIATION), before);
  });

  it('is undone when interrupted, and leaves the old version', async () => {
    await load();
    const before = await snapshot(NEGOTIATION);
    const abort = new AbortController();
    await assertFailsCleanly(
      reload(harbourTalks(), {
        batchSize: 1,
        signal: abort.signal,
        onProgress: ({ done }) => {
          if (done === 10) abort.abort();
        },
      }),
      /^loading "harbour-talks" was interrupted while writing/,
    );
    assert.deepEqual(await snapshot(NEGOTIATION), before);
  });

  it('leaves a crashed load marked, hidden from readers, and the next load removes it', async () => {
    // The load fails and cannot clean up, as if the process had died.
    const library = cypherWith({ 'load/statements': failOnRow('ada-night'), ...removalFails });
    await assert.rejects(load(harbourTalks(), { batchSize: 1 }, library), (error: unknown) => {
      assert.ok(error instanceof LoadError);
      assert.match(error.message, /what it wrote is marked in the database, and the next load of it will undo it$/);
      return true;
    });
    const left = await leftovers();
    assert.equal(left.markers, 1);
    assert.ok(left.staged > 10);
    assert.equal(await listed(NEGOTIATION), undefined);
    assert.deepEqual(await snapshot(NEGOTIATION), []);

    await load();
    assert.deepEqual(await leftovers(), { markers: 0, staged: 0 });
    assert.equal(await listed(NEGOTIATION), 20);
  });

  it('restores the old version that a crashed replacement had moved aside, on the next load', async () => {
    await load();
    const before = await snapshot(NEGOTIATION);
    const library = cypherWith({ 'load/rename': failMovingIn, 'load/restore': () => 'RETURN 1 / 0', ...removalFails });
    await assert.rejects(reload(harbourTalks(), { batchSize: 2 }, library), LoadError);
    // Mid-switch the negotiation is out of readers' view, never half there.
    assert.equal(await listed(NEGOTIATION), undefined);

    // A load of it (here one that is refused: it may not replace) first undoes the crashed one.
    await assert.rejects(load(), NegotiationExistsError);
    assert.deepEqual(await snapshot(NEGOTIATION), before);
    assert.deepEqual(await leftovers(), { markers: 0, staged: 0 });
  });

  it('undoes leftovers of other negotiations only once they have been idle for long', async () => {
    const other = harbourTalks();
    other.negotiation.id = 'harbour-talks-other';
    const library = cypherWith({ 'load/statements': failOnRow('ada-night'), ...removalFails });
    await assert.rejects(load(other, { batchSize: 1 }, library), LoadError);
    await load();
    assert.equal((await leftovers()).markers, 1, 'a recent load of another negotiation may still be running');

    await testDriver().executeQuery('MATCH (n:LoadingNegotiation) SET n.touchedAt = datetime() - duration("PT16M")');
    await reload();
    assert.deepEqual(await leftovers(), { markers: 0, staged: 0 });
  });

  it('lets a second load of the same negotiation take over from one in progress', async () => {
    const first = harbourTalks();
    first.negotiation.title = 'First';
    const second = harbourTalks();
    second.negotiation.title = 'Second';
    let started: Promise<unknown> | undefined;
    await assert.rejects(
      load(first, {
        batchSize: 1,
        onProgress: async ({ done }) => {
          if (done === 5) {
            started = load(second);
            await started;
          }
        },
      }),
      (error: unknown) => {
        assert.ok(error instanceof LoadError);
        assert.match(error.message, /another load of "harbour-talks" started meanwhile and undid this one$/);
        return true;
      },
    );
    assert.ok(started);
    const { records } = await testDriver().executeQuery(
      "MATCH (n:Negotiation {id: 'harbour-talks'}) RETURN n.label AS title",
    );
    assert.deepEqual(
      records.map((r) => r.get('title')),
      ['Second'],
    );
    assert.deepEqual(await leftovers(), { markers: 0, staged: 0 });
  });

  it('loads a synthetic negotiation of 5,000 nodes in many batches, and replaces it', async () => {
    const data = generateNegotiation({ nodes: 5_000, seed: 7, id: 'harbour-talks-synthetic' });
    const summary = await load(data, { batchSize: 250 });
    assert.equal(summary.nodes, 5_000);
    const replaced = await reload(data, { batchSize: 400 });
    assert.deepEqual(replaced, { ...summary, replaced: true });
    assert.deepEqual(await leftovers(), { markers: 0, staged: 0 });
  });
});
