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

export const problems = {
  badRequest: (detail: string, extra: Partial<Problem> = {}) =>
    new ProblemError({ type: `${TYPE_BASE}bad-request`, title: 'Bad request', status: 400, detail, ...extra }),
  notFound: (detail: string, extra: Partial<Problem> = {}) =>
    new ProblemError({ type: `${TYPE_BASE}not-found`, title: 'Not found', status: 404, detail, ...extra }),
  payloadTooLarge: (detail: string) =>
    new ProblemError({ type: `${TYPE_BASE}payload-too-large`, title: 'Payload too large', status: 413, detail }),
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
