import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import type { Dataset } from '../server/src/dataset/types.ts';

export const HARBOUR_FILE = 'tests/fixtures/datasets/harbour-talks.yaml';

/** A fresh copy of the small made-up negotiation, to edit in a test. */
export function harbourTalks(): Dataset {
  return parse(readFileSync(HARBOUR_FILE, 'utf8')) as Dataset;
}

export function toYaml(data: unknown): string {
  return stringify(data);
}
