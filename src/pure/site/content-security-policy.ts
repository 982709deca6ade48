/**
 * The Content-Security-Policy every page declares in a meta tag: the site loads nothing from any
 * other origin. The site's scripts are files of its own (astro.config.mjs keeps Vite from inlining
 * them), so 'self' covers them and one policy, written once here, fits every page — no per-page
 * hashes of inline scripts to compute in each build; no WebAssembly (the search is plain
 * JavaScript). Diagrams and bar charts carry inline styles (mermaid's SVG <style>, a bar's width).
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');
