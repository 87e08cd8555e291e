import assert from 'node:assert/strict';
import { createApp } from '../../server/src/app.ts';
import { readConfig } from '../../server/src/config.ts';
import { createLogger } from '../../server/src/logger.ts';
import { CONTENT_SECURITY_POLICY } from '../../server/src/middleware/security-headers.ts';
import { CypherLibrary } from '../../server/src/neo4j/cypher.ts';
import { capturedLogger, exchange, listen, rawExchange, waitUntil } from '../_http.ts';
import { testDatabase, testDriver } from '../_neo4j.ts';

/** The app on the test database with the given environment's HTTP settings and logger. */
async function serve(env: Record<string, string> = {}, logger = createLogger('silent')) {
  const app = createApp({
    driver: testDriver(),
    cypher: new CypherLibrary(),
    database: testDatabase().database,
    logger,
    http: readConfig(env).http,
  });
  return listen(app);
}

describe('the HTTP layer: allowed hosts (DNS rebinding)', () => {
  let url: string;
  let port: number;
  let close: () => Promise<void>;
  before(async () => {
    ({ url, port, close } = await serve({ ALLOWED_HOSTS: 'graph.example.org', HOST: 'app.internal' }));
  });
  after(() => close?.());

  const hostOf = async (host: string) =>
    exchange(url, { path: '/api/openapi.json', headers: { host: host.replace('PORT', String(port)) } });

  for (const host of [
    'localhost:PORT',
    '127.0.0.1:PORT',
    '[::1]:PORT',
    'LocalHost',
    'localhost.:PORT',
    'graph.example.org',
    'app.internal:PORT',
  ]) {
    it(`answers Host: ${host}`, async () => {
      assert.equal((await hostOf(host)).status, 200);
    });
  }

  for (const host of [
    'attacker.example',
    'attacker.example:PORT',
    'localhost.attacker.example',
    '127.0.0.1.nip.example',
    'graph.example.org.attacker.example',
    '0.0.0.0:PORT',
  ]) {
    it(`answers 421 to Host: ${host}, saying which host and how to allow one`, async () => {
      const answer = await hostOf(host);
      assert.equal(answer.status, 421);
      assert.match(String(answer.headers['content-type']), /^application\/problem\+json/);
      assert.match(JSON.parse(answer.text).detail, /does not answer for the host .*ALLOWED_HOSTS/);
    });
  }

  it('answers 421 to a request without a Host header (HTTP/1.0)', async () => {
    const answer = await rawExchange(port, 'GET /api/openapi.json HTTP/1.0\r\n\r\n');
    assert.equal(answer.status, 421);
  });

  it('refuses a console query sent under another host name', async () => {
    const answer = await exchange(url, {
      method: 'POST',
      path: '/api/cypher',
      headers: { host: 'attacker.example', 'content-type': 'application/json' },
      body: '{"query": "MATCH (n) RETURN n"}',
    });
    assert.equal(answer.status, 421);
  });
});

describe('the HTTP layer: security headers', () => {
  let url: string;
  let close: () => Promise<void>;
  before(async () => {
    ({ url, close } = await serve());
  });
  after(() => close?.());

  for (const where of ['/api/openapi.json', '/api/docs', '/api/no-such-thing', '/api/docs/assets/swagger-ui.css']) {
    it(`sends them on ${where}`, async () => {
      const { headers } = await exchange(url, { path: where });
      const csp = String(headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self';/, 'no inline script, no eval');
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /object-src 'none'/);
      assert.doesNotMatch(csp, /upgrade-insecure-requests/, 'the app may be served over plain HTTP');
      assert.equal(headers['x-content-type-options'], 'nosniff');
      assert.equal(headers['x-frame-options'], 'DENY');
      assert.equal(headers['referrer-policy'], 'no-referrer');
      assert.equal(headers['x-powered-by'], undefined);
    });
  }

  it('allows scripts from the app only, and workers from blob: URLs (ForceAtlas2)', () => {
    assert.deepEqual(CONTENT_SECURITY_POLICY['script-src'], ["'self'"]);
    assert.deepEqual(CONTENT_SECURITY_POLICY['worker-src'], ["'self'", 'blob:']);
    assert.deepEqual(CONTENT_SECURITY_POLICY['connect-src'], ["'self'"]);
  });
});

describe('the HTTP layer: logs', () => {
  const secrets = {
    authorization: 'Basic bmVvNGo6c2VjcmV0LXBhc3N3b3Jk',
    cookie: 'session=a-session-nobody-may-read',
    'proxy-authorization': 'Bearer a-token-nobody-may-read',
  };

  it('redact Authorization, Proxy-Authorization and Cookie headers of requests', async () => {
    const { logger, lines } = capturedLogger('info');
    const { url, close } = await serve({}, logger);
    try {
      await exchange(url, { path: '/api/openapi.json', headers: secrets });
      await waitUntil('the request is logged', () => lines.some((line) => line.msg === 'request completed'));
    } finally {
      await close();
    }
    const logged = JSON.stringify(lines);
    for (const secret of Object.values(secrets)) assert.ok(!logged.includes(secret), `${secret} is not logged`);
    const request = lines.find((line) => line.msg === 'request completed')?.req as {
      headers: Record<string, string>;
    };
    assert.equal(request.headers.authorization, '[redacted]');
    assert.equal(request.headers.cookie, '[redacted]');
    assert.equal(request.headers['proxy-authorization'], '[redacted]');
    assert.match(request.headers.host ?? '', /^127\.0\.0\.1:\d+$/, 'other headers are kept');
  });

  it('redact Set-Cookie headers of responses', () => {
    const { logger, lines } = capturedLogger('info');
    logger.info({ res: { statusCode: 200, headers: { 'set-cookie': ['session=secret-cookie'] } } }, 'answered');
    assert.ok(!JSON.stringify(lines).includes('secret-cookie'));
    const response = lines[0]?.res as { headers: Record<string, unknown> } | undefined;
    assert.equal(response?.headers['set-cookie'], '[redacted]');
  });
});
