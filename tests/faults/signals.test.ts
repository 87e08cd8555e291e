import assert from 'node:assert/strict';
import { report, useFaultFixture, waitUntil } from './_tree.ts';

/** The bounds: a signalled stop within 10 s, no orphan 5 s after a SIGKILL. */
const STOP_LIMIT_MS = 10_000;
const ORPHAN_LIMIT_MS = 5_000;

describe('npm start under signals', () => {
  const fixture = useFaultFixture();

  const targets = [
    { signal: 'SIGTERM', to: 'npm' },
    { signal: 'SIGINT', to: 'npm' },
    { signal: 'SIGTERM', to: 'app' },
    { signal: 'SIGINT', to: 'app' },
  ] as const;
  for (const { signal, to } of targets) {
    it(`stops everything within 10 s on ${signal} to the ${to === 'npm' ? 'npm' : 'app'} process`, async () => {
      const running = await fixture.startTree();
      const sent = Date.now();
      process.kill(to === 'npm' ? (running.npm as number) : running.app, signal);

      const exit = await running.exited;
      assert.ok(
        await waitUntil(() => running.alive().length === 0, STOP_LIMIT_MS - (Date.now() - sent)),
        `still running ${STOP_LIMIT_MS} ms after ${signal}: ${running.alive()}`,
      );
      const allGone = Date.now() - sent;
      assert.equal(exit.code, 0, 'npm reports a clean stop');
      assert.ok(running.logs.some((line) => line.msg === 'shutting down' && line.reason === signal));
      report(`${signal} to ${to}`, { npmExitMs: exit.at - sent, allGoneMs: allGone });
    });
  }

  it('stops everything within 10 s on Ctrl-C in a terminal (SIGINT to the whole process group)', async () => {
    const running = await fixture.startTree();
    const sent = Date.now();
    process.kill(-(running.npm as number), 'SIGINT');
    const exit = await running.exited;
    assert.ok(await waitUntil(() => running.alive().length === 0, STOP_LIMIT_MS - (Date.now() - sent)));
    assert.equal(exit.code, 0);
    // The app receives the signal twice (from the terminal and from npm): that is not a second Ctrl-C.
    assert.ok(!running.logs.some((line) => /second signal/.test(line.msg)), 'a clean stop, not a forced one');
    assert.ok(running.logs.some((line) => line.msg === 'drained'));
    report('Ctrl-C to the process group', { npmExitMs: exit.at - sent, allGoneMs: Date.now() - sent });
  });

  it('leaves no orphan within 5 s when npm is killed outright', async () => {
    const running = await fixture.startTree();
    const killed = Date.now();
    process.kill(running.npm as number, 'SIGKILL');
    assert.ok(
      await waitUntil(() => running.alive().length === 0, ORPHAN_LIMIT_MS),
      `still running ${ORPHAN_LIMIT_MS} ms after npm was killed: ${running.alive()}`,
    );
    report('SIGKILL to npm', { allGoneMs: Date.now() - killed });
    assert.ok(running.logs.some((line) => line.msg === 'shutting down' && /^parent process/.test(String(line.reason))));
  });

  it('leaves no orphan within 5 s when the app is killed outright, and npm exits', async () => {
    const running = await fixture.startTree();
    const killed = Date.now();
    process.kill(running.app, 'SIGKILL');
    assert.ok(
      await waitUntil(() => running.alive().length === 0, ORPHAN_LIMIT_MS),
      `still running ${ORPHAN_LIMIT_MS} ms after the app was killed: ${running.alive()}`,
    );
    const exit = await running.exited;
    assert.notEqual(exit.code, 0, 'npm reports the failure');
    report('SIGKILL to the app', { allGoneMs: Date.now() - killed, npmExitMs: exit.at - killed });
  });
});
