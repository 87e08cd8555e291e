import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Driver } from 'neo4j-driver';
import { createApp } from '../../server/src/app.ts';
import { CypherLibrary } from '../../server/src/neo4j/cypher.ts';
import { capturedLogger, type Exchange, exchange, listen, type RequestSpec, rawExchange } from '../_http.ts';
import { testDatabase, testDriver } from '../_neo4j.ts';

const STACK = /\bat\s+\S+\s+\(?\S+\.(js|ts):\d+/;

const json = (body: string | Uint8Array, headers: Record<string, string> = {}): RequestSpec => ({
  method: 'POST',
  path: '/api/cypher',
  headers: { 'content-type': 'application/json', ...headers },
  body,
});

/** `{"query": "RETURN $p", "params": {"p": [[[…]]]}}` with lists nested `depth` deep. */
const nestedParams = (depth: number) =>
  `{"query": "RETURN $p AS p", "params": {"p": ${'['.repeat(depth)}${']'.repeat(depth)}}}`;

function assertProblem(answer: Exchange, status: number, detail?: RegExp): void {
  assert.equal(answer.status, status, `expected ${status}, got ${answer.status}: ${answer.text.slice(0, 300)}`);
  assert.match(String(answer.headers['content-type']), /^application\/problem\+json/);
  const problem = JSON.parse(answer.text);
  assert.equal(problem.status, status);
  assert.ok(problem.type && problem.title && problem.detail, 'a complete problem');
  if (detail) assert.match(problem.detail, detail);
  assert.doesNotMatch(answer.text, STACK, 'no stack trace');
}

describe('the HTTP layer: client errors are 4xx problems', function () {
  this.timeout(30_000);
  const { logger, lines } = capturedLogger('info');
  let url: string;
  let port: number;
  let close: () => Promise<void>;
  let clientDir: string;

  before(async () => {
    // A stand-in for the built client, so that static files are served whether or not it was built.
    clientDir = mkdtempSync(path.join(os.tmpdir(), 'common-ground-client-'));
    writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Common Ground</title>\n');
    const app = createApp({
      driver: testDriver(),
      cypher: new CypherLibrary(),
      database: testDatabase().database,
      logger,
      clientDir,
      neo4j: { ...testDatabase(), connectTimeoutMs: 5_000 },
    });
    ({ url, port, close } = await listen(app));
  });
  after(async () => {
    await close?.();
    rmSync(clientDir, { recursive: true, force: true });
  });
  afterEach(function () {
    const errors = lines.filter((line) => Number(line.level) >= 50);
    assert.deepEqual(errors, [], `${this.currentTest?.title}: nothing is logged at error`);
  });

  const cases: Array<[string, RequestSpec, number, RegExp]> = [
    ['malformed percent-encoding in a path', { path: '/api/nodes/%E0%A4%A' }, 400, /percent-encoding/],
    [
      'an impossible Range on a static file',
      { path: '/index.html', headers: { range: 'bytes=999999-' } },
      416,
      /Range/,
    ],
    [
      'an impossible Range on a Swagger UI file',
      { path: '/api/docs/assets/swagger-ui.css', headers: { range: 'bytes=99999999-99999999' } },
      416,
      /Range/,
    ],
    [
      'a charset other than UTF-8',
      json('{"query": "RETURN 1"}', { 'content-type': 'application/json; charset=utf-7' }),
      415,
      /UTF-8/,
    ],
    [
      'a Latin-1 charset',
      json('{"query": "RETURN 1"}', { 'content-type': 'application/json;charset="ISO-8859-1"' }),
      415,
      /UTF-8/,
    ],
    [
      'an unknown content-encoding',
      json('{"query": "RETURN 1"}', { 'content-encoding': 'zstd-or-so' }),
      415,
      /gzip, deflate or br/,
    ],
    [
      'a body that is not the gzip it claims to be',
      json('{"query": "RETURN 1"}', { 'content-encoding': 'gzip' }),
      400,
      /decompressed/,
    ],
    [
      'a truncated gzip body',
      json(gzipSync('{"query": "RETURN 1"}').subarray(0, 12), { 'content-encoding': 'gzip' }),
      400,
      /decompressed/,
    ],
    ['parameters nested 5,000 deep', json(nestedParams(5_000)), 400, /nests more than 32 levels/],
    ['parameters nested 40 deep', json(nestedParams(40)), 400, /nests more than 32 levels/],
    [
      'a body nested 400,000 deep',
      json(`{"query": "RETURN 1", "x": ${'['.repeat(400_000)}${']'.repeat(400_000)}}`),
      400,
      /nests more than/,
    ],
    ['a body that is not JSON', json('{"query": '), 400, /not valid JSON/],
    ['a JSON string instead of an object', json('"RETURN 1"'), 400, /not valid JSON/],
    ['a JSON list instead of an object', json('[{"query": "RETURN 1"}]'), 400, /JSON object/],
    ['a query of the wrong type', json('{"query": 42}'), 400, /must be a string/],
    [
      'a text body',
      { method: 'POST', path: '/api/cypher', headers: { 'content-type': 'text/plain' }, body: 'RETURN 1' },
      415,
      /JSON bodies only/,
    ],
    [
      'a form body',
      {
        method: 'POST',
        path: '/api/cypher',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'query=RETURN+1',
      },
      415,
      /JSON bodies only/,
    ],
    ['a body over 1 MB', json(`{"query": "RETURN 1", "x": "${'a'.repeat(1_100_000)}"}`), 413, /larger than 1 MB/],
    [
      'a gzip body that inflates past 1 MB',
      json(gzipSync(`{"query": "RETURN 1", "x": "${'a'.repeat(20_000_000)}"}`), { 'content-encoding': 'gzip' }),
      413,
      /after decompression/,
    ],
    ['an endpoint that does not exist', { path: '/api/nothing-here' }, 404, /no endpoint/],
    ['a file that does not exist', { path: '/nothing-here.js' }, 404, /no endpoint/],
  ];

  for (const [what, spec, status, detail] of cases) {
    it(`answers ${status} to ${what}`, async () => {
      assertProblem(await exchange(url, spec), status, detail);
    });
  }

  it('still reads a well-formed gzip body', async () => {
    const answer = await exchange(
      url,
      json(gzipSync('{"query": "RETURN $p AS p", "params": {"p": [[1]]}}'), { 'content-encoding': 'gzip' }),
    );
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(JSON.parse(answer.text).rows, [[[[1]]]]);
  });

  it('passes parameters nested within the limit through to Neo4j', async () => {
    const answer = await exchange(url, json(nestedParams(30)));
    assert.equal(answer.status, 200, answer.text);
  });

  it('answers 400 when a query builds a result nested deeper than 64 levels', async () => {
    const answer = await exchange(
      url,
      // One level a clause: the text itself nests no deeper than the console allows.
      json(JSON.stringify({ query: `WITH 1 AS deep ${'WITH [deep] AS deep '.repeat(70)}RETURN deep` })),
    );
    assertProblem(answer, 400, /nests lists or maps more than 64 levels/);
  });

  it('answers 431 to a URL or header larger than the server reads', async () => {
    const longUrl = await rawExchange(
      port,
      `GET /api/search?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
    );
    assert.equal(longUrl.status, 431);
    const longHeader = await rawExchange(
      port,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
    );
    assert.equal(longHeader.status, 431);
  });

  describe('wrong methods', () => {
    const methods: Array<[string, string, string]> = [
      ['DELETE', '/api/negotiations', 'GET, HEAD'],
      ['POST', '/api/nodes/nato-russia-2022:nato', 'GET, HEAD'],
      ['PUT', '/api/nodes/nato-russia-2022:nato/neighbourhood?depth=2', 'GET, HEAD'],
      ['GET', '/api/cypher', 'POST'],
      ['PATCH', '/api/queries/red-lines', 'GET, HEAD'],
      ['POST', '/api/docs', 'GET, HEAD'],
      ['POST', '/index.html', 'GET, HEAD'],
      ['DELETE', '/', 'GET, HEAD'],
    ];
    for (const [method, where, allow] of methods) {
      it(`answers 405 to ${method} ${where}, with Allow: ${allow}`, async () => {
        const answer = await exchange(url, { method, path: where });
        assertProblem(answer, 405, new RegExp(`${method} is not allowed`));
        assert.equal(answer.headers.allow, allow);
      });
    }

    it('answers OPTIONS with the allowed methods', async () => {
      const answer = await exchange(url, { method: 'OPTIONS', path: '/api/cypher' });
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.allow, 'POST');
    });

    it('still answers 404 to any method on a path that does not exist', async () => {
      assertProblem(await exchange(url, { method: 'DELETE', path: '/api/no-such-thing' }), 404);
    });
  });
});

describe('the HTTP layer: an unknown failure', () => {
  it('is a 500 problem without a stack trace, logged once at error with its stack', async () => {
    const { logger, lines } = capturedLogger('info');
    const broken = {
      session() {
        throw new TypeError('the driver broke in a way nobody foresaw');
      },
    } as unknown as Driver;
    const { url, close } = await listen(
      createApp({ driver: broken, cypher: new CypherLibrary(), database: 'neo4j', logger }),
    );
    try {
      assertProblem(await exchange(url, { path: '/api/negotiations' }), 500, /in its log/);
      const errors = lines.filter((line) => Number(line.level) >= 50);
      assert.equal(errors.length, 1, JSON.stringify(errors));
      const err = errors[0]?.err as { stack?: string };
      assert.match(String(err.stack), /the driver broke[\s\S]*\n\s+at /);
    } finally {
      await close();
    }
  });
});
