import { Router } from 'express';
import type { NodesService } from './nodes.service.ts';

export function nodesRouter(nodes: NodesService): Router {
  const router = Router();
  router.get('/nodes/:id', async (req, res) => {
    res.json(await nodes.node(req.params.id));
  });
  return router;
}
