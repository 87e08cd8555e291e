import { pino } from 'pino';

export type Logger = pino.Logger;

/**
 * Credentials a request or response may carry, as pino-http logs them. They are replaced before the line
 * is written, so that no log holds a password, token or session.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/** Structured JSON logs, one object a line, on stdout unless another destination is given (tests). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name: 'common-ground',
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
