import assert from 'node:assert/strict';
import net from 'node:net';
import { createApp } from '../../server/src/app.ts';
import { readConfig } from '../../server/src/config.ts';
import { CypherLibrary } from '../../server/src/neo4j/cypher.ts';
import type { RunningServer } from '../../server/src/server.ts';
import { capturedLogger, exchange, listen, rawExchange, waitUntil } from '../_http.ts';
import { testDatabase, testDriver } from '../_neo4j.ts';
import { startTestServer } from '../_server.ts';

const portOf = (server: RunningServer) => Number(new URL(server.url).port);

/** A socket to the server, with the moments it connected and was closed (by the server: the test never closes it). */
interface Watched {
  socket: net.Socket;
  connected: Promise<number>;
  closed: Promise<number>;
  /** Everything the server sent. */
  received(): string;
}

function watch(port: number): Watched {
  const socket = net.connect(port, '127.0.0.1');
  let text = '';
  socket.on('data', (chunk) => {
    text += chunk.toString('latin1');
  });
  socket.on('error', () => {});
  return {
    socket,
    connected: new Promise((resolve) => socket.once('connect', () => resolve(Date.now()))),
    closed: new Promise((resolve) => socket.once('close', () => resolve(Date.now()))),
    received: () => text,
  };
}

describe('the HTTP layer: request limits', function () {
  this.timeout(60_000);

  describe('rate limit per client', () => {
    let server: RunningServer;
    before(async () => {
      server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '5' });
    });
    after(() => server?.close());

    it('answers 429 with Retry-After and RateLimit headers beyond the limit, to that client only', async () => {
      for (let i = 0; i < 5; i++) {
        const answer = await exchange(server.url, { path: '/api/openapi.json' });
        assert.equal(answer.status, 200);
        assert.match(String(answer.headers.ratelimit), new RegExp(`r=${4 - i}`));
      }
      const refused = await exchange(server.url, { path: '/api/openapi.json' });
      assert.equal(refused.status, 429);
      const retryAfter = Number(refused.headers['retry-after']);
      assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${retryAfter}`);
      assert.match(String(refused.headers['ratelimit-policy']), /q=5; w=60/);
      assert.match(String(refused.headers['content-type']), /^application\/problem\+json/);
      assert.match(JSON.parse(refused.text).detail, /More than 5 requests in a minute .* try again in \d+ s/);

      const other = await exchange(server.url, { path: '/api/openapi.json', from: '127.0.0.2' });
      assert.equal(other.status, 200, 'another client is not limited');
    });

    it('knows a client by its connection, not by the X-Forwarded-For or Forwarded it writes', async () => {
      const { logger, lines } = capturedLogger('info');
      const app = createApp({
        driver: testDriver(),
        cypher: new CypherLibrary(),
        database: testDatabase().database,
        logger,
        http: readConfig({ RATE_LIMIT_PER_MINUTE: '2' }).http,
      });
      const { url, close } = await listen(app);
      try {
        const statuses: number[] = [];
        for (const forwarded of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) {
          const answer = await exchange(url, {
            path: '/api/openapi.json',
            headers: { 'x-forwarded-for': forwarded, forwarded: `for=${forwarded}` },
          });
          statuses.push(answer.status);
        }
        assert.deepEqual(statuses, [200, 200, 429]);
        assert.deepEqual(
          lines.filter((line) => Number(line.level) >= 40),
          [],
          'a header any client can write is no misconfiguration to warn about',
        );
      } finally {
        await close();
      }
    });
  });

  describe('the default limit', () => {
    let server: RunningServer;
    before(async () => {
      server = await startTestServer();
    });
    after(() => server?.close());

    it('lets a burst like the explorer’s at load through, many times over', async () => {
      const paths = ['/api/negotiations', '/api/queries', '/api/openapi.json', '/api/health'];
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) => exchange(server.url, { path: paths[i % paths.length] ?? '/' })),
      );
      assert.deepEqual(
        answers.filter((a) => a.status === 429),
        [],
      );
    });
  });

  describe('timeouts and connections', () => {
    const HEADERS_MS = 2_000;
    const REQUEST_MS = 3_000;
    const KEEP_ALIVE_MS = 1_000;
    // Node looks for expired requests once a second; the rest is room for a busy machine.
    const SLACK_MS = 1_000 + 2_500;
    let server: RunningServer;
    let port: number;
    before(async () => {
      server = await startTestServer({
        HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_MS),
        HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_MS),
        HTTP_KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_MS),
        HTTP_MAX_CONNECTIONS: '5000',
      });
      port = portOf(server);
    });
    after(() => server?.close());

    it('closes 3,000 idle connections within the headers timeout', async () => {
      // Opened in batches, as clients arrive, so that the server accepts each (a burst beyond the listen
      // backlog would leave connections in the kernel that no server setting can reach).
      const sockets: Watched[] = [];
      for (let batch = 0; batch < 12; batch++) {
        const opened = Array.from({ length: 250 }, () => watch(port));
        sockets.push(...opened);
        await Promise.all(opened.map((s) => s.connected));
      }
      let open = sockets.length;
      const lifetimes = sockets.map(async (s) => {
        const connected = await s.connected;
        const closed = await s.closed;
        open--;
        return closed - connected;
      });
      await waitUntil(`all are closed (${open} still open)`, () => open === 0, HEADERS_MS + SLACK_MS + 10_000);
      const longest = Math.max(...(await Promise.all(lifetimes)));
      assert.ok(longest <= HEADERS_MS + SLACK_MS, `the last idle connection was closed after ${longest} ms`);
      assert.ok(
        sockets.every((s) => s.received().startsWith('HTTP/1.1 408')),
        'each was told 408 Request Timeout',
      );
      const answer = await exchange(server.url, { path: '/api/openapi.json' });
      assert.equal(answer.status, 200, 'and still answers');
    });

    it('closes a connection whose headers trickle in (slowloris) with 408', async () => {
      const s = watch(port);
      const started = await s.connected;
      s.socket.write('GET /api/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      const trickle = setInterval(() => s.socket.write('X'), 100);
      try {
        const closed = await s.closed;
        assert.ok(closed - started <= HEADERS_MS + SLACK_MS, `closed after ${closed - started} ms`);
        assert.match(s.received(), /^HTTP\/1\.1 408/);
      } finally {
        clearInterval(trickle);
      }
    });

    it('closes a connection whose body never arrives', async () => {
      const s = watch(port);
      const started = await s.connected;
      s.socket.write(
        'POST /api/cypher HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"q',
      );
      const closed = await s.closed;
      assert.ok(closed - started <= REQUEST_MS + SLACK_MS, `closed after ${closed - started} ms`);
      assert.doesNotMatch(s.received(), /^HTTP\/1\.1 5/);
    });

    it('closes an idle keep-alive connection after its timeout', async () => {
      const s = watch(port);
      await s.connected;
      s.socket.write('GET /api/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      await waitUntil('the answer arrives', () => s.received().includes('"openapi"'));
      const answered = Date.now();
      const closed = await s.closed;
      assert.ok(closed - answered <= KEEP_ALIVE_MS + SLACK_MS, `closed after ${closed - answered} ms`);
    });
  });

  describe('the connection cap', () => {
    let server: RunningServer;
    let port: number;
    before(async () => {
      server = await startTestServer({ HTTP_MAX_CONNECTIONS: '20', HTTP_KEEP_ALIVE_TIMEOUT_MS: '30000' });
      port = portOf(server);
    });
    after(() => server?.close());

    it('drops connections beyond it, and serves again once some close', async () => {
      // Twenty kept-alive connections, each with an answered request, so that the server holds all of them.
      const held = Array.from({ length: 20 }, () => watch(port));
      for (const s of held) s.socket.write('GET /api/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      await waitUntil('all twenty are answered', () => held.every((s) => s.received().includes('"openapi"')));

      const beyond = await rawExchange(port, 'GET /api/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      assert.equal(beyond.status, undefined, 'the 21st connection is closed without an answer');

      for (const s of held) s.socket.destroy();
      await waitUntil(
        'a new connection is served',
        async () => (await exchange(server.url, { path: '/api/openapi.json' }).catch(() => undefined))?.status === 200,
      );
    });
  });
});
