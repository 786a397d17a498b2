import * as fs from 'node:fs';
import * as path from 'node:path';
import { type LoggerService } from '@nestjs/common';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { type NextFunction, type Request, type Response } from 'express';
import { GRAPHQL_PATH } from '../graphql/graphql-options';

const API_PATHS = [GRAPHQL_PATH, '/health', '/api/email', '/api/auth', '/api/me'];
const HAS_EXTENSION = /\.[a-z0-9]+$/i;

function isApiPath(urlPath: string): boolean {
  return API_PATHS.some((prefix) => urlPath === prefix || urlPath.startsWith(`${prefix}/`));
}

/**
 * Serves the built web app from `dir` with a fallback to index.html for client-side routes.
 * API paths and missing files (anything with an extension) are left to the API, which answers
 * 404. Without a built app the API runs alone.
 */
export function serveWebApp(
  app: NestExpressApplication,
  dir: string,
  logger: LoggerService,
): boolean {
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) {
    logger.warn(`No built web app in ${dir}: serving the API only`, 'WebApp');
    return false;
  }
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
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      isApiPath(req.path) ||
      HAS_EXTENSION.test(req.path)
    ) {
      return next();
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, (err) => err && next(err));
  });
  logger.log(`Serving the web app from ${dir}`, 'WebApp');
  return true;
}
