import { existsSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './http-errors.ts';
import { splitTarget } from './paths.ts';

// First path segments that belong to an API (ours or MLflow's): never answered with the SPA.
const RESERVED = new Set([
  'api',
  'ajax-api',
  'parallax',
  'get-artifact',
  'model-versions',
  'graphql',
  'version',
  'health',
  'healthz',
  'static-files',
]);

/**
 * Serves the built SPA from `dir` (hashed assets cached for a year, the rest revalidated) and
 * falls back to index.html for client-side routes. Without `dir` every unknown path is a JSON 404.
 */
export async function registerStatic(app: FastifyInstance, dir: string): Promise<void> {
  const serveFiles = existsSync(dir) && statSync(dir).isDirectory();
  const spaFallback = serveFiles && existsSync(join(dir, 'index.html'));
  if (serveFiles) {
    await app.register(fastifyStatic, {
      root: dir,
      cacheControl: false,
      etag: true,
      lastModified: true,
      setHeaders: (res, filePath) => {
        const inAssets = relative(dir, filePath).split(sep)[0] === 'assets';
        res.setHeader(
          'cache-control',
          inAssets && basename(filePath) !== 'index.html'
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const { path } = splitTarget(request.raw.url ?? '/');
    const first = path.split('/')[1] ?? '';
    const isPageRequest = request.method === 'GET' || request.method === 'HEAD';
    // A missing hashed asset is a stale deploy, not a client route: index.html would be parsed as JS.
    if (spaFallback && isPageRequest && !RESERVED.has(first) && first !== 'assets') {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(reply, 404, 'ENDPOINT_NOT_FOUND', `No route for ${request.method} ${path}.`);
  });
}
