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

/** Addresses that mean "every interface": no client names them. */
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The loopback names, HOST unless it is a wildcard address, and the extra names. An address is as safe
 * as a name here: a rebinding page can only make the browser send its own name, never an address.
 */
export function allowedHostNames(host: string, extra: string[] = []): string[] {
  const names = [...LOOPBACK_NAMES, ...(WILDCARDS.has(host) ? [] : [host]), ...extra];
  return [...new Set(names.map(normalise))];
}

/**
 * `Example.org.` and `example.org` are one name, `::1` and `[::1]` one address (req.hostname keeps the
 * brackets of IPv6 and drops the port).
 */
function normalise(name: string): string {
  const lower = name.toLowerCase().replace(/\.$/, '');
  return isIP(lower) === 6 ? `[${lower}]` : lower;
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
