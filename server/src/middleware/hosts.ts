/**
 * DNS rebinding guard: only requests naming an allowed host are answered. A web page on another site can
 * make a victim's browser resolve its own name to 127.0.0.1 and read this app; the browser still sends
 * that site's name in `Host`, which is what this checks.
 */
import { isIP } from 'node:net';
import type { RequestHandler } from 'express';
import { problems } from '../errors/problem.ts';

/** Names that only ever mean this machine; a page elsewhere cannot rebind them. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** The loopback names, HOST when it is a name (not an address such as 0.0.0.0), and the extra names. */
export function allowedHostNames(host: string, extra: string[] = []): string[] {
  const names = [...LOOPBACK_NAMES, ...(isIP(host) === 0 ? [host] : []), ...extra];
  return [...new Set(names.map(normalise))];
}

/** `Example.org.` and `example.org` are one name; ports are not part of it (req.hostname drops them). */
function normalise(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/**
 * 421 Misdirected Request for any other `Host` (RFC 9110 §15.5.20: this server will not answer for that
 * authority). It says what is wrong, unlike 403, and is not a permission the client could obtain.
 */
export function allowedHosts(names: string[]): RequestHandler {
  const allowed = new Set(names.map(normalise));
  return (req, _res, next) => {
    const name = req.hostname;
    if (name !== undefined && allowed.has(normalise(name))) return next();
    next(
      problems.misdirected(
        name === undefined
          ? 'The request has no Host header; this server answers only for the hosts it is configured for.'
          : `This server does not answer for the host "${name.slice(0, 100)}". ` +
              'An operator can add it to ALLOWED_HOSTS (docs/operations.md).',
      ),
    );
  };
}
