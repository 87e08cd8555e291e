/**
 * `npm run load -- data/<file>.yaml [more files]`: validates each file, then loads it into Neo4j
 * (NEO4J_URI, or the local development Neo4j, started for the occasion if `npm start` is not running).
 * A file with any problem is reported with every problem found, and writes nothing.
 */
import net from 'node:net';
import { ConfigError, readConfig } from '../server/src/config.ts';
import { loadDataset } from '../server/src/dataset/load.ts';
import { readDataset } from '../server/src/dataset/parse.ts';
import { DatasetError } from '../server/src/dataset/problems.ts';
import { CypherLibrary } from '../server/src/neo4j/cypher.ts';
import { createDriver, waitForNeo4j } from '../server/src/neo4j/driver.ts';
import { applySchema } from '../server/src/neo4j/schema.ts';
import { type LocalNeo4j, startLocalNeo4j } from './local-neo4j/local-neo4j.ts';
import { devInstanceDir } from './local-neo4j/paths.ts';

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

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error('usage: npm run load -- <dataset file> [more files]');
    return 2;
  }
  const config = readConfig();
  // Every file is validated before anything is written.
  const datasets = files.map((file) => ({ file, data: readDataset(file) }));

  let local: LocalNeo4j | undefined;
  let uri = config.neo4j.uri;
  if (!uri) {
    const port = config.localNeo4j.boltPort;
    if (await isListening(port)) uri = `bolt://127.0.0.1:${port}`;
    else {
      local = await startLocalNeo4j({
        dir: devInstanceDir,
        boltPort: port,
        password: config.neo4j.password,
        heap: config.localNeo4j.heap,
      });
      uri = local.uri;
    }
  }
  const driver = createDriver({ ...config.neo4j, uri });
  try {
    await waitForNeo4j(driver, uri, config.neo4j.connectTimeoutMs);
    const cypher = new CypherLibrary();
    await applySchema(driver, cypher, config.neo4j.database);
    for (const { file, data } of datasets) {
      const summary = await loadDataset(driver, cypher, config.neo4j.database, data);
      console.log(
        `${file}: loaded "${summary.negotiation}" (${summary.nodes} nodes, ${summary.relationships} relationships)`,
      );
    }
    return 0;
  } finally {
    await driver.close();
    await local?.stop();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const known =
    error instanceof DatasetError ||
    error instanceof ConfigError ||
    ['Neo4jUnavailableError', 'LocalNeo4jError'].includes((error as Error).name);
  console.error(known ? (error as Error).message : error);
  process.exitCode = 1;
}
