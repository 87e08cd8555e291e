/**
 * The one place where failures become HTTP answers: RFC 9457 problems, never a stack trace. A client's
 * mistake (bad body, bad path, impossible range…) is a 4xx saying what was wrong and is not logged as an
 * error; anything unknown is a 500, logged once with its stack.
 */
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { DomainError } from '../errors/domain.ts';
import { ProblemError, problems } from '../errors/problem.ts';
import { domainProblem } from '../errors/to-problem.ts';
import type { Logger } from '../logger.ts';
import { describeNeo4jError } from '../neo4j/driver.ts';
import { NestingTooDeepError } from '../neo4j/values.ts';
import { MAX_BODY_BYTES } from './body.ts';

/** Driver errors that mean the database cannot be reached, as opposed to a bad query. */
function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code === 'ServiceUnavailable' || code === 'SessionExpired' || code.startsWith('Neo.TransientError.General.');
}

/** What Express's body parser, router and static files throw: http-errors with a status and a type. */
interface HttpError {
  status: number;
  message: string;
  type?: string;
  code?: string;
  name?: string;
  headers?: Record<string, string>;
}

function isClientError(error: unknown): error is HttpError {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

const short = (text: string) => text.slice(0, 200);

/** A clear message for each client error the libraries raise; their own message (no stack) otherwise. */
function describeClientError(error: HttpError): string {
  switch (error.type) {
    case 'entity.parse.failed':
      return `The request body is not valid JSON: ${short(error.message)}`;
    case 'entity.too.large':
      return `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB (after decompression).`;
    case 'encoding.unsupported':
      return `${short(error.message)}: send the body uncompressed, or as gzip, deflate or br.`;
    case 'charset.unsupported':
      return `${short(error.message)}: JSON bodies must be UTF-8.`;
    case 'request.aborted':
      return 'The client stopped sending the request body.';
    case 'request.size.invalid':
      return 'The request body is not as long as its Content-Length says.';
  }
  if (error.code?.startsWith('Z_')) {
    return `The request body could not be decompressed as its Content-Encoding says (${short(error.message)}).`;
  }
  if (error.name === 'URIError') return `The path is not valid percent-encoding: ${short(error.message)}.`;
  if (error.status === 416) return 'The Range header asks for bytes that the file does not have.';
  return short(error.message);
}

function toProblem(error: unknown, logger: Logger): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error instanceof DomainError) return domainProblem(error);
  if (isUnavailable(error)) return problems.neo4jUnavailable(`Neo4j cannot be reached: ${describeNeo4jError(error)}`);
  if (error instanceof NestingTooDeepError) return problems.badRequest(error.message);
  if (isClientError(error)) return problems.clientError(error.status, describeClientError(error));
  logger.error({ err: error }, 'unhandled error');
  return problems.internal();
}

/** Maps any failure to problem details; never sends a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    if (res.headersSent) {
      // Too late for a problem: the answer is cut off, so that the client sees it is incomplete.
      logger.error({ err: error }, 'failed while sending a response');
      res.destroy();
      return;
    }
    const problem = toProblem(error, logger);
    const headers = (error as HttpError).headers;
    if (headers && problem.problem.status < 500) res.set(headers);
    res.status(problem.problem.status).type('application/problem+json').json(problem.problem);
  };
}

/** The path a request asked for, without its query, cut short for a message. */
export function requestedPath(req: Request): string {
  return short(req.originalUrl.split('?')[0] ?? '');
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(problems.notFound(`There is no endpoint ${req.method} ${requestedPath(req)}.`));
};
