/**
 * Hostile requests for the HTTP fuzz (fuzz-http.test.ts), generated with fast-check from the endpoints of
 * server/openapi.yaml, so that a new endpoint is fuzzed as soon as it is documented. Two kinds: requests
 * node:http can send (any method, path bytes, header values and body bytes), and raw bytes for what no
 * client would send (broken request lines, framing, header syntax).
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { openApiDocument } from '../../server/src/features/docs/docs.router.ts';
import type { RequestSpec } from '../_http.ts';

interface Endpoint {
  /** `/api/nodes/{id}` */
  template: string;
  methods: string[];
  queryNames: string[];
  takesBody: boolean;
}

export function documentedEndpoints(): Endpoint[] {
  const paths = openApiDocument().paths as Record<string, Record<string, unknown>>;
  return Object.entries(paths).map(([template, operations]) => {
    const ops = Object.entries(operations).filter(([method]) => /^(get|post|put|patch|delete)$/.test(method));
    const parameters = ops.flatMap(([, op]) => ((op as { parameters?: unknown[] }).parameters ?? []) as object[]);
    return {
      template,
      methods: ops.map(([method]) => method.toUpperCase()),
      queryNames: parameters
        .filter((p) => (p as { in?: string }).in === 'query')
        .map((p) => (p as { name: string }).name),
      takesBody: ops.some(([, op]) => (op as { requestBody?: unknown }).requestBody !== undefined),
    };
  });
}

/** Strings that have broken parsers before: bad escapes, traversal, overlong UTF-8, control characters. */
const NASTY = [
  '',
  '%',
  '%%',
  '%E0%A4%A',
  '%ff',
  '%00',
  '%C0%AE%C0%AE',
  '%2e%2e%2f%2e%2e%2f',
  '../../../../etc/passwd',
  '..%5c..%5c',
  '%252e',
  '\\..\\',
  'nato-russia-2022:nato',
  'nato-russia-2022:nato-red-line-open-door',
  'nato-russia-2022',
  '__proto__',
  'constructor',
  'null',
  '-1',
  '1e309',
  '0x1F',
  '9'.repeat(400),
  'a'.repeat(9_000),
  "' OR 1=1 --",
  '`) MATCH (n) DETACH DELETE n //',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '${7*7}',
];

/** Bytes Node's client accepts in a path: anything from `!` to ÿ, unescaped. */
const rawPathText = fc.string({
  unit: fc.integer({ min: 0x21, max: 0xff }).map((c) => String.fromCharCode(c)),
  maxLength: 60,
});
const anyText = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
/** A path segment or query value: escaped properly, or raw bytes, or a known-nasty string as it is. */
const pathPiece = fc.oneof(
  anyText.map((text) => encodeURIComponent(text)),
  rawPathText,
  fc.constantFrom(...NASTY.filter((text) => /^[\x21-\xff]*$/.test(text))),
);

/** Header values node:http lets through: tab, printable ASCII and Latin-1, no CR or LF. */
const headerText = fc.string({
  unit: fc
    .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constant(9))
    .map((c) => String.fromCharCode(c)),
  maxLength: 80,
});

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND', 'SEARCH', 'M-SEARCH', 'FOO'];

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=UTF-8',
  'application/json; charset=utf-7',
  'application/json; charset=utf-16le',
  'application/json; charset=iso-8859-1',
  'application/json; charset=koi8-r',
  'application/json; charset=',
  'application/json; charset="utf-8"; boundary=x',
  'application/JSON',
  'application/problem+json',
  'application/vnd.api+json',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/octet-stream',
  'application/xml',
  '*/*',
  'application/',
  ';;;',
  'json',
);
const contentEncoding = fc.constantFrom(
  'gzip',
  'deflate',
  'br',
  'identity',
  'gzip, gzip',
  'compress',
  'zstd',
  'x-gzip',
  'GZIP',
  '',
);

