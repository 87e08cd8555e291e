import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ProblemError, problems } from '../errors/problem.ts';
import type { Logger } from '../logger.ts';
import { describeNeo4jError } from '../neo4j/driver.ts';

/** Driver errors that mean the database cannot be reached, as opposed to a bad query. */
function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code === 'ServiceUnavailable' || code === 'SessionExpired' || code.startsWith('Neo.TransientError.General.');
}

/** Maps any failure to problem details; never sends a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    let problem: ProblemError;
    if (error instanceof ProblemError) {
      problem = error;
    } else if (isUnavailable(error)) {
      problem = problems.neo4jUnavailable(`Neo4j cannot be reached: ${describeNeo4jError(error)}`);
    } else if ((error as { type?: string }).type === 'entity.too.large') {
      problem = problems.payloadTooLarge('The request body is larger than this server accepts.');
    } else if ((error as { type?: string }).type === 'entity.parse.failed') {
      problem = problems.badRequest('The request body is not valid JSON.');
    } else {
      logger.error({ err: error }, 'unhandled error');
      problem = problems.internal();
    }
    res.status(problem.problem.status).type('application/problem+json').json(problem.problem);
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(problems.notFound(`There is no endpoint ${req.method} ${req.originalUrl.split('?')[0]}.`));
};
