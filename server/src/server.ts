/** Connects to Neo4j, prepares the database, and serves the app; returns how to stop it all again. */
import type { Server } from 'node:http';
import { closeApp, createApp } from './app.ts';
import type { Config } from './config.ts';
import { loadBundledIfEmpty } from './dataset/bundled.ts';
import { ServiceGate } from './features/health/service-gate.ts';
import type { Logger } from './logger.ts';
import { applyServerLimits } from './middleware/server-limits.ts';
import { Neo4jAvailability } from './neo4j/availability.ts';
import { CypherLibrary } from './neo4j/cypher.ts';
import { createDriver, waitForNeo4j } from './neo4j/driver.ts';
import { applySchema } from './neo4j/schema.ts';

/** How long a stop waits for the requests under way, unless told otherwise. */
export const DRAIN_MS = 5_000;

export interface RunningServer {
  url: string;
  /**
   * Drains (new requests get 503 while those under way finish, for at most drainMs), then stops
   * listening, closes every connection and the driver. Safe to call twice.
   */
  close(drainMs?: number): Promise<void>;
}

export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const uri = config.neo4j.uri;
  if (!uri) throw new Error('startServer needs config.neo4j.uri (npm start fills it in for the local Neo4j)');
  const cypher = new CypherLibrary();
  const driver = createDriver({ ...config.neo4j, uri }, logger);
  try {
    await waitForNeo4j(driver, uri, config.neo4j.connectTimeoutMs);
    await applySchema(driver, cypher, config.neo4j.database);
    await loadBundledIfEmpty(driver, cypher, config.neo4j.database, logger);
  } catch (error) {
    await driver.close();
    throw error;
  }

  const availability = new Neo4jAvailability(driver, cypher, config.neo4j.database, logger);
  const gate = new ServiceGate(availability);
  const app = createApp({
    driver,
    cypher,
    database: config.neo4j.database,
    logger,
    console: config.console,
    http: config.http,
    gate,
    neo4j: { ...config.neo4j, uri },
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host, (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
    applyServerLimits(listening, config.http);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  availability.start();
  logger.info({ url, neo4j: uri }, 'Common Ground is serving');

  let closing: Promise<void> | undefined;
  const close = (drainMs = DRAIN_MS) => {
    closing ??= (async () => {
      const started = Date.now();
      // The listener stays open meanwhile, so that new requests are answered 503 rather than refused.
      const drained = await gate.drain(drainMs);
      logger.info({ ...drained, ms: Date.now() - started }, 'drained');
      availability.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Requests still running now are cut off rather than holding shutdown.
        server.closeAllConnections();
      });
      await closeApp(app);
      await driver.close();
    })();
    return closing;
  };
  return { url, close };
}