const headers = fc.record(
  {
    'content-type': fc.oneof({ weight: 4, arbitrary: contentType }, { weight: 1, arbitrary: headerText }),
    'content-encoding': fc.oneof({ weight: 3, arbitrary: contentEncoding }, { weight: 1, arbitrary: headerText }),
    range: fc.oneof(
      fc.constantFrom(
        'bytes=0-0',
        'bytes=999999999-',
        'bytes=-0',
        'bytes=5-1',
        'bytes=0-1,2-3,0-1',
        'items=0-5',
        'bytes=',
      ),
      headerText,
    ),
    accept: fc.oneof(fc.constantFrom('application/json', 'text/html', '*/*', 'image/png', ''), headerText),
    'accept-encoding': fc.constantFrom('gzip', 'br', 'identity;q=0', '*;q=0', 'bogus'),
    'if-none-match': headerText,
    'if-modified-since': fc.oneof(fc.constantFrom('Thu, 01 Jan 1970 00:00:00 GMT', 'yesterday'), headerText),
    'x-forwarded-for': headerText,
    'x-forwarded-host': fc.constantFrom('attacker.example', 'localhost'),
    cookie: headerText,
    authorization: headerText,
    origin: fc.constantFrom('http://attacker.example', 'null', 'http://localhost:3000'),
    host: fc.constantFrom('attacker.example', 'localhost', '127.0.0.1', '[::1]', 'LOCALHOST.', ''),
    'x-http-method-override': fc.constantFrom('DELETE', 'PUT'),
  },
  { requiredKeys: [] },
);

const deepJson = fc
  .tuple(fc.integer({ min: 1, max: 4_000 }), fc.boolean())
  .map(([depth, lists]) =>
    lists
      ? `{"query": "RETURN $p AS p", "params": {"p": ${'['.repeat(depth)}${']'.repeat(depth)}}}`
      : `{"query": "RETURN $p AS p", "params": {"p": ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}`,
  );

/** Queries that run quickly: the console's own attacks (long-running, writes) are its own suite's. */
const cypherQuery = fc.oneof(
  fc.constantFrom(
    'RETURN 1',
    'RETURN $p AS p',
    'MATCH (n:Party) RETURN n LIMIT 3',
    'MATCH (n) RETURN count(n)',
    'RETURN $negotiation AS n',
    'CREATE (n:Hacked) RETURN n',
    'MATCH (n) DETACH DELETE n',
    'CALL db.labels()',
    'RETURN',
    '',
    '   ',
  ),
  fc.string({ maxLength: 60 }),
);

const cypherBody = fc
  .record(
    {
      query: fc.oneof({ weight: 5, arbitrary: cypherQuery }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }),
      params: fc.oneof(
        { weight: 4, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 4 })) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
      ),
    },
    { requiredKeys: [] },
  )
  .map((body) => JSON.stringify(body));

const text = (value: string) => new TextEncoder().encode(value);

const body: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 6, arbitrary: cypherBody.map(text) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => text(JSON.stringify(value) ?? 'null')) },
  { weight: 2, arbitrary: deepJson.map(text) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 2_000 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map(text) },
  { weight: 1, arbitrary: cypherBody.map((json) => gzipSync(json)) },
  { weight: 1, arbitrary: cypherBody.map((json) => gzipSync(json).subarray(0, 10)) },
  { weight: 1, arbitrary: cypherBody.map((json) => Buffer.from(json, 'utf16le')) },
  { weight: 1, arbitrary: cypherBody.map((json) => Buffer.from(`\ufeff${json}`, 'latin1')) },
  { weight: 1, arbitrary: cypherBody.map((json) => text(json.slice(0, Math.floor(json.length / 2)))) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        // Over the size limit; a gzip that inflates past it; a body nested far too deep.
        () => text(`{"query": "RETURN 1", "x": "${'a'.repeat(1_100_000)}"}`),
        () => gzipSync(`{"query": "RETURN 1", "x": "${'a'.repeat(12_000_000)}"}`),
        () => text(`{"query": "RETURN 1", "x": ${'['.repeat(300_000)}${']'.repeat(300_000)}}`),
        () => text('{"query": "RETURN 1", "params": {"__proto__": {"polluted": true}}}'),
        () => text('{"query": "RETURN 1", "query": ["twice"]}'),
      )
      .map((make) => make()),
  },
);

function fillTemplate(template: string, pieces: string[]): string {
  let i = 0;
  return template.replace(/\{[^}]+\}/g, () => pieces[i++ % pieces.length] || 'x');
}

/** Files served beside the API (Range, conditional requests and methods matter there). */
const STATIC_PATHS = [
  '/',
  '/index.html',
  '/favicon.ico',
  '/api/docs',
  '/api/docs/init.js',
  '/api/docs/assets/swagger-ui.css',
  '/api/docs/assets/swagger-ui-bundle.js',
];

/** Values a well-formed request would carry, so that a single mutation reaches deep into a handler. */
const plausible = fc.constantFrom(
  'nato-russia-2022',
  'nato-russia-2022:nato',
  'nato-russia-2022:russia',
  'nato-russia-2022:enlargement',
  'nato-russia-2022:nato-red-line-open-door',
  'red-lines',
  'open door',
  '2',
  'statements,sources',
  '2022-01-11',
);

