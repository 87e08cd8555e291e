import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type LocalNeo4j, startLocalNeo4j } from '../../scripts/local-neo4j/local-neo4j.ts';
import { freePort } from '../_net.ts';
import { isAlive, type Load, type LogLine, report, type Sample, sample, useFaultFixture, waitUntil } from './_tree.ts';

const DATA = '/api/graph?negotiation=nato-russia-2022';
/** The bound on answering while Neo4j is down; checked as it is. */
const UNAVAILABLE_WITHIN_MS = 1_000;
/**
 * The goal for serving again after Neo4j is back. From Neo4j's first answer it is the app's warm-up
 * and opening (1.4–1.7 s on a quiet machine); from the moment Neo4j logs `Started.` it also includes
 * Neo4j's own cold start (its first query of any kind takes 1.3–1.7 s on an idle machine). Both stretch
 * several times on a machine busy with other work, so both are allowed three times the goal and reported.
 */
const RECOVERY_GOAL_MS = 5_000;
const RECOVERY_ALLOWED_MS = 3 * RECOVERY_GOAL_MS;
/** The bound on any request once Neo4j is back (no request waits out a cold Neo4j). */
const NO_HANG_MS = 2_000;
/** No client waits this long for any answer (a first query on a cold Neo4j can take seconds). */
const CLIENT_TIMEOUT_MS = 30_000;

interface Outage {
  killed: number;
  /** Neo4j has started again (its log says so). */
  restarted: number;
  /** The app's probe has its first answer from the restarted Neo4j. */
  answered: number;
}

/** Checks a load run around an outage of Neo4j and returns the figures for the report. */
function checkOutage(samples: Sample[], { killed, restarted, answered }: Outage) {
  const unanswered = samples.filter((s) => s.error);
  assert.deepEqual(unanswered, [], 'every request has an answer (none hangs until the client gives up)');
  const refused = samples.filter((s) => s.status !== 200);
  for (const s of refused) {
    assert.equal(s.status, 503, `only 503 around an outage, got ${JSON.stringify(s)}`);
    assert.ok(Number(s.retryAfter) > 0, `a 503 carries Retry-After: ${JSON.stringify(s)}`);
    assert.equal(s.problemType, '/api/problems/neo4j-unavailable');
  }
  // Requests under way when Neo4j went, sent while it was down or refused while it warmed up.
  const duringOutage = samples.filter((s) => (s.ended > killed && s.started < answered) || s.status === 503);
  const waits = duringOutage.map((s) => s.ended - Math.max(s.started, killed));
  const slowest = Math.max(...waits);
  assert.ok(
    slowest <= UNAVAILABLE_WITHIN_MS,
    `answered within ${UNAVAILABLE_WITHIN_MS} ms during the outage: ${slowest}`,
  );
  const firstSuccess = samples
    .filter((s) => s.started >= killed && s.status === 200)
    .sort((a, b) => a.ended - b.ended)[0];
  assert.ok(firstSuccess, 'requests succeed again');
  const recoveredMs = firstSuccess.ended - restarted;
  assert.ok(recoveredMs <= RECOVERY_ALLOWED_MS, `served again ${recoveredMs} ms after Neo4j was back`);
  // The app's own part (warm-up and opening) meets the goal on a quiet machine; one busy with other work
  // stretches it, hence the same allowance.
  const servedAfterAnswerMs = firstSuccess.ended - answered;
  assert.ok(servedAfterAnswerMs <= RECOVERY_ALLOWED_MS, `served ${servedAfterAnswerMs} ms after Neo4j answered`);
  const afterBack = samples.filter((s) => s.started >= answered && s.status === 200);
  const slowestAfterBack = Math.max(...afterBack.map((s) => s.ended - s.started));
  assert.ok(slowestAfterBack <= NO_HANG_MS, `a request took ${slowestAfterBack} ms after Neo4j was back`);
  return {
    requests: samples.length,
    answered503: refused.length,
    slowest503OrOutageAnswerMs: slowest,
    medianOutageAnswerMs: waits.sort((a, b) => a - b)[Math.floor(waits.length / 2)],
    firstSuccessAfterNeo4jStartedMs: recoveredMs,
    firstSuccessAfterFirstAnswerMs: servedAfterAnswerMs,
    slowestRequestAfterBackMs: slowestAfterBack,
  };
}

