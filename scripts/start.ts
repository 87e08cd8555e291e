/**
 * `npm start`: serves Common Ground. Without NEO4J_URI it first starts the local Neo4j
 * (data in .neo4j/dev, Bolt on NEO4J_BOLT_PORT), which stops with the app.
 */
import { runUntilSignalled } from '../server/src/lifecycle.ts';
import { startLocalNeo4j } from './local-neo4j/local-neo4j.ts';
import { devInstanceDir } from './local-neo4j/paths.ts';

await runUntilSignalled({
  async prepare(config, logger) {
    if (config.neo4j.uri) return async () => {};
    logger.info({ dir: devInstanceDir, port: config.localNeo4j.boltPort }, 'starting the local Neo4j');
    const started = Date.now();
    const local = await startLocalNeo4j({
      dir: devInstanceDir,
      boltPort: config.localNeo4j.boltPort,
      password: config.neo4j.password,
      heap: config.localNeo4j.heap,
    });
    logger.info({ uri: local.uri, ms: Date.now() - started, log: local.logFile }, 'local Neo4j started');
    config.neo4j.uri = local.uri;
    config.neo4j.user = local.user;
    return () => local.stop();
  },
});
