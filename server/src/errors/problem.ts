import { STATUS_CODES } from 'node:http';

/**
 * The API's one error format: RFC 9457 problem details.
 * Throw a ProblemError anywhere in a handler; the error middleware writes it.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The offending query parameter or body field, where there is one. */
  parameter?: string;
  [extension: string]: unknown;
}

export class ProblemError extends Error {
  override name = 'ProblemError';
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

const TYPE_BASE = '/api/problems/';

/** A problem named after its HTTP status: 405 is `/api/problems/method-not-allowed`, "Method not allowed". */
function httpProblem(status: number, detail: string, extra: Partial<Problem> = {}): ProblemError {
  const reason = STATUS_CODES[status] ?? 'Error';
  const title = reason.charAt(0) + reason.slice(1).toLowerCase();
  const type = `${TYPE_BASE}${reason.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return new ProblemError({ type, title, status, detail, ...extra });
}

export const problems = {
  /** Any client error by its status, for failures that need no name of their own (416, 431, …). */
  clientError: (status: number, detail: string) => httpProblem(status, detail),
  badRequest: (detail: string, extra: Partial<Problem> = {}) => httpProblem(400, detail, extra),
  notFound: (detail: string, extra: Partial<Problem> = {}) => httpProblem(404, detail, extra),
  methodNotAllowed: (detail: string) => httpProblem(405, detail),
  payloadTooLarge: (detail: string) => httpProblem(413, detail),
  unsupportedMediaType: (detail: string) => httpProblem(415, detail),
  misdirected: (detail: string) => httpProblem(421, detail),
  tooManyRequests: (detail: string) => httpProblem(429, detail),
  neo4jUnavailable: (detail: string) =>
    new ProblemError({ type: `${TYPE_BASE}neo4j-unavailable`, title: 'Neo4j unavailable', status: 503, detail }),
  shuttingDown: () =>
    new ProblemError({
      type: `${TYPE_BASE}shutting-down`,
      title: 'Shutting down',
      status: 503,
      detail: 'The server is stopping and takes no new requests; try again shortly.',
    }),
  internal: () =>
    new ProblemError({
      type: `${TYPE_BASE}internal`,
      title: 'Internal error',
      status: 500,
      detail: 'The server failed to answer this request; the details are in its log.',
    }),
};
