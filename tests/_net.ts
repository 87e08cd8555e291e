// Tests take free ports the way throwaway Neo4j instances do.
export { freePort } from '../scripts/local-neo4j/local-neo4j.ts';
