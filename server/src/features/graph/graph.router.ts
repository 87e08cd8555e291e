import { Router } from 'express';
import { z } from 'zod';
import { POSITION_KINDS } from '../../../../shared/vocabulary.ts';
import { listParameter, parseRequest, wholeNumber } from '../../middleware/validate.ts';
import { type GraphService, OPTIONAL_LABELS, type OptionalLabel } from './graph.service.ts';

const list = z.preprocess(listParameter, z.array(z.string()).optional());

/** `statements`, `Statement`, `people` … → the Neo4j label. */
const LABEL_NAMES: Record<string, OptionalLabel> = Object.fromEntries(
  OPTIONAL_LABELS.flatMap((label) => {
    const lower = label.toLowerCase();
    const plural = label === 'Person' ? 'people' : `${lower}s`;
    return [
      [lower, label],
      [plural, label],
    ];
  }),
);

const graphQuery = z.object({
  negotiation: z.string({ error: 'is required (the id of a negotiation, see GET /api/negotiations)' }).min(1),
  party: list,
  issue: list,
  side: list,
  kind: z.preprocess(
    listParameter,
    z.array(z.enum(POSITION_KINDS, { error: `must be among ${POSITION_KINDS.join(', ')}` })).optional(),
  ),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d), 'must be a real day')
    .optional(),
  include: z.preprocess(
    listParameter,
    z
      .array(
        z
          .string()
          .transform((name) => LABEL_NAMES[name.toLowerCase()] ?? name)
          .pipe(
            z.enum(OPTIONAL_LABELS, {
              error: `must be among ${Object.keys(LABEL_NAMES)
                .filter((n) => n.endsWith('s') || n === 'people')
                .join(', ')}`,
            }),
          ),
      )
      .optional(),
  ),
});

const depthQuery = z.object({ depth: wholeNumber(1, 3, 1) });

export function graphRouter(graph: GraphService): Router {
  const router = Router();

  router.get('/graph', async (req, res) => {
    const query = parseRequest(graphQuery, req.query);
    res.json(
      await graph.subgraph({
        negotiation: query.negotiation,
        parties: query.party,
        issues: query.issue,
        kinds: query.kind,
        sides: query.side,
        asOf: query.asOf,
        include: query.include ?? [],
      }),
    );
  });

  router.get('/nodes/:id/neighbourhood', async (req, res) => {
    const { depth } = parseRequest(depthQuery, req.query);
    res.json(await graph.neighbourhood(req.params.id, depth));
  });

  return router;
}
