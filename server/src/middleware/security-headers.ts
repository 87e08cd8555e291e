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
  // CodeMirror injects <style> elements and the panels and Swagger UI set style attributes; styles
  // cannot run code, and without a nonce in every one of those libraries there is no stricter choice.
  'style-src': ["'self'", "'unsafe-inline'"],
  // The favicon and Swagger UI's icons are data: URLs; the PNG export draws into a canvas it reads as blob:.
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
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
