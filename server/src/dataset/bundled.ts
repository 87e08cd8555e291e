/** The negotiations shipped in data/: loaded on start when the database holds none. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import type { Logger } from '../logger.ts';
import type { CypherLibrary } from '../neo4j/cypher.ts';
import { loadDataset, NegotiationExistsError } from './load.ts';
import { readDataset } from './parse.ts';

export const dataDir = fileURLToPath(new URL('../../../data/', import.meta.url));

export function bundledDatasetFiles(dir: string = dataDir): string[] {
  return readdirSync(dir)
    .filter((name) => /\.(ya?ml|json)$/.test(name) && name !== 'schema.json')
    .sort()
    .map((name) => path.join(dir, name));
}

export async function loadBundledIfEmpty(driver: Driver, cypher: CypherLibrary, database: string, logger: Logger) {
  const { records } = await driver.executeQuery(
    cypher.get('load/negotiation-count'),
    {},
    { database, routing: 'READ' },
  );
  if (Number(records[0]?.get('negotiations') ?? 0) > 0) return;
  // Validate every file before writing any, so a broken file leaves the database empty rather than partial.
  const datasets = bundledDatasetFiles().map((file) => ({
    file: path.relative(process.cwd(), file),
    data: readDataset(file),
  }));
  for (const { file, data } of datasets) {
    try {
      const summary = await loadDataset(driver, cypher, database, data);
      logger.info({ file, ...summary }, 'loaded the bundled dataset');
    } catch (error) {
      // Another process (a second server, `npm run load`) loaded it meanwhile: never replaced from here.
      if (!(error instanceof NegotiationExistsError)) throw error;
      logger.info({ file, negotiation: error.negotiation }, 'the bundled dataset is already loaded');
    }
  }
}
