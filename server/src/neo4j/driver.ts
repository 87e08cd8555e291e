import neo4j, { type Driver } from 'neo4j-driver';
import { Neo4jUnavailableError } from '../errors/domain.ts';
import type { Logger } from '../logger.ts';
import { lastStoppedWorkAt } from './cancellation.ts';

export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  connectTimeoutMs: number;
}

/** The process's one driver. Connection attempts fail fast so that health checks answer promptly. */
export function createDriver(settings: Neo4jSettings, logger?: Logger): Driver {
  return neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
    connectionTimeout: Math.min(settings.connectTimeoutMs, 5_000),
    connectionAcquisitionTimeout: 10_000,
    maxTransactionRetryTime: 5_000,
    disableLosslessIntegers: false,
    // Errors only: while Neo4j is down every probe's connection attempt would warn (the availability
    // probe logs the outage once instead).
    logging: logger ? { level: 'error', logger: (_level, message) => logDriverError(logger, message) } : undefined,
  });
}

/** How long after stopping abandoned work a broken connection is put down to it. */
const STOPPED_WORK_MS = 2_000;

/**
 * Stopping the work of a client that went away closes its session, and when that lands while the driver
 * is still beginning the transaction, Neo4j refuses the connection's next message and the driver drops
 * the connection (a race in the driver; the next session gets a fresh connection). That is the app's own
 * doing, triggered by any client that hangs up: it is logged as information, not as an alarm.
 */
function logDriverError(logger: Logger, message: string): void {
  const sinceStopped = Date.now() - lastStoppedWorkAt();
  if (/experienced a fatal error/.test(message) && sinceStopped <= STOPPED_WORK_MS) {
    logger.info({ neo4j: message }, 'a connection was dropped while abandoned work was stopped');
  } else {
    logger.error({ neo4j: message });
  }
}

export { Neo4jUnavailableError };

/** Waits until the database answers, retrying until the timeout (a container may still be starting). */
export async function waitForNeo4j(driver: Driver, uri: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await driver.getServerInfo();
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      // Wrong credentials will not get better by waiting.
      if (code?.startsWith('Neo.ClientError.Security.') || Date.now() >= deadline) {
        throw new Neo4jUnavailableError(`cannot use Neo4j at ${uri}: ${describeNeo4jError(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** One line for people: Neo4j's own message without the driver's stack. */
export function describeNeo4jError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const firstLine = (message ?? String(error)).split('\n')[0] ?? '';
  return code && !firstLine.includes(code) ? `${firstLine} (${code})` : firstLine;
}
