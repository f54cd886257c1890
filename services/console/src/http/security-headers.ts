// Headers on every answer. Pages get a strict Content-Security-Policy: scripts and styles from the console
// itself only (no inline script, no inline style, no eval), plus the one inline import map, allowed by its
// hash; every other answer may not be rendered at all. Nothing is cached by anyone unless a route says so
// (the static assets, revalidated by ETag). HSTS only when the console is reached over TLS.
import type { FastifyInstance } from 'fastify';

export const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

export function pagePolicy(importMapHash: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' '${importMapHash}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function registerSecurityHeaders(app: FastifyInstance, { pageCsp, hstsMaxAgeSeconds }: { pageCsp: string; hstsMaxAgeSeconds?: number | undefined }): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    reply.header('content-security-policy', type.startsWith('text/html') ? pageCsp : API_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    if (hstsMaxAgeSeconds !== undefined) reply.header('strict-transport-security', `max-age=${hstsMaxAgeSeconds}; includeSubDomains`);
    return payload;
  });
}
