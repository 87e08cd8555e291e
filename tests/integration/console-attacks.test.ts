import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { toJson } from '../../server/src/neo4j/values.ts';
import type { RunningServer } from '../../server/src/server.ts';
import { loadNatoRussia } from '../_datasets.ts';
import { postJson } from '../_http.ts';
import { testDatabase, testDriver } from '../_neo4j.ts';
import { startTestServer } from '../_server.ts';
import { ATTACKS, type Attack, type Expected } from '../fixtures/console-attacks.ts';

/** The console's time limit for this suite: small, so that the corpus runs quickly. */
const TIMEOUT_MS = 1_000;
/** The bound the issue sets is the time limit + 1 s; the margin allows for a busy machine. */
const BOUND_MS = TIMEOUT_MS + 1_000;
const MARGIN_MS = 1_500;

/** JSON with sorted keys, so that equal values hash equally. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * A hash of everything a query could change: every node and relationship with its labels or type and
 * its properties, the indexes and constraints, and the users.
 */
async function databaseChecksum(): Promise<string> {
  const driver = testDriver();
  const { database } = testDatabase();
  const read = async (query: string, on = database) =>
    (await driver.executeQuery(query, {}, { database: on })).records.map((r) => toJson(r.toObject()));
  const hash = createHash('sha256');
  for (const part of [
    await read('MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties ORDER BY id'),
    await read(
      `MATCH (a)-[r]->(b) RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS from, elementId(b) AS to,
              properties(r) AS properties ORDER BY id`,
    ),
    await read('SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties RETURN * ORDER BY name'),
    await read('SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties RETURN * ORDER BY name'),
    await read('SHOW USERS YIELD user, roles, passwordChangeRequired, suspended RETURN * ORDER BY user', 'system'),
  ]) {
    hash.update(stable(part));
  }
  return hash.digest('hex');
}

/** Console transactions Neo4j still knows (the console tags them with `consoleRun`). */
async function consoleTransactions(): Promise<number> {
  const { records } = await testDriver().executeQuery(
    'SHOW TRANSACTIONS YIELD metaData WHERE metaData.consoleRun IS NOT NULL RETURN count(*) AS running',
  );
  return Number(records[0]?.get('running'));
}

const STOPPED = new Set(['query-timeout', 'query-memory', 'result-too-large']);

function assertAnswer(expected: Expected, status: number, body: Record<string, unknown>): void {
  const type = String(body.type ?? '').replace('/api/problems/', '');
  const seen = `${status} ${JSON.stringify(body).slice(0, 300)}`;
  assert.ok(status < 500, `a server error: ${seen}`);
  if ('refusal' in expected) {
    assert.equal(type, 'query-refused', seen);
    assert.equal(body.refusal, expected.refusal, seen);
  } else if ('problem' in expected) {
    assert.equal(type, expected.problem, seen);
  } else if ('rejected' in expected) {
    assert.ok(status >= 400, seen);
  } else if ('stopped' in expected) {
    assert.ok(STOPPED.has(type), seen);
  } else if ('cut' in expected) {
    if (expected.cut === 'any' && STOPPED.has(type)) return;
    assert.equal(status, 200, seen);
    assert.equal(body.truncated, true, seen);
    if (expected.cut !== 'any') assert.equal(body.truncatedBy, expected.cut, seen);
  } else if ('answered' in expected) {
    assert.equal(status, 200, seen);
  }
}

describe('the Cypher console under attack', function () {
  this.timeout(60_000);
  let server: RunningServer;
  let original: string;
  const outcomes: Array<{ attack: Attack; kind: 'refused' | 'stopped' | 'answered'; ms: number }> = [];

  before(async () => {
    await loadNatoRussia();
    // One client sends every attack, one after the other: the per-client cap must not be what answers.
    server = await startTestServer({ CYPHER_TIMEOUT_MS: String(TIMEOUT_MS), CYPHER_MAX_CONCURRENT_PER_CLIENT: '4' });
    // Starts the console's worker threads, which the timings below should not include.
    assert.equal((await postJson(`${server.url}/api/cypher`, { query: 'RETURN 1 AS one' })).status, 200);
    original = await databaseChecksum();
  });

  after(async () => {
    await server?.close();
    const count = (kind: string) => outcomes.filter((o) => o.kind === kind).length;
    const worst = outcomes.reduce((a, b) => (b.ms > a.ms ? b : a), outcomes[0] ?? { ms: 0, attack: undefined });
    console.log(
      `      ${outcomes.length} attacks: ${count('refused')} refused, ${count('stopped')} stopped by a limit, ` +
        `${count('answered')} answered within limits; slowest ${Math.round(worst.ms)} ms (${worst.attack?.name})`,
    );
  });

  it('keeps a corpus of at least 100 attacks', () => {
    assert.ok(ATTACKS.length >= 100, `${ATTACKS.length} attacks`);
  });

  for (const attack of ATTACKS) {
    it(`${attack.category}: ${attack.name}`, async () => {
      const started = performance.now();
      const { status, body } = await postJson(`${server.url}/api/cypher`, {
        query: attack.query,
        ...(attack.params ? { params: attack.params } : {}),
      });
      const answeredMs = performance.now() - started;
      assertAnswer(attack.expect, status, body);
      assert.ok(answeredMs <= BOUND_MS + MARGIN_MS, `answered after ${Math.round(answeredMs)} ms`);
      // Stopped means stopped in Neo4j too, not only answered.
      const stoppedWithin = Math.max(BOUND_MS, attack.lingersMs ?? 0) + MARGIN_MS;
      while ((await consoleTransactions()) > 0) {
        assert.ok(performance.now() - started <= stoppedWithin, 'its transaction is still running in Neo4j');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const type = String(body.type ?? '').replace('/api/problems/', '');
      outcomes.push({
        attack,
        kind: status === 200 ? 'answered' : STOPPED.has(type) ? 'stopped' : 'refused',
        ms: performance.now() - started,
      });
      assert.equal(await databaseChecksum(), original, 'the database changed');
    });
  }
});
