import { Router } from 'express';
import type { HealthService } from './health.service.ts';

export function healthRouter(health: HealthService): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const result = await health.check();
    res.status(result.status === 'ok' ? 200 : 503).json(result);
  });
  return router;
}
