import { Router } from 'express';
import type { Database } from '../../neo4j/database.ts';
import { toJson } from '../../neo4j/values.ts';

export function negotiationsRouter(db: Database): Router {
  const router = Router();
  router.get('/negotiations', async (_req, res) => {
    const records = await db.read('negotiations/list');
    res.json({
      negotiations: records.map((r) => ({
        ...(toJson(r.get('negotiation')) as object),
        counts: toJson(r.get('counts')),
      })),
    });
  });
  return router;
}
