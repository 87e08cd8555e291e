import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import express from 'express';
import { ServiceGate, WARM_UP_MS } from '../../server/src/features/health/service-gate.ts';
import { createLogger } from '../../server/src/logger.ts';
import { errorHandler } from '../../server/src/middleware/errors.ts';
import type { Neo4jAvailability, Neo4jState } from '../../server/src/neo4j/availability.ts';

/** Stands in for the probe: the test says when Neo4j goes and comes back. */
class FakeAvailability extends EventEmitter {
  state: Neo4jState = { up: true };
  probes = 0;
  async probe(): Promise<Neo4jState> {
    this.probes += 1;
    return this.state;
  }
  goDown(reason = 'Neo4j cannot be reached: connect ECONNREFUSED') {
    this.state = { up: false, since: Date.now(), reason };
    this.emit('down', reason);
  }
  comeBack() {
    this.state = { up: true };
    this.emit('up');
  }
}

/** A handler that answers only when the test releases it. */
class Held {
  private releases: Array<() => void> = [];
  started = 0;
  readonly handler: express.RequestHandler = async (_req, res) => {
    this.started += 1;
    await new Promise<void>((resolve) => this.releases.push(resolve));
    res.json({ answered: true });
  };
  releaseAll() {
    for (const release of this.releases.splice(0)) release();
  }
}

/** Polls `condition` (after `check`, or every 5 ms) until it holds, for at most `timeoutMs`. */
async function until(condition: () => boolean, timeoutMs = 5_000, check?: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (await check?.(); !condition(); await check?.()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    if (!check) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('ServiceGate', () => {
  let availability: FakeAvailability;
  let gate: ServiceGate;
  let held: Held;
  let server: Server;
  let url: string;

  beforeEach(async () => {
    availability = new FakeAvailability();
    gate = new ServiceGate(availability as unknown as Neo4jAvailability);
    held = new Held();
    const app = express();
    app.use(gate.middleware);
    app.get('/api/graph', held.handler);
    app.get('/api/health', (_req, res) => res.json({ status: 'ok' }));
    app.get('/api/negotiations', (_req, res) => res.json({ negotiations: [] }));
    app.get('/api/fails', () => {
      throw Object.assign(new Error('gone'), { code: 'ServiceUnavailable' });
    });
    app.use(errorHandler(createLogger('silent')));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterEach(async () => {
    held.releaseAll();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers data requests 503 with Retry-After at once while Neo4j is down, and lets health through', async () => {
    availability.goDown();
    const started = Date.now();
    const response = await fetch(`${url}/api/negotiations`);
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('retry-after'), '2');
    const problem = await response.json();
    assert.equal(problem.type, '/api/problems/neo4j-unavailable');
    assert.match(problem.detail, /ECONNREFUSED/);
    assert.ok(Date.now() - started < 1_000);
    assert.equal((await fetch(`${url}/api/health`)).status, 200);
  });

  it('answers a request under way as soon as Neo4j goes down, and ignores what its handler writes later', async () => {
    const response = fetch(`${url}/api/graph`);
    await until(() => held.started === 1);
    availability.goDown();
    const answer = await response;
    assert.equal(answer.status, 503);
    assert.equal(answer.headers.get('retry-after'), '2');
    held.releaseAll();
    // The server still serves: the late answer went nowhere.
    availability.comeBack();
    assert.equal((await fetch(`${url}/api/negotiations`)).status, 200);
  });

  it('gives a 503 from a handler a Retry-After and probes Neo4j at once', async () => {
    const response = await fetch(`${url}/api/fails`);
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('retry-after'), '2');
    assert.equal(availability.probes, 1);
  });

  it('answers 503 with Retry-After: 1 while it warms Neo4j up after an outage, then serves', async () => {
    let finishWarmUp: () => void = () => {};
    let deadlineGiven = 0;
    gate.warmUpWith(async (deadline) => {
      deadlineGiven = deadline;
      await new Promise<void>((resolve) => {
        finishWarmUp = resolve;
      });
    });
    availability.goDown();
    const cameBack = Date.now();
    availability.comeBack();
    const waiting = await fetch(`${url}/api/negotiations`);
    assert.equal(waiting.status, 503);
    assert.equal(waiting.headers.get('retry-after'), '1');
    assert.match((await waiting.json()).detail, /warming up/);
    assert.equal((await fetch(`${url}/api/health`)).status, 200, 'health does not wait');
    assert.ok(deadlineGiven >= cameBack + WARM_UP_MS && deadlineGiven < Date.now() + WARM_UP_MS);
    finishWarmUp();
    let served = await fetch(`${url}/api/negotiations`);
    for (let i = 0; served.status === 503 && i < 100; i++) served = await fetch(`${url}/api/negotiations`);
    assert.equal(served.status, 200);
  });

  it('serves after a warm-up that fails', async () => {
    gate.warmUpWith(async () => {
      throw new Error('Neo4j went again');
    });
    availability.goDown();
    availability.comeBack();
    let served = await fetch(`${url}/api/negotiations`);
    for (let i = 0; served.status === 503 && i < 100; i++) served = await fetch(`${url}/api/negotiations`);
    assert.equal(served.status, 200);
  });

  it('serves once the warm-up time is up, even when a warm-up query has not ended', async function () {
    this.timeout(WARM_UP_MS + 5_000);
    gate.warmUpWith(() => new Promise(() => {}));
    availability.goDown();
    const cameBack = Date.now();
    availability.comeBack();
    assert.equal((await fetch(`${url}/api/negotiations`)).status, 503);
    let status = 503;
    await until(
      () => status === 200,
      WARM_UP_MS + 2_000,
      async () => {
        status = (await fetch(`${url}/api/negotiations`)).status;
      },
    );
    assert.ok(Date.now() - cameBack >= WARM_UP_MS, 'not before the warm-up time is up');
  });

  it('drains: new requests get 503 and Connection: close, those under way finish', async () => {
    const underWay = [fetch(`${url}/api/graph`), fetch(`${url}/api/graph`)];
    await until(() => held.started === 2);
    const drained = gate.drain(5_000);
    const fresh = await fetch(`${url}/api/health`);
    assert.equal(fresh.status, 503);
    assert.equal(fresh.headers.get('retry-after'), '5');
    assert.equal(fresh.headers.get('connection'), 'close');
    assert.equal((await fresh.json()).type, '/api/problems/shutting-down');
    held.releaseAll();
    for (const response of await Promise.all(underWay)) {
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { answered: true });
    }
    assert.deepEqual(await drained, { waitedFor: 2, unfinished: 0 });
  });

  it('stops waiting when the drain time is up', async () => {
    void fetch(`${url}/api/graph`).catch(() => {});
    await until(() => held.started === 1);
    const started = Date.now();
    assert.deepEqual(await gate.drain(200), { waitedFor: 1, unfinished: 1 });
    assert.ok(Date.now() - started < 1_000);
  });
});
