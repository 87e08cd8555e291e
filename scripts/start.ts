/**
 * `npm start`: serves Common Ground. Without NEO4J_URI it first starts the local Neo4j (data in
 * NEO4J_DATA_DIR, by default .neo4j/dev; Bolt on NEO4J_BOLT_PORT), restarts it if it dies, and stops
 * it with the app.
 */
import { runUntilSignalled } from '../server/src/lifecycle.ts';
import { localDataDir } from './local-neo4j/paths.ts';
import { superviseLocalNeo4j } from './local-neo4j/supervisor.ts';

/** Neo4j gets this long to stop after SIGTERM, so that the whole shutdown fits in the app's limit. */
const NEO4J_STOP_GRACE_MS = 3_000;

await runUntilSignalled({
  // Run by npm (`npm start`), whose death must not leave the app and Neo4j running.
  stopWithParent: process.env.npm_lifecycle_event !== undefined,
  async prepare(config, logger, stopping) {
    if (config.neo4j.uri) return async () => {};
    const dir = localDataDir(config.localNeo4j.dataDir);
    logger.info({ dir, port: config.localNeo4j.boltPort }, 'starting the local Neo4j');
    const started = Date.now();
    const local = await superviseLocalNeo4j(
      {
        dir,
        boltPort: config.localNeo4j.boltPort,
        password: config.neo4j.password,
        heap: config.localNeo4j.heap,
        stopGraceMs: NEO4J_STOP_GRACE_MS,
        signal: stopping,
      },
      logger,
    );
    logger.info(
      { uri: local.uri, neo4jPid: local.pid, ms: Date.now() - started, log: local.logFile },
      'local Neo4j started',
    );
    config.neo4j.uri = local.uri;
    config.neo4j.user = local.user;
    return () => local.stop();
  },
});
