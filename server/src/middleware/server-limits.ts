/**
 * Limits of the HTTP server itself, below Express: how long a client may take to send its request, how
 * long an idle keep-alive connection stays open, how many connections are held at once. Slow, idle or
 * half-open connections are dropped (408 when a request was started) instead of piling up.
 */
import type { Server } from 'node:http';
import type { HttpLimits } from '../config.ts';

/** How often Node looks for requests past their time (its default, 30 s, would let them linger that much longer). */
const CHECK_EVERY_MS = 1_000;

/**
 * Call before the server starts listening (right after `listen()` returns is fine: it listens on a later
 * tick). Node reads the checking interval when it starts listening, so later is refused loudly.
 */
export function applyServerLimits(server: Server, limits: HttpLimits): void {
  if (server.listening) {
    throw new Error('applyServerLimits must be called before the server is listening (right after listen())');
  }
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  // A property of every http.Server since Node 18.12, typed only as a createServer option.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(
    CHECK_EVERY_MS,
    limits.headersTimeoutMs,
  );
}
