import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import { type LoggerService } from '@nestjs/common';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { type NextFunction, type Request, type Response } from 'express';
import { GRAPHQL_PATH } from '../graphql/graphql-options';
import { PublicReadCache } from '../graphql/public-read-cache';
import { createServerRenderer, RenderedPages, ServerRenderer } from './server-render';

const API_PATHS = [GRAPHQL_PATH, '/health', '/api/email', '/api/auth', '/api/me'];
const HAS_EXTENSION = /\.[a-z0-9]+$/i;
const ASSETS_PREFIX = '/assets/';
/** The build writes `.br` and `.gz` next to scripts, style sheets and images (vite.config.mts). */
const ENCODINGS = [
  { name: 'br', extension: '.br' },
  { name: 'gzip', extension: '.gz' },
] as const;
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

function isApiPath(urlPath: string): boolean {
  return API_PATHS.some((prefix) => urlPath === prefix || urlPath.startsWith(`${prefix}/`));
}

/** Names of the precompressed files under `assets/` (e.g. `assets/index-abc.js.br`), read once. */
function precompressedFiles(dir: string): Set<string> {
  const assets = path.join(dir, 'assets');
  if (!fs.existsSync(assets)) return new Set();
  return new Set(
    fs
      .readdirSync(assets)
      .filter((name) => ENCODINGS.some((encoding) => name.endsWith(encoding.extension)))
      .map((name) => `${ASSETS_PREFIX}${name}`),
  );
}

/** Whether the client accepts an encoding (`Accept-Encoding: gzip, br;q=1`), not refused with q=0. */
export function acceptsEncoding(header: string | undefined, encoding: string): boolean {
  return (header ?? '').split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    if (name?.trim().toLowerCase() !== encoding) return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * Answers `/assets/x.js` with `x.js.br` (or `.gz`) when the client accepts it and the build wrote
 * it: fingerprinted files compressed once at the highest level, never on each request.
 */
function servePrecompressed(dir: string) {
  const available = precompressedFiles(dir);
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.startsWith(ASSETS_PREFIX)) {
      return next();
    }
    const contentType = CONTENT_TYPES[path.extname(req.path)];
    if (!contentType) return next();
    res.vary('Accept-Encoding');
    const header = req.headers['accept-encoding'];
    const encoding = ENCODINGS.find(
      (e) => available.has(req.path + e.extension) && acceptsEncoding(header, e.name),
    );
    if (encoding) {
      res.setHeader('Content-Type', contentType);
      res.setHeader('Content-Encoding', encoding.name);
      req.url = req.path + encoding.extension;
    }
    next();
  };
}

const unbrotli = promisify(zlib.brotliDecompress);
const gzip = promisify(zlib.gzip);

/** A rendered page (kept brotli-compressed) in an encoding the client accepts. */
async function sendRenderedPage(req: Request, res: Response, page: Buffer): Promise<void> {
  res.vary('Accept-Encoding');
  res.type('html');
  const header = req.headers['accept-encoding'];
  if (acceptsEncoding(header, 'br')) {
    res.setHeader('Content-Encoding', 'br');
    res.send(page);
    return;
  }
  const html = await unbrotli(page);
  if (acceptsEncoding(header, 'gzip')) {
    res.setHeader('Content-Encoding', 'gzip');
    res.send(await gzip(html));
  } else {
    res.send(html);
  }
}

export interface ServeWebAppOptions {
  /** Render the first pages of anonymous visitors on the server (server-render.ts). */
  serverRendering?: boolean;
  /** A render taking longer is given up (server-render.ts). */
  serverRenderingTimeoutMs?: number;
}

/**
 * Serves the built web app from `dir` with a fallback to index.html for client-side routes.
 * API paths and missing files (anything with an extension) are left to the API, which answers
 * 404. Fingerprinted assets are cached for a year and sent precompressed (brotli or gzip) when the
 * client accepts it. An anonymous visitor's first page (home, proposals list, proposal page) comes
 * rendered by the server bundle next to `dir` (`../web-ssr`), when it was built. Without a built
 * app the API runs alone.
 */
export function serveWebApp(
  app: NestExpressApplication,
  dir: string,
  logger: LoggerService,
  options: ServeWebAppOptions = {},
): boolean {
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) {
    logger.warn(`No built web app in ${dir}: serving the API only`, 'WebApp');
    return false;
  }
  app.use(servePrecompressed(dir));
  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (res, filePath) => {
      // Vite fingerprints everything under assets/, so it can be cached for good.
      const immutable = filePath.startsWith(path.join(dir, 'assets') + path.sep);
      res.setHeader(
        'Cache-Control',
        immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const renderer =
    options.serverRendering === false
      ? null
      : createServerRenderer({
          entry: path.join(dir, '../web-ssr/entry-server.cjs'),
          logger,
          timeoutMs: options.serverRenderingTimeoutMs,
        });
  if (renderer) app.getHttpServer().on('close', () => void renderer.close());
  const pages = renderer
    ? new RenderedPages(renderer, app.get(PublicReadCache), fs.readFileSync(index, 'utf8'))
    : null;
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      isApiPath(req.path) ||
      HAS_EXTENSION.test(req.path)
    ) {
      return next();
    }
    res.setHeader('Cache-Control', 'no-cache');
    const sendIndex = () => res.sendFile(index, (err) => err && next(err));
    if (!pages || !ServerRenderer.wants(req)) return sendIndex();
    // The same address answers a visitor (rendered) and a signed-in member (the plain app).
    res.vary('Cookie');
    void pages
      .page(req)
      .then((page) => (page ? sendRenderedPage(req, res, page) : sendIndex()))
      .catch(next);
  });
  logger.log(
    `Serving the web app from ${dir}${renderer ? ', first pages rendered on the server' : ''}`,
    'WebApp',
  );
  return true;
}
