/**
 * The Cypher console: runs an analyst's query, read-only, within limits.
 * 1. The text is read first (text-vetting.ts): what Neo4j cannot stop once it starts (regular
 *    expressions, unbounded work inside one expression, parser-breaking nesting) is refused before
 *    anything reaches Neo4j.
 * 2. A worker thread plans, vets and runs it in one READ transaction under the console's timeout
 *    (console-run.ts), within a row and a byte budget.
 * 3. The pool of workers (worker-pool.ts) caps queries at once, overall and per client, stops a query at
 *    the timeout or when its client goes away, and frees its place once Neo4j has let go of it.
 */
import type { ConsoleLimits } from '../../config.ts';
import { Neo4jUnavailableError } from '../../errors/domain.ts';
import { ProblemError } from '../../errors/problem.ts';
import type { Logger } from '../../logger.ts';
import { ClientGoneError, detached } from '../../neo4j/cancellation.ts';
import type { CypherLibrary } from '../../neo4j/cypher.ts';
import type { Database } from '../../neo4j/database.ts';
import type { Neo4jSettings } from '../../neo4j/driver.ts';
import { savedQueries } from '../queries/saved-queries.ts';
import { busyProblem, refusedProblem, resultTooLargeProblem, timeoutProblem } from './console-problems.ts';
import type { ConsoleJob, ConsoleResult } from './console-protocol.ts';
import { vetQueryText } from './text-vetting.ts';
import { ConsoleWorkerPool } from './worker-pool.ts';

export type { ConsoleResult } from './console-protocol.ts';

/** Too many console queries at once; the router adds `Retry-After`. */
export class ConsoleBusyError extends ProblemError {
  constructor(
    readonly retryAfterSeconds: number,
    perClient: boolean,
    limit: number,
  ) {
    super(busyProblem(retryAfterSeconds, perClient, limit));
  }
}

export interface ConsoleRequest {
  query: string;
  params: Record<string, unknown>;
  /** Who asks (an IP address): the per-client limit counts by it. */
  client: string;
  /** Aborts when the client goes away. */
  signal?: AbortSignal;
}

export interface ConsoleDependencies {
  db: Database;
  cypher: CypherLibrary;
  limits: ConsoleLimits;
  /** Where the workers connect; without it the console answers 503. */
  neo4j?: Neo4jSettings;
  logger?: Logger;
}

/** A saved query's text as the client sends it back (the request's text is trimmed). */
const normalized = (text: string) => text.replace(/\r\n?/g, '\n').trim();

export class CypherConsoleService {
  readonly #pool: ConsoleWorkerPool | undefined;
  readonly #reviewed: Set<string>;
  readonly #limits: ConsoleLimits;
  readonly #database: string;
  #runs = 0;

  constructor({ db, cypher, limits, neo4j, logger }: ConsoleDependencies) {
    this.#limits = limits;
    this.#database = db.name;
    this.#reviewed = new Set(savedQueries(cypher).map((saved) => normalized(saved.query)));
    this.#pool = neo4j
      ? new ConsoleWorkerPool({
          data: { neo4j, database: db.name, maxBufferBytes: Math.max(64_000_000, 16 * limits.maxBytes) },
          maxConcurrent: limits.maxConcurrent,
          maxConcurrentPerClient: limits.maxConcurrentPerClient,
          // Looked for after the request has ended, so not under its signal.
          stillRunning: (run) =>
            detached(() => db.read('console/transactions', { run })).then((records) => records.length > 0),
          logger,
        })
      : undefined;
  }

  async run({ query, params, client, signal }: ConsoleRequest): Promise<ConsoleResult> {
    const reviewed = this.#reviewed.has(normalized(query));
    const text = vetQueryText(query, { reviewed, database: this.#database });
    if (text.refusal) {
      // Positions are shown when they are positions in what the analyst typed (no escapes were decoded).
      throw new ProblemError(refusedProblem(text.refusal, text.decoded === query ? query : undefined));
    }
    if (!this.#pool) throw new Neo4jUnavailableError('The Cypher console has no connection to Neo4j configured.');
    const acquired = this.#pool.acquire(client);
    const retryAfter = Math.ceil(this.#limits.timeoutMs / 1000);
    if ('busy' in acquired) {
      const perClient = acquired.busy === 'client';
      const limit = perClient ? this.#limits.maxConcurrentPerClient : this.#limits.maxConcurrent;
      throw new ConsoleBusyError(retryAfter, perClient, limit);
    }
    const job: ConsoleJob = {
      id: ++this.#runs,
      run: `${process.pid}-${Date.now().toString(36)}-${this.#runs}`,
      query,
      params,
      reviewed,
      limits: this.#limits,
    };
    const outcome = await acquired.lease.run(job, signal);
    switch (outcome.type) {
      case 'result':
        return outcome.result;
      case 'problem':
        throw new ProblemError(outcome.problem);
      case 'stopped':
        throw new ProblemError(timeoutProblem(this.#limits.timeoutMs));
      case 'abandoned':
        throw new ClientGoneError();
      case 'crashed':
        // A worker ends mid-query only when its memory limit is reached.
        throw new ProblemError(resultTooLargeProblem(this.#limits.maxBytes));
      case 'failed':
        throw Object.assign(new Error(outcome.message), { code: outcome.code });
    }
  }

  /** Ends the console's worker threads. */
  close(): Promise<void> {
    return this.#pool?.close() ?? Promise.resolve();
  }
}
