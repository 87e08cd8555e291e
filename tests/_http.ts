/** HTTP for the API tests: JSON with fetch, any request with node:http, raw bytes over a socket. */
import type { Server } from 'node:http';
import http from 'node:http';
import net from 'node:net';
import { Writable } from 'node:stream';
import type { Express } from 'express';
import { closeApp } from '../server/src/app.ts';
import { createLogger, type Logger } from '../server/src/logger.ts';

export interface JsonResponse {
  status: number;
  contentType: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the tests that read them
  body: any;
}

export async function getJson(url: string): Promise<JsonResponse> {
  const response = await fetch(url);
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.json() };
}

export async function postJson(url: string, body: unknown, raw = false): Promise<JsonResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ? String(body) : JSON.stringify(body),
  });
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.json() };
}

export interface Exchange {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface RequestSpec {
  method?: string;
  path: string;
  headers?: Record<string, string | string[]>;
  body?: string | Uint8Array;
  /** The local address to send from: 127.0.0.2 is another client to the server. */
  from?: string;
}

/**
 * Any request node:http can send (any method token, any Host, any body bytes), read to the end. The text
 * is cut at 64 KB: the tests read problems, not payloads.
 */
export function exchange(base: string, spec: RequestSpec, agent?: http.Agent): Promise<Exchange> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: spec.method ?? 'GET',
        path: spec.path,
        headers: spec.headers,
        localAddress: spec.from,
        agent,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < 65_536) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(spec.body);
  });
}

export interface RawAnswer {
  /** The status of the first response, if one came. */
  status?: number;
  /** The whole answer as text (HTTP/1.1 is text up to the body). */
  text: string;
}

/**
 * Writes bytes on a fresh socket and reads until the server closes it or sends the head (status line and
 * headers) of a final response (1xx are skipped). For requests no HTTP client would send.
 */
export function rawExchange(
  port: number,
  bytes: string | Uint8Array,
  {
    timeoutMs = 5_000,
    end = false,
  }: { timeoutMs?: number /** Half-close after writing: no more is coming. */; end?: boolean } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    /** The status of the first final response, once its head is complete when `complete`. */
    const finalStatus = (complete: boolean) => {
      for (const match of text.matchAll(/^HTTP\/1\.[01] (\d{3})/gm)) {
        const status = Number(match[1]);
        if (status >= 200) return !complete || text.includes('\r\n\r\n', match.index) ? status : undefined;
      }
      return undefined;
    };
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: finalStatus(false), text });
    };
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${JSON.stringify(String(bytes).slice(0, 80))}`));
    }, timeoutMs);
    socket.on('connect', () => {
      const data = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
      if (end) socket.end(data);
      else socket.write(data);
    });
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      if (finalStatus(true) !== undefined) finish();
    });
    socket.on('error', () => finish());
    socket.on('close', finish);
  });
}

/** An Express app listening on a free loopback port, for tests that build the app themselves. */
export async function listen(
  app: Express,
): Promise<{ url: string; port: number; server: Server; close(): Promise<void> }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await closeApp(app);
    },
  };
}

/** A logger whose lines are kept, parsed, for a test to read. */
export function capturedLogger(level = 'info'): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger(level, destination), lines };
}

/** Polls until `condition` holds, or fails after `timeoutMs`, saying what it waited for. */
export async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
