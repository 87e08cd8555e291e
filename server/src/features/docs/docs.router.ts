/** The API's reference: the OpenAPI file as JSON, and an interactive page over it (Swagger UI). */
import { readFileSync } from 'node:fs';
import express, { Router } from 'express';
import swaggerUi from 'swagger-ui-dist';
import { parse } from 'yaml';

export const openApiFile = new URL('../../../openapi.yaml', import.meta.url);

export function openApiDocument(): Record<string, unknown> {
  return parse(readFileSync(openApiFile, 'utf8'));
}

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Common Ground API</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css" />
  </head>
  <body>
    <div id="reference"></div>
    <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
    <script src="/api/docs/init.js"></script>
  </body>
</html>
`;

// No validator badge: it would load an image from another site, which the Content Security Policy refuses.
const init = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#reference', deepLinking: true, validatorUrl: null });\n`;

export function docsRouter(): Router {
  const document = openApiDocument();
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.get('/docs', (_req, res) => {
    res.type('html').send(page);
  });
  router.get('/docs/init.js', (_req, res) => {
    res.type('js').send(init);
  });
  router.use('/docs/assets', express.static(swaggerUi.getAbsoluteFSPath(), { index: false }));
  return router;
}
