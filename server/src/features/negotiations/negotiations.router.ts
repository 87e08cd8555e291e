import { Router } from 'express';
import { z } from 'zod';
import type { NegotiationSummary } from '../../../../shared/api/nodes.ts';
import type { Database } from '../../neo4j/database.ts';

const count = z.number();
/** negotiations/list: each negotiation with how much it holds. */
const negotiationRow = z.object({
  negotiation: z.looseObject({
    id: z.string(),
    label: z.string(),
    summary: z.string().nullable(),
    date: z.string(),
    place: z.string().nullable(),
    sides: z.array(z.string()),
    sideLabels: z.array(z.string()),
  }),
  counts: z.object({
    parties: count,
    people: count,
    issues: count,
    options: count,
    positions: count,
    statements: count,
    sources: count,
    events: count,
  }),
});

export function negotiationsRouter(db: Database): Router {
  const router = Router();
  router.get('/negotiations', async (_req, res) => {
    const rows = await db.rows('negotiations/list', negotiationRow);
    const negotiations: NegotiationSummary[] = rows.map((r) => ({ ...r.negotiation, counts: r.counts }));
    res.json({ negotiations });
  });
  return router;
}
