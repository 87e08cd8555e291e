/**
 * The HTTP fuzz: thousands of malformed requests at every documented endpoint of the real app, run as its
 * own process (server/src/main.ts) as in production, with the rate limit raised so that every request
 * reaches the code behind it. What must hold: no answer of 500 or more, nothing logged at warn, the
 * process still answering, and its memory back near where it started.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { exchange, type RequestSpec, rawExchange, waitUntil } from '../_http.ts';
import { testEnvironment } from '../_neo4j.ts';
import { freePort } from '../_net.ts';
import { documentedEndpoints, httpRequests, rawRequests } from './fuzz-requests.ts';

// FUZZ_SEED and FUZZ_REQUESTS vary a run by hand; the suite runs the same 10,500 requests every time.
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_110);
const HTTP_REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 9_000);
const RAW_REQUESTS = 1_500;
const CONCURRENCY = 8;
const MB = 1024 * 1024;

/** The app's entry point, plus a way to ask the process for its memory after a full garbage collection. */
const SERVER = `
process.on('message', (message) => {
  if (message !== 'memory') return;
  globalThis.gc();
  globalThis.gc();
  process.send(process.memoryUsage());
});
await import(${JSON.stringify(new URL('../../server/src/main.ts', import.meta.url).href)});
`;

interface Tally {
  byStatus: Map<number, number>;
  /** Requests the server closed without an answer (it may, for broken framing). */
  unanswered: number;
  serverErrors: string[];
}

function record(tally: Tally, what: string, status: number | undefined): void {
  if (status === undefined) {
    tally.unanswered++;
    return;
  }
  tally.byStatus.set(status, (tally.byStatus.get(status) ?? 0) + 1);
  if (status >= 500) tally.serverErrors.push(`${status} ← ${what.slice(0, 300)}`);
}

async function inParallel<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await run(items[next++] as T);
    }),
  );
}

const describeRequest = (r: RequestSpec) =>
  `${r.method} ${r.path} ${JSON.stringify(r.headers)} body ${r.body ? `${r.body.length} bytes: ${JSON.stringify(Buffer.from(r.body).subarray(0, 80).toString('latin1'))}` : 'none'}`;

describe('the HTTP fuzz: every endpoint of server/openapi.yaml', function () {
  this.timeout(180_000);
  let child: ChildProcess;
  let base: string;
  let port: number;
  const logged: Array<Record<string, unknown>> = [];
  let exited: number | null | undefined;

  const memory = () =>
    new Promise<NodeJS.MemoryUsage>((resolve) => {
      child.once('message', (usage) => resolve(usage as NodeJS.MemoryUsage));
      child.send('memory');
    });

  before(async () => {
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', SERVER], {
      env: {
        ...process.env,
        ...testEnvironment({ PORT: String(port), LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '10000000' }),
      },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    child.once('exit', (code) => {
      exited = code;
    });
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) logged.push(JSON.parse(line));
    });
    await waitUntil(
      'the app answers',
      async () => (await fetch(`${base}/api/health`).catch(() => undefined))?.status === 200,
      60_000,
    );
  });

  after(async () => {
    if (child && exited === undefined) {
      const stopped = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await stopped;
    }
  });

  it(`answers ${HTTP_REQUESTS + RAW_REQUESTS} malformed requests with no 5xx, and stays up with its memory`, async () => {
    const endpoints = documentedEndpoints();
    assert.ok(endpoints.length >= 10, 'the endpoints are read from the OpenAPI document');
    const requests = httpRequests(HTTP_REQUESTS, SEED);
    const raw = rawRequests(RAW_REQUESTS, SEED);
    const tally: Tally = { byStatus: new Map(), unanswered: 0, serverErrors: [] };
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const send = async (request: RequestSpec) => {
      const status = await exchange(base, request, agent).then(
        (answer) => answer.status,
        () => undefined,
      );
      record(tally, describeRequest(request), status);
    };

    // Warm up (code paths compiled, pools filled), then take the baseline.
    await inParallel(requests.slice(0, 1_000), CONCURRENCY, send);
    const before = await memory();
    const started = Date.now();

    await inParallel(requests.slice(1_000), CONCURRENCY, send);
    await inParallel(raw, CONCURRENCY, async (bytes) => {
      const answer = await rawExchange(port, bytes, { end: true, timeoutMs: 15_000 });
      record(tally, JSON.stringify(Buffer.from(bytes).subarray(0, 120).toString('latin1')), answer.status);
    });
    const elapsed = Date.now() - started;
    agent.destroy();
    const after = await memory();

    const statuses = Object.fromEntries([...tally.byStatus].sort(([a], [b]) => a - b));
    const answered = [...tally.byStatus.values()].reduce((sum, n) => sum + n, 0);
    // The figures, for the record (docs/operations.md quotes them).
    console.log(
      `      ${answered + tally.unanswered} requests (the last ${HTTP_REQUESTS + RAW_REQUESTS - 1_000} in ${(elapsed / 1000).toFixed(1)} s, after 1,000 to warm up); ` +
        `statuses ${JSON.stringify(statuses)}; closed unanswered ${tally.unanswered}; ` +
        `heap ${(before.heapUsed / MB).toFixed(1)} → ${(after.heapUsed / MB).toFixed(1)} MB, ` +
        `RSS ${(before.rss / MB).toFixed(1)} → ${(after.rss / MB).toFixed(1)} MB`,
    );

    assert.deepEqual(tally.serverErrors, [], 'no answer of 500 or more');
    assert.equal(exited, undefined, 'the process is still running');
    assert.deepEqual(
      logged.filter((line) => Number(line.level) >= 40),
      [],
      'nothing logged at warn or error: a client cannot fill the log with alarms',
    );
    assert.ok(answered >= 0.9 * (HTTP_REQUESTS + RAW_REQUESTS), `most requests are answered (${answered})`);
    for (const path of ['/api/health', '/api/negotiations', '/api/queries']) {
      assert.equal((await exchange(base, { path })).status, 200, `${path} still answers`);
    }
    const query = await exchange(base, {
      method: 'POST',
      path: '/api/cypher',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "MATCH (n) RETURN count(n) AS nodes"}',
    });
    assert.equal(query.status, 200, 'the console still answers');
    assert.ok(after.heapUsed <= before.heapUsed + 16 * MB, 'the heap is back near where it started');
    assert.ok(after.rss <= before.rss + 64 * MB, 'the resident memory is back near where it started');
  });
});