/** Waits until the load has seen `count` successes that started after `since`. */
function successesAfter(load: Load, since: number, count: number, timeoutMs: number): Promise<boolean> {
  return waitUntil(() => load.samples.filter((s) => s.started >= since && s.status === 200).length >= count, timeoutMs);
}

/** Runs the load on a warm app (its first, cold queries are not what is measured). */
async function loadWarmApp(fixture: ReturnType<typeof useFaultFixture>, url: string): Promise<Load> {
  assert.equal((await sample(url, 60_000)).status, 200, 'the app serves data');
  // Clients that try again four times a second however long Retry-After says, so that every moment of the
  // outage is sampled.
  const load = fixture.startLoad(url, { clients: 6, timeoutMs: CLIENT_TIMEOUT_MS, after503: 250 });
  assert.ok(await successesAfter(load, 0, 30, 60_000), 'the load runs');
  return load;
}

const answersAgain = (line: LogLine) => line.msg === 'Neo4j answers again; data requests are served';

describe('Neo4j dies under load', function () {
  // A restart of Neo4j on a loaded two-core machine can take half a minute.
  this.timeout(300_000);
  const fixture = useFaultFixture();

  it('the local Neo4j is restarted by the supervisor; data requests get 503 at once meanwhile', async () => {
    const running = await fixture.startTree();
    const load = await loadWarmApp(fixture, `${running.url}${DATA}`);

    const oldNeo4j = running.neo4j;
    const killed = Date.now();
    process.kill(oldNeo4j, 'SIGKILL');
    const crash = await running.waitForLog((line) => /exited unexpectedly/.test(line.msg), 5_000);
    assert.equal(crash.exit, 'killed by SIGKILL');
    const restarted = await running.waitForLog((line) => line.msg === 'local Neo4j restarted', 120_000);
    assert.ok(isAlive(Number(restarted.neo4jPid)) && !isAlive(oldNeo4j), 'a new Neo4j runs');
    assert.ok(await successesAfter(load, restarted.time, 20, 60_000), 'requests succeed again');
    const samples = await load.stop();
    assert.equal((await sample(`${running.url}/api/health`, 5_000)).status, 200);

    const noticed = await running.waitForLog((line) => /^Neo4j is unavailable/.test(line.msg), 0);
    const answered = await running.waitForLog(answersAgain, 0);
    const figures = checkOutage(samples, { killed, restarted: restarted.time, answered: answered.time });
    report('local Neo4j killed', {
      ...figures,
      outageNoticedAfterMs: noticed.time - killed,
      restartLoggedAfterMs: crash.time - killed,
      restartedAfterMs: restarted.time - killed,
      restartTookMs: restarted.ms,
      firstAnswerAfterNeo4jStartedMs: answered.time - restarted.time,
    });
  });

  describe('a Neo4j that the app does not start (NEO4J_URI)', () => {
    let dir: string;
    let neo4j: LocalNeo4j | undefined;
    before(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'common-ground-faults-remote-'));
    });
    after(async () => {
      await neo4j?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('data requests get 503 at once while it is down, and are served again once it is back', async () => {
      const options = { dir, boltPort: await freePort(), password: 'remote-fault-password' };
      neo4j = await startLocalNeo4j(options);
      const running = await fixture.startTree({ via: 'remote', neo4j: { uri: neo4j.uri, password: options.password } });
      const load = await loadWarmApp(fixture, `${running.url}${DATA}`);

      const killed = Date.now();
      process.kill(neo4j.pid, 'SIGKILL');
      await neo4j.exited;
      const health = await sample(`${running.url}/api/health`, 5_000);
      assert.equal(health.status, 503, 'health reports Neo4j down');
      assert.ok(Number(health.retryAfter) > 0);

      neo4j = await startLocalNeo4j(options);
      const restarted = Date.now();
      assert.ok(await successesAfter(load, restarted, 20, 60_000), 'requests succeed again');
      const samples = await load.stop();
      const answered = await running.waitForLog(answersAgain, 0);
      const figures = checkOutage(samples, { killed, restarted, answered: answered.time });
      report('remote Neo4j killed', { ...figures, firstAnswerAfterNeo4jStartedMs: answered.time - restarted });
    });
  });
});
