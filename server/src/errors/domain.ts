/**
 * What services throw when a request asks for something the data does not have, or asks wrongly. They
 * say what was wrong in the domain's words; errors/to-problem.ts is the one place that turns them into
 * HTTP answers (RFC 9457 problems). No service or router throws an HTTP problem itself.
 */
export abstract class DomainError extends Error {
  /** The request parameter at fault, where there is one. */
  readonly parameter: string | undefined;
  constructor(message: string, parameter?: string) {
    super(message);
    this.parameter = parameter;
  }
}

/** Something the request names is not in the data: 404. */
export abstract class NotFoundError extends DomainError {}

export class UnknownNegotiationError extends NotFoundError {
  override name = 'UnknownNegotiationError';
  constructor(
    readonly negotiation: string,
    /** Where to find the ones that exist, for an API answer. */
    hint = '',
  ) {
    super(`There is no negotiation "${negotiation}".${hint ? ` ${hint}` : ''}`, 'negotiation');
  }
}

export class UnknownNodeError extends NotFoundError {
  override name = 'UnknownNodeError';
  constructor(readonly id: string) {
    super(`There is no node "${id}".`);
  }
}

export class UnknownSavedQueryError extends NotFoundError {
  override name = 'UnknownSavedQueryError';
  constructor(readonly query: string) {
    super(`There is no saved query "${query}" (see GET /api/queries).`);
  }
}

/** A parameter that cannot be used as given: 400. `extra` is added to the answer (e.g. the unknown ids). */
export class BadParameterError extends DomainError {
  override name = 'BadParameterError';
  constructor(
    message: string,
    parameter?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message, parameter);
  }
}

/** Ids in `without` that name no position of the negotiation. */
export class UnknownPositionError extends BadParameterError {
  override name = 'UnknownPositionError';
  constructor(
    readonly negotiation: string,
    readonly ids: string[],
  ) {
    super(`Negotiation "${negotiation}" has no position ${ids.map((id) => `"${id}"`).join(', ')}.`, 'without', {
      unknown: ids,
    });
  }
}

/** Neo4j cannot be reached, or a part of the app that needs it has no connection: 503. */
export class Neo4jUnavailableError extends DomainError {
  override name = 'Neo4jUnavailableError';
}