/**
 * Requests node:http can send: most are a well-formed request to a documented endpoint (or a static file)
 * with one thing broken (a path piece, the query, a header, the body or the method); the rest are random
 * in every part.
 */
export function httpRequests(count: number, seed: number): RequestSpec[] {
  const endpoints = documentedEndpoints();
  const endpoint = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...endpoints) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...STATIC_PATHS)
        .map((template) => ({ template, methods: ['GET'], queryNames: [], takesBody: false })),
    },
  );
  const queryOf = (e: Endpoint, value: fc.Arbitrary<string>) =>
    fc
      .tuple(
        fc.array(fc.tuple(fc.oneof(fc.constantFrom(...e.queryNames, 'q', 'a[b]', '__proto__'), pathPiece), value), {
          maxLength: 6,
        }),
        fc.constantFrom('&', ';', '&&'),
      )
      .map(([pairs, separator]) => pairs.map(([name, v], i) => `${e.queryNames[i] ?? name}=${v}`).join(separator));

  const wellFormed = endpoint.chain((e) =>
    fc.record({
      method: fc.constantFrom(...e.methods),
      path: fc
        .array(plausible, { minLength: 1, maxLength: 2 })
        .map((pieces) => fillTemplate(e.template, pieces.map(encodeURIComponent))),
      query: queryOf(e, plausible.map(encodeURIComponent)),
      headers: fc.constant(e.takesBody ? { 'content-type': 'application/json' } : ({} as Record<string, string>)),
      body: e.takesBody ? cypherBody.map(text) : fc.constant(undefined),
      endpoint: fc.constant(e),
    }),
  );

  const broken = wellFormed.chain((request) =>
    fc.oneof(
      fc
        .tuple(fc.array(pathPiece, { minLength: 1, maxLength: 2 }), fc.nat(5), pathPiece)
        .map(([pieces, mangle, extra]) => {
          const filled = fillTemplate(request.endpoint.template, pieces);
          const path =
            [`${filled}/${extra}`, filled.replace('/api/', '/api//'), `${filled}/..`, `/${extra}`][mangle] ?? filled;
          return { ...request, path };
        }),
      queryOf(request.endpoint, pathPiece).map((query) => ({ ...request, query })),
      headers.map((extra) => ({ ...request, headers: { ...request.headers, ...extra } })),
      body.map((bytes) => ({ ...request, body: bytes })),
      fc.constantFrom(...METHODS).map((method) => ({ ...request, method })),
    ),
  );

  const random = fc.record({
    method: fc.constantFrom(...METHODS),
    path: fc
      .tuple(endpoint, fc.array(pathPiece, { minLength: 1, maxLength: 3 }))
      .map(([e, pieces]) => fillTemplate(e.template, pieces)),
    query: fc.option(
      endpoint.chain((e) => queryOf(e, pathPiece)),
      { nil: '' },
    ),
    headers,
    body: fc.option(body, { nil: undefined }),
  });

  const request = fc
    .oneof({ weight: 4, arbitrary: broken }, { weight: 1, arbitrary: random })
    .map(({ method, path, query, headers, body }): RequestSpec => {
      const wanted = { ...headers } as Record<string, string>;
      // An empty Host is no host; node:http would otherwise send its own.
      if (wanted.host === '') delete wanted.host;
      return {
        method,
        path: query ? `${path}?${query}` : path,
        headers: wanted,
        body: method === 'GET' || method === 'HEAD' ? undefined : body,
      };
    });
  return fc.sample(request, { numRuns: count, seed });
}

const HOST = 'Host: 127.0.0.1\r\n';

