/**
 * Requests per client (the connection's address; IPv6 by /56) per minute. Beyond the limit: 429 with `Retry-After`
 * and the standard `RateLimit`/`RateLimit-Policy` headers, so a client knows when to come back.
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { problems } from '../errors/problem.ts';
import type { Logger } from '../logger.ts';

export function rateLimitPerClient(perMinute: number, logger: Logger): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // The client is the socket's address: no proxy is trusted, so X-Forwarded-For and Forwarded, which any
    // client can write, are ignored on purpose rather than logged as a misconfiguration.
    validate: { xForwardedForHeader: false, forwardedHeader: false },
    logger: {
      warn: (error, message) => logger.warn({ err: error }, message ?? 'rate limiter'),
      error: (error, message) => logger.error({ err: error }, message ?? 'rate limiter'),
    },
    handler: (_req, res, next) => {
      next(
        problems.tooManyRequests(
          `More than ${perMinute} requests in a minute from this address; try again in ${res.get('Retry-After')} s.`,
        ),
      );
    },
  });
}
