import { Router } from 'express';
import { z } from 'zod';
import { parseRequest } from '../../middleware/validate.ts';
import { requestSignal } from '../../neo4j/cancellation.ts';
import { ConsoleBusyError, type CypherConsoleService } from './cypher.service.ts';

export const MAX_QUERY_LENGTH = 20_000;

const consoleRequest = z.object(
  {
    query: z
      .string({ error: 'must be a string: the Cypher query to run' })
      .trim()
      .min(1, 'must not be empty')
      .max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH.toLocaleString('en')} characters long`),
    params: z.record(z.string(), z.unknown(), { error: 'must be an object of parameter names and values' }).default({}),
  },
  { error: 'The body must be a JSON object: {"query": "...", "params": {...}}' },
);

export function cypherRouter(console: CypherConsoleService): Router {
  const router = Router();
  router.post('/cypher', async (req, res) => {
    const { query, params } = parseRequest(consoleRequest, req.body ?? undefined);
    try {
      res.json(await console.run({ query, params, client: req.ip ?? 'unknown', signal: requestSignal() }));
    } catch (error) {
      if (error instanceof ConsoleBusyError) res.set('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  });
  return router;
}
