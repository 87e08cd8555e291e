import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { loadDataset } from '../server/src/dataset/load.ts';
import { readDataset } from '../server/src/dataset/parse.ts';
import type { Dataset } from '../server/src/dataset/types.ts';
import { CypherLibrary } from '../server/src/neo4j/cypher.ts';
import { testDatabase, testDriver } from './_neo4j.ts';

export const HARBOUR_FILE = 'tests/fixtures/datasets/harbour-talks.yaml';

/** A fresh copy of the small made-up negotiation, to edit in a test. */
export function harbourTalks(): Dataset {
  return parse(readFileSync(HARBOUR_FILE, 'utf8')) as Dataset;
}

export function toYaml(data: unknown): string {
  return stringify(data);
}

export const NATO_RUSSIA_FILE = 'data/nato-russia-2022.yaml';

/** Loads (or reloads) the bundled NATO–Russia negotiation into the test database. */
export async function loadNatoRussia(): Promise<void> {
  await loadDataset(testDriver(), new CypherLibrary(), testDatabase().database, readDataset(NATO_RUSSIA_FILE), {
    replace: true,
  });
}
