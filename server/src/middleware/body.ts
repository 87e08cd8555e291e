/**
 * Request bodies: JSON only, UTF-8 only, at most 1 MB (after decompression) and 32 levels deep. Checked
 * here, at the boundary, so that no handler, driver or logger ever recurses through a hostile value.
 */
import express, { type RequestHandler } from 'express';
import { problems } from '../errors/problem.ts';

export const MAX_BODY_BYTES = 1024 * 1024;
/** The API's bodies are a few levels deep; Cypher parameters may nest maps and lists, within reason. */
export const MAX_BODY_DEPTH = 32;

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/i;

/** 415 for a body that is not JSON in UTF-8 (RFC 8259 §8.1); requests without a body pass. */
const requireJson: RequestHandler = (req, _res, next) => {
  const json = req.is('application/json');
  if (json === null) return next();
  const type = req.get('content-type');
  if (json === false) {
    return next(
      problems.unsupportedMediaType(
        `The API reads JSON bodies only: send content-type: application/json${type ? ` (not ${type.slice(0, 100)})` : ''}.`,
      ),
    );
  }
  const charset = CHARSET.exec(type ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return next(problems.unsupportedMediaType(`JSON bodies must be UTF-8, not ${charset.slice(0, 40)}.`));
  }
  next();
};

/** Whether a parsed JSON value nests deeper than `limit` (walked without recursion). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

const limitDepth: RequestHandler = (req, _res, next) => {
  if (nestsDeeperThan(req.body, MAX_BODY_DEPTH)) {
    return next(problems.badRequest(`The request body nests more than ${MAX_BODY_DEPTH} levels of objects or lists.`));
  }
  next();
};

/** The API's body parsing: media type, size, encoding and depth checked; errors mapped by middleware/errors.ts. */
export function jsonBody(): RequestHandler[] {
  return [requireJson, express.json({ limit: MAX_BODY_BYTES }), limitDepth];
}
