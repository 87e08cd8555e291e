/**
 * Security headers on every response (helmet), with a Content Security Policy that the explorer and
 * Swagger UI (/api/docs) work under. Every source is listed here with the reason it is needed; anything
 * not listed (other origins, inline scripts, eval, plugins, frames) is refused by the browser.
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

export const CONTENT_SECURITY_POLICY = {
  // Everything from this origin only, unless a directive below says otherwise.
  'default-src': ["'self'"],
  // The built client's modules and Swagger UI's bundle are files; no inline script, no eval.
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  // ForceAtlas2 runs in a web worker that graphology builds from a blob: URL of its own code.
  'worker-src': ["'self'", 'blob:'],
  // CodeMirror (style-mod) writes its theme into a <style> element and the panels set style attributes
  // (colours of parties and verdicts). Styles cannot run code; a nonce would need a page rendered per request.
  'style-src': ["'self'", "'unsafe-inline'"],
  // The favicon is a data: URL (client/index.html); Swagger UI's icons are inline SVG or data: URLs.
  'img-src': ["'self'", 'data:'],
  // fetch() of /api only.
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  // No site may frame the app (clickjacking).
  'frame-ancestors': ["'none'"],
};

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // The app speaks plain HTTP; HSTS belongs to the TLS proxy in front of it, which knows the domain.
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
