/**
 * `npm run load -- data/<file>.yaml [more files]`: validates each file, then loads it into Neo4j
 * (NEO4J_URI, or the local development Neo4j, started for the occasion if `npm start` is not running).
 * A file with any problem is reported with every problem found, and writes nothing.
 */

import { readConfig } from '../server/src/config.ts';
import { loadDataset } from '../server/src/dataset/load.ts';
import { readDataset } from '../server/src/dataset/parse.ts';
import { isExplained } from '../server/src/errors/explained.ts';
import { CypherLibrary } from '../server/src/neo4j/cypher.ts';
import { applySchema } from '../server/src/neo4j/schema.ts';
import { connectForScript } from './neo4j-connection.ts';

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error('usage: npm run load -- <dataset file> [more files]');
    return 2;
  }
  const config = readConfig();
  // Every file is validated before anything is written.
  const datasets = files.map((file) => ({ file, data: readDataset(file) }));

  const { driver, database, close } = await connectForScript(config);
  try {
    const cypher = new CypherLibrary();
    await applySchema(driver, cypher, database);
    for (const { file, data } of datasets) {
      const summary = await loadDataset(driver, cypher, database, data);
      console.log(
        `${file}: loaded "${summary.negotiation}" (${summary.nodes} nodes, ${summary.relationships} relationships)`,
      );
    }
    return 0;
  } finally {
    await close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(isExplained(error) ? error.message : error);
  process.exitCode = 1;
}
