/**
 * Keeps the local Neo4j of `npm start` running: when it exits without being asked to, the exit is
 * logged and the server is started again in the same folder, after a delay that doubles with each
 * crash in a row (up to a cap) and starts again from the first once a server has stayed up a while.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { type LocalNeo4j, type LocalNeo4jOptions, type Neo4jExit, startLocalNeo4j } from './local-neo4j.ts';

export interface RestartPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** A server that ran this long before it exited counts as healthy: the next delay is the first again. */
  healthyAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
  healthyAfterMs: 60_000,
};

/** The delay before restart number `attempt` (1 for the first restart after a healthy run). */
export function restartDelay(attempt: number, policy: RestartPolicy): number {
  return Math.min(policy.firstDelayMs * 2 ** Math.max(0, attempt - 1), policy.maxDelayMs);
}

/** The number of the restart after a server that ran `ranMs`: the first again after a healthy run. */
export function nextAttempt(lastAttempt: number, ranMs: number, policy: RestartPolicy): number {
  return ranMs >= policy.healthyAfterMs ? 1 : lastAttempt + 1;
}

/** What the supervisor reports; a pino logger fits. */
export interface SupervisorLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface SupervisedNeo4j {
  uri: string;
  user: string;
  logFile: string;
  /** The Java process's id right now (it changes with each restart). */
  readonly pid: number;
  /** Stops the server and any restart under way. Safe to call twice. */
  stop(): Promise<void>;
}

function describeExit({ code, signal }: Neo4jExit): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

/** Starts the local Neo4j (failing as startLocalNeo4j does) and restarts it whenever it dies. */
export async function superviseLocalNeo4j(
  options: LocalNeo4jOptions,
  log: SupervisorLog,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): Promise<SupervisedNeo4j> {
  const stopping = new AbortController();
  let current: LocalNeo4j = await startLocalNeo4j(options);
  let restarting: Promise<void> | undefined;
  let attempt = 0;

  // Ends early, without throwing, when the supervisor is stopped.
  const sleep = (ms: number) => delay(ms, undefined, { signal: stopping.signal }).catch(() => {});

  const watch = (server: LocalNeo4j) => {
    const startedAt = Date.now();
    void server.exited.then((exit) => {
      if (stopping.signal.aborted) return;
      const ranMs = Date.now() - startedAt;
      attempt = nextAttempt(attempt, ranMs, policy);
      log.error(
        { exit: describeExit(exit), ranMs, log: server.logFile, restartInMs: restartDelay(attempt, policy) },
        'the local Neo4j exited unexpectedly; restarting it',
      );
      restarting = restart();
    });
  };

  const restart = async () => {
    while (!stopping.signal.aborted) {
      await sleep(restartDelay(attempt, policy));
      if (stopping.signal.aborted) return;
      const started = Date.now();
      try {
        current = await startLocalNeo4j({ ...options, signal: stopping.signal });
        log.info({ neo4jPid: current.pid, ms: Date.now() - started, attempt }, 'local Neo4j restarted');
        watch(current);
        return;
      } catch (error) {
        if (stopping.signal.aborted) return;
        attempt += 1;
        log.error(
          { err: (error as Error).message, restartInMs: restartDelay(attempt, policy) },
          'the local Neo4j did not restart; trying again',
        );
      }
    }
  };

  watch(current);
  let stopped: Promise<void> | undefined;
  return {
    uri: current.uri,
    user: current.user,
    logFile: current.logFile,
    get pid() {
      return current.pid;
    },
    stop() {
      stopped ??= (async () => {
        stopping.abort();
        await restarting;
        await current.stop();
      })();
      return stopped;
    },
  };
}
