import neo4j, { type Driver } from 'neo4j-driver';
import type { Logger } from '../logger.ts';

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
    logging: logger ? { level: 'error', logger: (_level, message) => logger.error({ neo4j: message }) } : undefined,
  });
}

export class Neo4jUnavailableError extends Error {
  override name = 'Neo4jUnavailableError';
}

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
