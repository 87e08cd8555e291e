/** Builds the Express app from its dependencies; it does not listen (server.ts does). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import type { Driver } from 'neo4j-driver';
import { pinoHttp } from 'pino-http';
import { CONSOLE_DEFAULTS, type Config, type HttpLimits, readConfig } from './config.ts';
import { cypherRouter } from './features/cypher/cypher.router.ts';
import { CypherConsoleService } from './features/cypher/cypher.service.ts';
import { docsRouter } from './features/docs/docs.router.ts';
import { graphRouter } from './features/graph/graph.router.ts';
import { GraphService } from './features/graph/graph.service.ts';
import { healthRouter } from './features/health/health.router.ts';
import { HealthService } from './features/health/health.service.ts';
import { ServiceGate } from './features/health/service-gate.ts';
import { negotiationsRouter } from './features/negotiations/negotiations.router.ts';
import { nodesRouter } from './features/nodes/nodes.router.ts';
import { NodesService } from './features/nodes/nodes.service.ts';
import { OverlapsService, overlapsRouter } from './features/overlaps/overlaps.router.ts';
import { queriesRouter } from './features/queries/queries.router.ts';
import { savedQueries } from './features/queries/saved-queries.ts';
import { searchRouter } from './features/search/search.router.ts';
import { SearchService } from './features/search/search.service.ts';
import type { Logger } from './logger.ts';
import { jsonBody } from './middleware/body.ts';
import { errorHandler, notFoundHandler } from './middleware/errors.ts';
import { allowedHosts } from './middleware/hosts.ts';
import { methodNotAllowed, readOnly } from './middleware/methods.ts';
import { rateLimitPerClient } from './middleware/rate-limit.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { Neo4jAvailability } from './neo4j/availability.ts';
import { cancelWhenClientLeaves } from './neo4j/cancellation.ts';
import type { CypherLibrary } from './neo4j/cypher.ts';
import { Database } from './neo4j/database.ts';
import type { Neo4jSettings } from './neo4j/driver.ts';

export const clientDist = fileURLToPath(new URL('../../client/dist/', import.meta.url));

export interface AppDependencies {
  driver: Driver;
  cypher: CypherLibrary;
  database: string;
  logger: Logger;
  console?: Config['console'];
  /** Hosts answered, rate limit (server-limits.ts applies the rest); the defaults of config.ts when absent. */
  http?: HttpLimits;
  /** Where the Cypher console's workers connect (each has a driver of its own). */
  neo4j?: Neo4jSettings;
  /** The built client; served at / when present. */
  clientDir?: string;
  /** Answers 503 while Neo4j is down and while the server drains; server.ts passes the one it drives. */
  gate?: ServiceGate;
}

/** What must be stopped with an app (the Cypher console's worker threads). */
const closers = new WeakMap<Express, () => Promise<void>>();

/** Stops what the app started besides its routes; the server calls it when it closes. */
export function closeApp(app: Express): Promise<void> {
  return closers.get(app)?.() ?? Promise.resolve();
}

export function createApp({
  driver,
  cypher,
  database,
  logger,
  console = CONSOLE_DEFAULTS,
  neo4j,
  http = readConfig({}).http,
  clientDir = clientDist,
  gate = new ServiceGate(new Neo4jAvailability(driver, cypher, database, logger)),
}: AppDependencies): Express {
  const db = new Database(driver, cypher, database);
  gate.warmUpWith((deadline) => db.warmUp(deadline));
  const app = express();
  app.disable('x-powered-by');
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/api/health' } }));
  app.use(securityHeaders());
  app.use(allowedHosts(http.allowedHosts));
  app.use(rateLimitPerClient(http.rateLimitPerMinute, logger));
  app.use(gate.middleware);
  app.use(cancelWhenClientLeaves);

  const api = express.Router();
  api.use(methodNotAllowed(api));
  api.use(jsonBody());
  api.use(healthRouter(new HealthService(gate.availability)));
  api.use(negotiationsRouter(db));
  api.use(graphRouter(new GraphService(db)));
  api.use(nodesRouter(new NodesService(db)));
  api.use(searchRouter(new SearchService(db)));
  api.use(queriesRouter(savedQueries(cypher)));
  const cypherConsole = new CypherConsoleService({ db, cypher, limits: console, neo4j, logger });
  api.use(cypherRouter(cypherConsole));
  api.use(docsRouter());
  api.use(overlapsRouter(new OverlapsService(db)));
  api.use(notFoundHandler);
  app.use('/api', api);

  if (existsSync(clientDir)) app.use(express.static(clientDir), readOnly);
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  closers.set(app, () => cypherConsole.close());
  return app;
}
