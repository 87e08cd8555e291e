/**
 * How a script reaches Neo4j: NEO4J_URI when it is set; otherwise the local development Neo4j, the one
 * `npm start` is running or, when nothing answers on NEO4J_BOLT_PORT, one started for the occasion and
 * stopped again by `close()`.
 */
import net from 'node:net';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../server/src/config.ts';
import { createDriver, waitForNeo4j } from '../server/src/neo4j/driver.ts';
import { type LocalNeo4j, startLocalNeo4j } from './local-neo4j/local-neo4j.ts';
import { localDataDir } from './local-neo4j/paths.ts';

export interface ScriptConnection {
  driver: Driver;
  uri: string;
  database: string;
  /** Closes the driver, and stops the local Neo4j if this connection started it. */
  close(): Promise<void>;
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function connectForScript(config: Config): Promise<ScriptConnection> {
  let local: LocalNeo4j | undefined;
  let uri = config.neo4j.uri;
  if (!uri) {
    const port = config.localNeo4j.boltPort;
    if (await isListening(port)) uri = `bolt://127.0.0.1:${port}`;
    else {
      local = await startLocalNeo4j({
        dir: localDataDir(config.localNeo4j.dataDir),
        boltPort: port,
        password: config.neo4j.password,
        heap: config.localNeo4j.heap,
      });
      uri = local.uri;
    }
  }
  const driver = createDriver({ ...config.neo4j, uri });
  const close = async () => {
    await driver.close();
    await local?.stop();
  };
  try {
    await waitForNeo4j(driver, uri, config.neo4j.connectTimeoutMs);
  } catch (error) {
    await close();
    throw error;
  }
  return { driver, uri, database: config.neo4j.database, close };
}
