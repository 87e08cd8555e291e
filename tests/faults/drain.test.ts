import assert from 'node:assert/strict';
import net from 'node:net';
import { report, sample, useFaultFixture, waitUntil } from './_tree.ts';

const STOP_LIMIT_MS = 10_000;

interface HeldRequest {
  /** Sends the body and reads the whole answer. */
  finish(): Promise<{ status: number; body: string }>;
}

/**
 * A request the app is handling but cannot finish until the test sends its body: the app has read its
 * headers (it answered `100 Continue`) and waits in its body parser.
 */
async function holdRequest(base: string): Promise<HeldRequest> {
  const url = new URL(base);
  const socket = net.connect(Number(url.port), url.hostname);
  let received = '';
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString();
  });
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(
    `GET /api/negotiations HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\n` +
      'Content-Length: 2\r\nExpect: 100-continue\r\n\r\n',
  );
  assert.ok(await waitUntil(() => received.includes('100 Continue'), 10_000), 'the app has the request');
  received = '';
  return {
    async finish() {
      // No half-close: the server would take it for a client that went away.
      socket.write('{}');
      await ended;
      const [head = '', body = ''] = received.split('\r\n\r\n');
      return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), body };
    },
  };
}

describe('SIGTERM under load', function () {
  this.timeout(180_000);
  const fixture = useFaultFixture();

  it('lets every request under way finish and answers new ones 503 with Retry-After until it stops', async () => {
    const running = await fixture.startTree();
    const data = `${running.url}/api/graph?negotiation=nato-russia-2022`;
    assert.equal((await sample(data, 60_000)).status, 200, 'the app serves data');
    const held = [await holdRequest(running.url), await holdRequest(running.url), await holdRequest(running.url)];
    // After a 503 the clients wait as its Retry-After says (by then the app is gone).
    const load = fixture.startLoad(data, { clients: 6, timeoutMs: 10_000, after503: 'retry-after' });
    assert.ok(await waitUntil(() => load.samples.filter((s) => s.status === 200).length >= 20, 60_000), 'load runs');

    const signalled = Date.now();
    process.kill(running.npm as number, 'SIGTERM');
    const shuttingDown = (s: { status?: number; problemType?: string }) =>
      s.status === 503 && s.problemType === '/api/problems/shutting-down';
    // The drain waits at most five seconds for the held requests: no time is lost before they are finished.
    let fresh = await sample(`${running.url}/api/health`, 5_000);
    while (!shuttingDown(fresh) && Date.now() - signalled < 5_000)
      fresh = await sample(`${running.url}/api/health`, 5_000);
    assert.ok(shuttingDown(fresh), `a new request during the drain: ${JSON.stringify(fresh)}`);
    assert.ok(running.alive().includes(running.app), 'the app waits for the requests under way');
    const answers = await Promise.all(held.map((request) => request.finish()));
    assert.equal(fresh.retryAfter, '5');
    for (const answer of answers) {
      assert.equal(answer.status, 200, 'a request under way when the signal came is answered in full');
      assert.ok(Array.isArray(JSON.parse(answer.body).negotiations));
    }
    const exit = await running.exited;
    assert.equal(exit.code, 0);
    assert.ok(await waitUntil(() => running.alive().length === 0, STOP_LIMIT_MS - (Date.now() - signalled)));
    const allGone = Date.now() - signalled;

    const samples = await load.stop();
    const drained = await running.waitForLog((line) => line.msg === 'drained', 0);
    assert.equal(drained.unfinished, 0);
    assert.ok(Number(drained.waitedFor) >= held.length);
    for (const s of samples) {
      const fine = s.status === 200 || shuttingDown(s) || (s.error === 'ECONNREFUSED' && s.started > signalled);
      assert.ok(
        fine,
        `every request is served, refused with 503 during the drain, or refused once stopped: ${JSON.stringify(s)}`,
      );
    }
    assert.ok(samples.some(shuttingDown), 'the clients under load got 503 too');
    report('SIGTERM under load', {
      requests: samples.length,
      served: samples.filter((s) => s.status === 200).length,
      answered503: samples.filter(shuttingDown).length,
      refusedOnceStopped: samples.filter((s) => s.error).length,
      heldRequestsCompleted: answers.length,
      drainWaitedFor: drained.waitedFor,
      drainMs: drained.ms,
      npmExitMs: exit.at - signalled,
      allGoneMs: allGone,
    });
  });
});
