import { Router } from 'express';
import type { SavedQuery } from '../../../../shared/api/console.ts';
import { UnknownSavedQueryError } from '../../errors/domain.ts';

export function queriesRouter(queries: SavedQuery[]): Router {
  const router = Router();
  router.get('/queries', (_req, res) => {
    res.json({ queries });
  });
  router.get('/queries/:name', (req, res) => {
    const query = queries.find((q) => q.name === req.params.name);
    if (!query) throw new UnknownSavedQueryError(req.params.name);
    res.json(query);
  });
  return router;
}
