// Headers every answer of the citizen API carries. Responses hold personal data, so nothing may be kept
// by a shared cache and nothing is ever rendered by a browser. A record keeps `private, no-cache`, set by
// its route: the portal may keep its copy but must revalidate it (ETag) before each use; everything else
// is `no-store`. HSTS only when configured, i.e. when the API is reached over TLS.
import type { FastifyInstance } from 'fastify';

export function registerSecurityHeaders(app: FastifyInstance, { hstsMaxAgeSeconds }: { hstsMaxAgeSeconds?: number | undefined }): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-resource-policy', 'same-origin');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    if (hstsMaxAgeSeconds !== undefined) reply.header('strict-transport-security', `max-age=${hstsMaxAgeSeconds}; includeSubDomains`);
    return payload;
  });
}
