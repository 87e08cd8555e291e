import { readConfig } from '../server/src/config.ts';
import { createLogger } from '../server/src/logger.ts';
import { type RunningServer, startServer } from '../server/src/server.ts';
import { testEnvironment } from './_neo4j.ts';
import { freePort } from './_net.ts';

/** The real server (schema applied, listening on a free port) against the test database. */
export async function startTestServer(extra: Record<string, string> = {}): Promise<RunningServer> {
  const config = readConfig(testEnvironment({ PORT: String(await freePort()), ...extra }));
  return startServer(config, createLogger('silent'));
}
