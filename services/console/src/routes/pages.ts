// The console's pages and assets. `/` is the app (a single page; its views are addressed by the URL
// fragment, so no personal ID typed into a record view ever reaches a server log or a Referer), `/login`
// the login page. The login page and its assets (/assets/public/) are public; the app, its scripts and
// styles (/assets/app/, /assets/vendor/) are served only to a logged-in operator.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Errors } from '@lgsp/runtime';
import { optionalOperatorOf } from '../http/access-hook.ts';
import type { Asset, ConsoleAssets } from '../http/static-assets.ts';

const hidden = { hide: true } as const;

function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: Asset, cacheControl: string): FastifyReply {
  reply.header('etag', asset.etag).header('cache-control', cacheControl).type(asset.contentType);
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  return reply.send(asset.body);
}

export function pageRoutes(assets: ConsoleAssets): FastifyPluginAsync {
  const assetRoute = (prefix: string) => async (request: FastifyRequest<{ Params: { '*': string } }>, reply: FastifyReply) => {
    const asset = assets.files.get(`${prefix}${request.params['*']}`);
    if (!asset) throw Errors.NotFound({ detail: `No asset ${prefix}${request.params['*']}` });
    // Revalidated on every use: a new console version is seen at once, and an unchanged file costs a 304.
    return sendAsset(request, reply, asset, prefix === '/assets/public/' ? 'no-cache' : 'private, no-cache');
  };

  return async (app) => {
    app.get('/', { schema: hidden, config: { page: true } }, async (request, reply) => sendAsset(request, reply, assets.appPage, 'no-store'));
    app.get('/login', { schema: hidden, config: { page: true, access: 'public' } }, async (request, reply) => {
      if (optionalOperatorOf(request)) return reply.code(303).header('location', '/').header('cache-control', 'no-store').send();
      return sendAsset(request, reply, assets.loginPage, 'no-store');
    });
    app.get('/assets/public/*', { schema: hidden, config: { access: 'public' } }, assetRoute('/assets/public/'));
    app.get('/assets/app/*', { schema: hidden }, assetRoute('/assets/app/'));
    app.get('/assets/vendor/*', { schema: hidden }, assetRoute('/assets/vendor/'));
  };
}
