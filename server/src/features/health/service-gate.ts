/**
 * The gate every request passes first. It answers 503 with `Retry-After`, at once:
 * - every request while the server drains before it stops (requests under way finish meanwhile);
 * - data requests while Neo4j is known to be down, and those under way when it goes down, which
 *   would otherwise wait out the driver's retries;
 * - data requests while Neo4j warms up after an outage: a restarted Neo4j plans and compiles its first
 *   queries slowly (seconds), and a crowd of clients asking at once would each wait many times as
 *   long, so the app first runs the reads clients asked last (Database.warmUp), for at most WARM_UP_MS,
 *   and answers `Retry-After: 1` meanwhile.
 * It also gives every other 503 a `Retry-After`, and asks for a probe when one comes as a surprise.
 */
import type { RequestHandler, Response } from 'express';
import onHeaders from 'on-headers';
import { type Problem, problems } from '../../errors/problem.ts';
import type { Neo4jAvailability } from '../../neo4j/availability.ts';

/** The API's paths (Express matches them whatever their case), and those that answer without Neo4j. */
const API = /^\/api\//i;
const WITHOUT_NEO4J = /^\/api\/(health|docs|openapi\.json|queries)(\/|$)/i;

/** Seconds a client should wait before it tries again. */
export const RETRY_AFTER = { neo4jDown: 2, warmingUp: 1, shuttingDown: 5 };
/** The longest a warm-up after an outage keeps data requests waiting. */
export const WARM_UP_MS = 3_000;

/** Makes a Neo4j that has just come back fast for the coming requests, by `deadline` (epoch ms). */
export type WarmUp = (deadline: number) => Promise<unknown>;

export interface DrainResult {
  /** Requests under way when the drain began. */
  waitedFor: number;
  /** Requests still under way when it ended (its time ran out). */
  unfinished: number;
}

/** Sends a problem from outside the error middleware. */
function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').json(problem);
}

/**
 * The handler of an answered request still runs and answers when the driver gives up; what it writes
 * then must go nowhere rather than fail on headers already sent.
 */
function muzzle(res: Response): void {
  res.setHeader = () => res;
  res.writeHead = (() => res) as typeof res.writeHead;
  res.write = () => true;
  res.end = (() => res) as typeof res.end;
}

export class ServiceGate {
  private draining = false;
  /** Requests let through and not yet ended, with whether they need Neo4j. */
  private readonly underWay = new Map<Response, boolean>();
  private whenIdle: (() => void) | undefined;
  /** The warm-up under way after an outage, if any. */
  private warming: Promise<void> | undefined;
  private warmUp: WarmUp | undefined;

  constructor(readonly availability: Neo4jAvailability) {
    availability.on('up', () => {
      const warmUp = this.warmUp;
      if (!warmUp || this.warming) return;
      const started = Date.now();
      // A query may outlive its deadline (a cold Neo4j is slow to stop it too): the gate does not wait.
      let timer: NodeJS.Timeout | undefined;
      const timeUp = new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve('time up'), WARM_UP_MS);
      });
      const warming = Promise.race([warmUp(started + WARM_UP_MS), timeUp])
        .then((result) => availability.logger?.info({ ms: Date.now() - started, result }, 'Neo4j warmed up'))
        .catch(() => {})
        .finally(() => {
          clearTimeout(timer);
          if (this.warming === warming) this.warming = undefined;
        });
      this.warming = warming;
    });
    availability.on('down', (reason) => {
      for (const [res, needsNeo4j] of this.underWay) {
        if (needsNeo4j && !res.headersSent) {
          sendProblem(res, problems.neo4jUnavailable(reason).problem);
          muzzle(res);
        }
      }
    });
  }

  readonly middleware: RequestHandler = (req, res, next) => {
    const needsNeo4j = API.test(req.path) && !WITHOUT_NEO4J.test(req.path);
    onHeaders(res, () => this.beforeHeaders(res, needsNeo4j));
    if (this.draining) return next(problems.shuttingDown());
    const neo4j = this.availability.state;
    if (needsNeo4j && !neo4j.up) return next(problems.neo4jUnavailable(neo4j.reason));
    if (needsNeo4j && this.warming) {
      res.setHeader('Retry-After', RETRY_AFTER.warmingUp);
      return next(problems.neo4jUnavailable('Neo4j is back and warming up; try again in a second.'));
    }
    this.underWay.set(res, needsNeo4j);
    res.once('close', () => {
      this.underWay.delete(res);
      if (this.underWay.size === 0) this.whenIdle?.();
    });
    next();
  };

  /**
   * From now on every new request gets 503 and every answer closes its connection; resolves when the
   * requests under way have ended, or when timeoutMs has passed.
   */
  async drain(timeoutMs: number): Promise<DrainResult> {
    this.draining = true;
    const waitedFor = this.underWay.size;
    if (waitedFor > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.whenIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return { waitedFor, unfinished: this.underWay.size };
  }

  /** What runs after each outage before data requests are let through again (the app's reads). */
  warmUpWith(warmUp: WarmUp): void {
    this.warmUp = warmUp;
  }

  private beforeHeaders(res: Response, needsNeo4j: boolean): void {
    if (this.draining) res.setHeader('Connection', 'close');
    if (res.statusCode !== 503) return;
    if (!res.hasHeader('Retry-After')) {
      res.setHeader('Retry-After', this.draining ? RETRY_AFTER.shuttingDown : RETRY_AFTER.neo4jDown);
    }
    // A data request failed as if Neo4j were down while the gate thought it up: check now.
    if (needsNeo4j && !this.draining && this.availability.state.up) void this.availability.probe();
  }
}
