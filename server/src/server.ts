/** Connects to Neo4j, prepares the database, and serves the app; returns how to stop it all again. */
import type { Server } from 'node:http';
import { closeApp, createApp } from './app.ts';
import type { Config } from './config.ts';
import { loadBundledIfEmpty } from './dataset/bundled.ts';
import type { Logger } from './logger.ts';
import { CypherLibrary } from './neo4j/cypher.ts';
import { createDriver, waitForNeo4j } from './neo4j/driver.ts';
import { applySchema } from './neo4j/schema.ts';

export interface RunningServer {
  url: string;
  /** Stops accepting requests, lets those under way finish, closes the driver. Safe to call twice. */
  close(): Promise<void>;
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

  const app = createApp({
    driver,
    cypher,
    database: config.neo4j.database,
    logger,
    console: config.console,
    neo4j: { ...config.neo4j, uri },
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host, (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info({ url, neo4j: uri }, 'Common Ground is serving');

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Requests still running after five seconds are cut off rather than holding shutdown.
        setTimeout(() => server.closeAllConnections(), 5_000).unref();
      });
      await closeApp(app);
      await driver.close();
    })();
    return closing;
  };
  return { url, close };
}
