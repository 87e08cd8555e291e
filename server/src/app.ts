/** Builds the Express app from its dependencies; it does not listen (server.ts does). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import type { Driver } from 'neo4j-driver';
import { pinoHttp } from 'pino-http';
import { healthRouter } from './features/health/health.router.ts';
import { HealthService } from './features/health/health.service.ts';
import type { Logger } from './logger.ts';
import { errorHandler, notFoundHandler } from './middleware/errors.ts';
import type { CypherLibrary } from './neo4j/cypher.ts';

export const clientDist = fileURLToPath(new URL('../../client/dist/', import.meta.url));

export interface AppDependencies {
  driver: Driver;
  cypher: CypherLibrary;
  database: string;
  logger: Logger;
  /** The built client; served at / when present. */
  clientDir?: string;
}

export function createApp({ driver, cypher, database, logger, clientDir = clientDist }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/api/health' } }));
  app.use(express.json({ limit: '256kb' }));

  const api = express.Router();
  api.use(healthRouter(new HealthService(driver, cypher, database)));
  api.use(notFoundHandler);
  app.use('/api', api);

  if (existsSync(clientDir)) app.use(express.static(clientDir));
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