/** Requests no client library would send, written byte by byte. */
const RAW_CASES: string[] = [
  `GET / HTTP/9.9\r\n${HOST}\r\n`,
  `GET / HTTP/2.0\r\n${HOST}\r\n`,
  'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n',
  'GET /api/negotiations HTTP/1.0\r\n\r\n',
  'GET /api/negotiations HTTP/1.1\r\n\r\n',
  'GET /api/negotiations HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n',
  `GET http://attacker.example/api/negotiations HTTP/1.1\r\n${HOST}\r\n`,
  `GET * HTTP/1.1\r\n${HOST}\r\n`,
  `OPTIONS * HTTP/1.1\r\n${HOST}\r\n`,
  `CONNECT 127.0.0.1:7687 HTTP/1.1\r\n${HOST}\r\n`,
  `TRACE / HTTP/1.1\r\n${HOST}\r\n`,
  `GET / HTTP/1.1\r\n${HOST}Content-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef`,
  `POST /api/cypher HTTP/1.1\r\n${HOST}Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n`,
  `POST /api/cypher HTTP/1.1\r\n${HOST}Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n`,
  `POST /api/cypher HTTP/1.1\r\n${HOST}Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n`,
  `POST /api/cypher HTTP/1.1\r\n${HOST}Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n`,
  `POST /api/cypher HTTP/1.1\r\n${HOST}Content-Length: -1\r\n\r\n`,
  `POST /api/cypher HTTP/1.1\r\n${HOST}Content-Length: 1e3\r\n\r\n`,
  'POST /api/cypher HTTP/1.1\r\n' +
    HOST +
    'Content-Type: application/json\r\nContent-Length: 99999999999999999999\r\n\r\n{',
  'POST /api/cypher HTTP/1.1\r\n' +
    HOST +
    'Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
  'POST /api/cypher HTTP/1.1\r\n' +
    HOST +
    'Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}',
  `GET / HTTP/1.1\r\n${HOST}Expect: something-else\r\n\r\n`,
  `GET / HTTP/1.1\r\n${HOST}Upgrade: websocket\r\nConnection: Upgrade\r\n\r\n`,
  'GET / HTTP/1.1\r\n' +
    HOST +
    'Upgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n',
  `GET /api/negotiations HTTP/1.1\r\n${HOST}X: a\r\n folded\r\n\r\n`,
  `GET /api/negotiations HTTP/1.1\r\n${HOST}Bad Header: x\r\n\r\n`,
  `GET /api/negotiations HTTP/1.1\r\n${HOST}: no name\r\n\r\n`,
  `GET /api/negotiations HTTP/1.1\r\n${HOST}No-Colon\r\n\r\n`,
  `GET /api/negotiations HTTP/1.1\r\n${HOST}X-Nul: a\x00b\r\n\r\n`,
  `GET /\x00 HTTP/1.1\r\n${HOST}\r\n`,
  `GET /api/nodes/\xff\xfe HTTP/1.1\r\n${HOST}\r\n`,
  `GET /api/nodes/%E0%A4%A HTTP/1.1\r\n${HOST}\r\n`,
  'GET / HTTP/1.1\nHost: 127.0.0.1\n\n',
  `GET / HTTP/1.1\r${HOST}\r\n`,
  '\x00\x01\x02\x03\r\n\r\n',
  `G\xffT / HTTP/1.1\r\n${HOST}\r\n`,
  `${'A'.repeat(5_000)} / HTTP/1.1\r\n${HOST}\r\n`,
  `GET /${'a'.repeat(70_000)} HTTP/1.1\r\n${HOST}\r\n`,
  `GET / HTTP/1.1\r\n${HOST}${'X-Many: 1\r\n'.repeat(3_000)}\r\n`,
  `GET /api/negotiations HTTP/1.1\r\n${HOST}\r\nGET /api/queries HTTP/1.1\r\n${HOST}\r\n`,
  `GET / HTTP/1.1\r\n${HOST}Connection: close\r\n\r\n`,
  `HEAD /api/negotiations HTTP/1.1\r\n${HOST}Content-Length: 4\r\n\r\nbody`,
  `\r\n\r\n\r\nGET / HTTP/1.1\r\n${HOST}\r\n`,
  `DELETE /api/cypher HTTP/1.1\r\n${HOST}Content-Length: 0\r\n\r\n`,
];

/** Raw requests: the cases above, then random bytes and random heads on a real request line. */
export function rawRequests(count: number, seed: number): Uint8Array[] {
  const bytes = (text: string) => Buffer.from(text, 'latin1');
  const generated = fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 400 }),
    fc
      .tuple(
        fc.constantFrom('GET', 'POST', 'PUT'),
        rawPathText,
        fc.array(fc.tuple(headerText, headerText), { maxLength: 5 }),
        fc.uint8Array({ maxLength: 100 }),
      )
      .map(([method, path, head, tail]) =>
        Buffer.concat([
          bytes(`${method} /${path} HTTP/1.1\r\n${HOST}${head.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`),
          tail,
        ]),
      ),
  );
  const fixed = RAW_CASES.map(bytes);
  return [...fixed, ...fc.sample(generated, { numRuns: Math.max(0, count - fixed.length), seed })];
}
