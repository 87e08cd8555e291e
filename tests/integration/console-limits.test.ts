import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../server/src/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { ClientGoneError, withSignal } from '../../server/src/neo4j/cancellation.ts';
import { CypherLibrary, type CypherName } from '../../server/src/neo4j/cypher.ts';
import { Database } from '../../server/src/neo4j/database.ts';
import { createDriver } from '../../server/src/neo4j/driver.ts';
import type { RunningServer } from '../../server/src/server.ts';
import { postJson } from '../_http.ts';
import { testDatabase, testDriver } from '../_neo4j.ts';
import { startTestServer } from '../_server.ts';

/** A query that runs until it is stopped. */
const ENDLESS = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN x';

/** Transactions Neo4j runs whose query text contains `marker`, other than the one asking. */
async function runningWith(marker: string): Promise<number> {
  const { records } = await testDriver().executeQuery(
    `SHOW TRANSACTIONS YIELD currentQuery
     WHERE currentQuery CONTAINS $marker AND NOT currentQuery STARTS WITH 'SHOW'
     RETURN count(*) AS running`,
    { marker },
  );
  return Number(records[0]?.get('running'));
}

/** Waits until `check` holds, failing after `ms`. */
async function eventually(check: () => Promise<boolean>, ms: number, what: string): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    assert.ok(performance.now() - started < ms, `${what} (waited ${ms} ms)`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return performance.now() - started;
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: problem and result bodies are checked by the tests
  body: any;
}

