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

/** Mocha hooks that run the real server for a suite; `url` is ready once the suite's tests run. */
export function useTestServer(extra: Record<string, string> = {}): { readonly url: string } {
  let server: RunningServer | undefined;
  before(async () => {
    server = await startTestServer(extra);
  });
  after(() => server?.close());
  return {
    get url() {
      if (!server) throw new Error('the test server is not running yet (use it inside a test or hook)');
      return server.url;
    },
  };
}
