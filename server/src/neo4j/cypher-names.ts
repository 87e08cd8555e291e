/**
 * Every Cypher file the code runs by name, so that a misspelt or missing file is a compile error where
 * it is named, and a start-up error when the file is gone (CypherLibrary checks them as it loads).
 * Saved queries (cypher/queries/) are not listed: they are found by reading the folder.
 */
export const CYPHER_FILES = [
  'schema',
  'analysis/request',
  'analysis/verdicts',
  'analysis/evidence',
  'console/transactions',
  'graph/endpoints',
  'graph/neighbourhood',
  'graph/subgraph',
  'health/components',
  'negotiations/list',
  'nodes/node',
  'nodes/issue',
  'nodes/party',
  'nodes/position',
  'search/fulltext',
  'load/claim',
  'load/count',
  'load/events',
  'load/exists',
  'load/issues',
  'load/leftovers',
  'load/negotiation-count',
  'load/options',
  'load/parties',
  'load/people',
  'load/phase',
  'load/position-links',
  'load/positions',
  'load/remove-links',
  'load/remove-nodes',
  'load/rename',
  'load/restore',
  'load/retire',
  'load/reveal',
  'load/sources',
  'load/stage',
  'load/statements',
] as const;

export type CypherName = (typeof CYPHER_FILES)[number];

/** A step of the loader, `cypher/load/<step>.cypher`. */
export type LoadStep = CypherName extends infer Name ? (Name extends `load/${infer Step}` ? Step : never) : never;