/** POST /api/cypher from a given loopback address (the console counts clients by address). */
function consoleFrom(url: string, localAddress: string, query: string, signal?: AbortSignal): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/api/cypher`,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json' }, signal },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: JSON.parse(text) }),
        );
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify({ query }));
  });
}

describe('the Cypher console’s limits', function () {
  this.timeout(60_000);

  describe('queries at once: 2 per client, 3 overall', () => {
    let server: RunningServer;
    before(async () => {
      server = await startTestServer({
        CYPHER_TIMEOUT_MS: '20000',
        CYPHER_MAX_CONCURRENT: '3',
        CYPHER_MAX_CONCURRENT_PER_CLIENT: '2',
      });
    });
    after(() => server.close());

    it('answers 429 with Retry-After beyond either cap, and frees the places when the queries end', async () => {
      const abandon = new AbortController();
      const marker = `limits-${Date.now()}`;
      const long = `${ENDLESS} // ${marker}`;
      const running = [
        consoleFrom(server.url, '127.0.0.1', long, abandon.signal),
        consoleFrom(server.url, '127.0.0.1', long, abandon.signal),
      ].map((reply) => reply.catch(() => undefined));
      await eventually(async () => (await runningWith(marker)) === 2, 20_000, 'two queries of client A run');

      const third = await consoleFrom(server.url, '127.0.0.1', 'RETURN 1 AS one');
      assert.equal(third.status, 429, JSON.stringify(third.body));
      assert.equal(third.headers['retry-after'], '20');
      assert.equal(third.body.type, '/api/problems/console-busy');
      assert.match(third.body.detail, /You already have 2 console queries running/);

      const otherClient = consoleFrom(server.url, '127.0.0.2', long, abandon.signal).catch(() => undefined);
      await eventually(async () => (await runningWith(marker)) === 3, 20_000, 'client B’s query runs');
      const overall = await consoleFrom(server.url, '127.0.0.3', 'RETURN 1 AS one');
      assert.equal(overall.status, 429);
      assert.equal(overall.headers['retry-after'], '20');
      assert.match(overall.body.detail, /as many queries as it allows at once \(3\)/);

      abandon.abort();
      await Promise.all([...running, otherClient]);
      await eventually(async () => (await runningWith(marker)) === 0, 5_000, 'the abandoned queries stop');
      await eventually(
        async () => (await consoleFrom(server.url, '127.0.0.1', 'RETURN 1 AS one')).status === 200,
        5_000,
        'client A may run a query again',
      );
    });
  });

  describe('the client going away', () => {
    let server: RunningServer;
    before(async () => {
      server = await startTestServer({ CYPHER_TIMEOUT_MS: '30000' });
    });
    after(() => server.close());

    it('stops an abandoned console query: it leaves SHOW TRANSACTIONS within a second', async () => {
      const url = server.url;
      const marker = `abandoned-${Date.now()}`;
      const abandon = new AbortController();
      const reply = consoleFrom(url, '127.0.0.1', `${ENDLESS} // ${marker}`, abandon.signal).catch(() => 'aborted');
      await eventually(async () => (await runningWith(marker)) === 1, 20_000, 'the query runs');
      abandon.abort();
      assert.equal(await reply, 'aborted');
      const gone = await eventually(async () => (await runningWith(marker)) === 0, 1_000, 'the query still runs');
      assert.ok(gone < 1_000);
    });

    it('stops any read through Database.read when its request is abandoned', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'cypher-'));
      const marker = `database-read-${Date.now()}`;
      writeFileSync(path.join(dir, 'slow.cypher'), `${ENDLESS} // ${marker}\n`);
      const db = new Database(testDriver(), new CypherLibrary(dir), testDatabase().database);
      const request = new AbortController();
      try {
        const read = withSignal(request.signal, () => db.read('slow' as CypherName));
        const failed = assert.rejects(read, (error: unknown) => error instanceof ClientGoneError);
        await eventually(async () => (await runningWith(marker)) === 1, 20_000, 'the read runs');
        request.abort(new ClientGoneError());
        await failed;
        await eventually(async () => (await runningWith(marker)) === 0, 1_000, 'the read still runs');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('the byte budget', () => {
    let server: RunningServer;
    before(async () => {
      server = await startTestServer({ CYPHER_TIMEOUT_MS: '20000', CYPHER_MAX_BYTES: '50000' });
    });
    after(() => server.close());

    it('cuts the rows when their size passes CYPHER_MAX_BYTES, and says so', async () => {
      const response = await fetch(`${server.url}/api/cypher`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            "UNWIND range(1, 10000) AS i RETURN i, 'a hundred bytes of text, give or take, a hundred bytes of text, give or take, a hundred' AS text",
        }),
      });
      const body = await response.json();
      assert.equal(response.status, 200);
      assert.equal(body.truncated, true);
      assert.equal(body.truncatedBy, 'maxBytes');
      assert.equal(body.maxBytes, 50_000);
      assert.ok(body.rowCount > 100 && body.rowCount < 10_000, `${body.rowCount} rows`);
      const size = Number(response.headers.get('content-length'));
      assert.ok(size <= 50_000 + 1_000, `the answer has ${size} bytes`);
    });

    it('stops a query whose rows are far too large, and the app’s memory stays bounded', async () => {
      const before = process.memoryUsage();
      // The reviewed attack: five rows of a 64 MB string.
      const doublings = Array.from({ length: 26 }, () => 'WITH i, s + s AS s').join(' ');
      const { status, body } = await postJson(`${server.url}/api/cypher`, {
        query: `UNWIND range(1, 5) AS i WITH i, 'x' AS s ${doublings} RETURN i, s`,
      });
      assert.equal(status, 400, JSON.stringify(body));
      assert.equal(body.type, '/api/problems/result-too-large');
      const after = process.memoryUsage();
      // The main thread never holds a row; the worker that read them is bounded and gone.
      assert.ok(
        after.heapUsed - before.heapUsed < 50_000_000,
        `the main heap grew by ${after.heapUsed - before.heapUsed}`,
      );
      assert.ok(after.rss - before.rss < 400_000_000, `the process grew by ${after.rss - before.rss} bytes`);
    });
  });

  describe('refusals', () => {
    it('refuses the reviewed regular-expression attack before anything reaches Neo4j', async () => {
      // No connection settings: had the console tried to run the query, it would answer 503.
      const driver = createDriver({
        uri: 'bolt://127.0.0.1:9',
        user: 'neo4j',
        password: 'irrelevant',
        connectTimeoutMs: 1000,
      });
      const app = createApp({ driver, cypher: new CypherLibrary(), database: 'neo4j', logger: createLogger('silent') });
      const listening = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => listening.once('listening', resolve));
      try {
        const address = listening.address();
        const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
        const started = performance.now();
        const { status, body } = await postJson(`${url}/api/cypher`, {
          query: "RETURN $s =~ '(.*a){12}b' AS m",
          params: { s: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' },
        });
        assert.equal(status, 400);
        assert.equal(body.refusal, 'regular-expression');
        assert.match(body.detail, /CONTAINS, STARTS WITH or ENDS WITH/);
        assert.deepEqual(body.position, { line: 1, column: 11, offset: 10 });
        assert.ok(performance.now() - started < 1_000);
      } finally {
        listening.close();
        await driver.close();
      }
    });
  });
});
