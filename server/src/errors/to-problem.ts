/** The one place where the domain's errors (domain.ts) become RFC 9457 problems. */
import { BadParameterError, type DomainError, Neo4jUnavailableError, NotFoundError } from './domain.ts';
import { type ProblemError, problems } from './problem.ts';

export function domainProblem(error: DomainError): ProblemError {
  const parameter = error.parameter === undefined ? {} : { parameter: error.parameter };
  if (error instanceof NotFoundError) return problems.notFound(error.message, parameter);
  if (error instanceof BadParameterError) {
    // A parameter's message names it first, so that it reads alone ("without: Negotiation … has no …").
    const detail =
      error.parameter && !error.message.startsWith(`${error.parameter}:`)
        ? `${error.parameter}: ${error.message}`
        : error.message;
    return problems.badRequest(detail, { ...parameter, ...error.extra });
  }
  if (error instanceof Neo4jUnavailableError) return problems.neo4jUnavailable(error.message);
  return problems.badRequest(error.message, parameter);
}
