import { Router } from 'express';
import { z } from 'zod';
import { parseRequest, wholeNumber } from '../../middleware/validate.ts';
import type { SearchService } from './search.service.ts';

const searchQuery = z.object({
  q: z
    .string({ error: 'is required: the words to search for' })
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters'),
  negotiation: z.string().min(1).optional(),
  limit: wholeNumber(1, 100, 20),
});

export function searchRouter(search: SearchService): Router {
  const router = Router();
  router.get('/search', async (req, res) => {
    const { q, negotiation, limit } = parseRequest(searchQuery, req.query);
    res.json({ query: q, results: await search.search(q, negotiation, limit) });
  });
  return router;
}
