/**
 * GET /overlaps?negotiation=…[&without=id,id]: every issue's verdict with its evidence, ranked
 * (docs/analysis.md). `without` sets positions aside for a what-if; it may also be repeated.
 */
import { Router } from 'express';
import { z } from 'zod';
import { listParameter, parseRequest } from '../../middleware/validate.ts';
import type { OverlapsService } from './overlaps.service.ts';

/** More would be a bulk export, not a what-if. */
export const MAX_WITHOUT = 200;

const overlapsQuery = z.object({
  negotiation: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'is required: the id of a negotiation, e.g. nato-russia-2022'
          : 'must be given once',
    })
    .trim()
    .min(1, 'is required: the id of a negotiation, e.g. nato-russia-2022'),
  without: z.preprocess(
    listParameter,
    z.array(z.string()).max(MAX_WITHOUT, `sets aside at most ${MAX_WITHOUT} positions`).default([]),
  ),
});

export function overlapsRouter(overlaps: OverlapsService): Router {
  const router = Router();
  router.get('/overlaps', async (req, res) => {
    const { negotiation, without } = parseRequest(overlapsQuery, req.query);
    res.json(await overlaps.analyse(negotiation, without));
  });
  return router;
}

// So that app.ts wires the feature with one import.
export { OverlapsService } from './overlaps.service.ts';
