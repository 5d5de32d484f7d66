/**
 * How the built console is served. Vite names every file under `assets/` by a hash of its content, so a
 * browser may keep those for a year without asking again; `index.html` names the current ones and must
 * be asked for every time. Each file is also shipped compressed (`.br`, `.gz`, written once by the
 * console's build), and sent so to a browser that accepts it, with no compression work per request.
 */
import type { FastifyStaticOptions } from '@fastify/static';

export const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
export const PAGE_CACHE = 'no-cache';

export function consoleStaticOptions(root: string): FastifyStaticOptions {
  return {
    root,
    wildcard: false,
    preCompressed: true,
    // Cache-Control is ours: per file, below, instead of the library's one max-age for all.
    cacheControl: false,
    setHeaders(res, path) {
      const hashed = /[\\/]assets[\\/]/.test(path);
      res.setHeader('cache-control', hashed ? HASHED_ASSET_CACHE : PAGE_CACHE);
    },
  };
}
