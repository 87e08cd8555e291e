/**
 * Failures whose message says everything a person needs (a wrong setting, a bad dataset file, an
 * unreachable database): the command line prints the message alone, never a stack trace.
 */
const EXPLAINED = new Set([
  'ConfigError',
  'DatasetError',
  'LoadError',
  'NegotiationExistsError',
  'Neo4jUnavailableError',
  'LocalNeo4jError',
  'LocalNeo4jInstallError',
  'UnknownNegotiationError',
  'UnknownPositionError',
]);

export function isExplained(error: unknown): error is Error {
  return error instanceof Error && EXPLAINED.has(error.name);
}
