/**
 * 405 Method Not Allowed, with `Allow`, for a path that has routes but none for the request's method.
 * The allowed methods are read from the router's own routes, so a new route is covered without a list
 * to keep up to date.
 */
import type { RequestHandler, Router } from 'express';
import { problems } from '../errors/problem.ts';
import { requestedPath } from './errors.ts';

/** The parts of the router's layers this reads (Express 5's router: a route, or a mounted router). */
interface Layer {
  match(path: string): { path: string } | false;
  route?: { methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** The methods of every route under `stack` that matches `path`; GET routes answer HEAD too. */
function allowedMethods(stack: Layer[], path: string, into = new Set<string>()): Set<string> {
  for (const layer of stack) {
    const match = layer.match(path);
    if (!match) continue;
    if (layer.route) {
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on && method !== '_all') into.add(method.toUpperCase());
      }
    } else if (layer.handle.stack) {
      allowedMethods(layer.handle.stack, path.slice(match.path.length) || '/', into);
    }
  }
  if (into.has('GET')) into.add('HEAD');
  return into;
}

/**
 * Mount first in a router: a request whose path has routes, none for its method, is answered 405 before
 * anything reads its body; the rest pass (no route for the path becomes 404 further on). The routes are
 * read at each request, so those added after this middleware count too. OPTIONS is left to Express,
 * which answers it with the same `Allow`.
 */
export function methodNotAllowed(router: Router): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'OPTIONS') return next();
    const allowed = allowedMethods(router.stack as unknown as Layer[], req.path);
    if (allowed.size === 0 || allowed.has(req.method)) return next();
    const allow = [...allowed].sort().join(', ');
    res.set('Allow', allow);
    next(problems.methodNotAllowed(`${req.method} is not allowed on ${requestedPath(req)}: use ${allow}.`));
  };
}

/** The static files outside /api answer GET and HEAD only. */
export const readOnly: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  res.set('Allow', 'GET, HEAD');
  if (req.method === 'OPTIONS') {
    res.status(200).end();
    return;
  }
  next(problems.methodNotAllowed(`${req.method} is not allowed here: the app's pages and files are read with GET.`));
};
