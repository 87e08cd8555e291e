/** POST /api/cypher and GET /api/queries: the Cypher console's answers. */
import type { SerializedGraph } from './graph.ts';

/** A Neo4j value as plain JSON (server/src/neo4j/values.ts makes them). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface ConsoleResult {
  columns: string[];
  rows: Json[][];
  rowCount: number;
  /** The query had more rows than the answer holds: see `truncatedBy`. */
  truncated: boolean;
  /** Which limit cut the rows: `maxRows`, or `maxBytes` (the rows' size in the answer). */
  truncatedBy?: 'maxRows' | 'maxBytes';
  maxRows: number;
  maxBytes: number;
  elapsedMs: number;
  graph: SerializedGraph;
}

export const SAVED_QUERY_PARAMETER_TYPES = ['string', 'integer', 'number', 'boolean', 'date'] as const;

export interface SavedQueryParameter {
  name: string;
  type: (typeof SAVED_QUERY_PARAMETER_TYPES)[number];
  default?: string | number | boolean;
  description: string;
}

export interface SavedQuery {
  name: string;
  title: string;
  description: string;
  parameters: SavedQueryParameter[];
  query: string;
}
