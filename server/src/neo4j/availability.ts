/**
 * Whether Neo4j can answer, as far as the app knows. A probe (a trivial query in an auto-commit
 * transaction, which the driver never retries) runs four times a second, and twice as often while Neo4j
 * is down, so that:
 * - data requests are refused at once while Neo4j is down, instead of each waiting out the driver's
 *   retries (seconds) for an answer that cannot come;
 * - requests under way when Neo4j goes are answered as soon as the probe notices ('down', see
 *   features/health/service-gate.ts);
 * - requests are let through again within a probe interval of Neo4j answering again.
 * A probe that fails marks Neo4j down; one that merely takes long does not (a busy database is not a
 * dead one), and the connection timeout turns an unreachable host into a failure.
 */
import { EventEmitter } from 'node:events';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Logger } from '../logger.ts';
import type { CypherLibrary } from './cypher.ts';
import { describeNeo4jError } from './driver.ts';

export interface Neo4jServer {
  version: string;
  edition: string;
}

export type Neo4jState = { up: true; server?: Neo4jServer } | { up: false; since: number; reason: string };

export interface ProbeSettings {
  upIntervalMs: number;
  downIntervalMs: number;
  /** A probe without an answer by then is given up (and another started), without changing the state. */
  timeoutMs: number;
}

const DEFAULT_PROBE: ProbeSettings = { upIntervalMs: 250, downIntervalMs: 125, timeoutMs: 3_000 };

class ProbeTimedOut extends Error {}

export class Neo4jAvailability extends EventEmitter<{ down: [reason: string]; up: [] }> {
  private current: Neo4jState = { up: true };
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private inFlight: Promise<Neo4jState> | undefined;

  constructor(
    private readonly driver: Driver,
    private readonly cypher: CypherLibrary,
    readonly database: string,
    readonly logger?: Logger,
    private readonly settings: ProbeSettings = DEFAULT_PROBE,
  ) {
    super();
  }

  /** What the last probe found (up until one fails). */
  get state(): Neo4jState {
    return this.current;
  }

  /** Probes in the background until stop(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
  }

  /**
   * Probes now (or joins the probe under way) and returns its answer: the new state, or, when Neo4j did
   * not answer in time, a report that says so while the state stays as it was.
   */
  probe(): Promise<Neo4jState> {
    this.inFlight ??= this.runProbe().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private schedule(): void {
    if (!this.running) return;
    const interval = this.current.up ? this.settings.upIntervalMs : this.settings.downIntervalMs;
    this.timer = setTimeout(() => void this.probe().finally(() => this.schedule()), interval);
    this.timer.unref();
  }

  private async runProbe(): Promise<Neo4jState> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ProbeTimedOut()), this.settings.timeoutMs);
    });
    try {
      const server = await Promise.race([this.query(), timedOut]);
      this.markUp(server);
      return this.current;
    } catch (error) {
      // The query under way is left to finish or fail; its answer goes nowhere.
      if (error instanceof ProbeTimedOut) {
        const reason = `Neo4j did not answer within ${this.settings.timeoutMs / 1000} s`;
        this.logger?.warn(reason);
        return { up: false, since: Date.now(), reason };
      }
      this.markDown(`Neo4j cannot be reached: ${describeNeo4jError(error)}`);
      return this.current;
    } finally {
      clearTimeout(timer);
    }
  }

  private async query(): Promise<Neo4jServer> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      const { records } = await session.run(
        this.cypher.get('health/components'),
        {},
        { timeout: this.settings.timeoutMs },
      );
      const record = records[0];
      return { version: String(record?.get('version')), edition: String(record?.get('edition')) };
    } finally {
      await session.close().catch(() => {});
    }
  }

  private markUp(server: Neo4jServer): void {
    const was = this.current;
    this.current = { up: true, server };
    if (!was.up) {
      this.logger?.info({ downMs: Date.now() - was.since }, 'Neo4j answers again; data requests are served');
      this.emit('up');
    }
  }

  private markDown(reason: string): void {
    if (!this.current.up) {
      this.current = { ...this.current, reason };
      return;
    }
    this.current = { up: false, since: Date.now(), reason };
    this.logger?.error({ reason }, 'Neo4j is unavailable; data requests get 503 until it answers');
    this.emit('down', reason);
  }
}
