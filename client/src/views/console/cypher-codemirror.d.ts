// @neo4j-cypher/codemirror ships its types, but its package.json "exports" does not point to them.
declare module '@neo4j-cypher/codemirror' {
  export * from '@neo4j-cypher/codemirror/src/codemirror.d.ts';
}
