import * as fs from 'node:fs';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import { Worker } from 'node:worker_threads';
import { type LoggerService } from '@nestjs/common';
import { type Request } from 'express';
import { ACCESS_COOKIE, REFRESH_COOKIE } from '../auth/auth-user';
import { GRAPHQL_PATH } from '../graphql/graphql-options';
import { type PublicReadCache } from '../graphql/public-read-cache';

/**
 * Pages rendered on the server for anonymous visitors, the ones a phone opens first and search
 * engines index: home, proposals list, proposal page.
 */
const SERVER_RENDERED_PATHS = [/^\/$/, /^\/propositions\/?$/, /^\/propositions\/[^/]+\/?$/];

/** What the web app's server entry (apps/web/src/entry-server.tsx) answers. */
export interface RenderedPage {
  /** The markup of `#root`. */
  html: string;
  /** The element to put after `#root` (the state the browser hydrates from). */
  stateScript: string;
  /** The page's `<title>` and description elements, which replace index.html's. */
  head?: string;
}

export interface ServerRendererOptions {
  /** The server bundle built by `vite build --ssr` (dist/web-ssr/entry-server.cjs). */
  entry: string;
  logger: LoggerService;
  /** A render taking longer is given up: the page is sent as the plain app. */
  timeoutMs?: number;
  /** Renders in progress beyond which pages are sent as the plain app at once (load shedding). */
  maxPending?: number;
}

/** Longest wait for the worker to load the bundle (once per process). */
const LOAD_TIMEOUT_MS = 30_000;
/** After a worker that could not load the bundle, the plain app is sent for this long. */
const RETRY_AFTER_FAILED_LOAD_MS = 60_000;

type WorkerAnswer =
  { ready: true } | { id: number; page: RenderedPage } | { id: number; error: string };

/**
 * The worker: loads the server bundle and renders pages. It runs off the API's event loop, so a
 * render (tens of milliseconds of React) never delays GraphQL answers; its queries come back to
 * the API over loopback HTTP, as an anonymous visitor's would.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { renderPage } = require(workerData.entry);
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id, url, graphqlUrl }) => {
  renderPage({ url, graphqlUrl, signal: AbortSignal.timeout(workerData.timeoutMs) }).then(
    (page) => parentPort.postMessage({ id, page }),
    (error) => parentPort.postMessage({ id, error: String((error && error.message) || error) }),
  );
});
`;

/**
 * Renders the first pages of anonymous visitors on the server (see SERVER_RENDERED_PATHS), in a
 * worker thread started on the first such request. Any failure, a timeout or too many renders at
 * once answer null: the caller then sends the plain app, which loads the page itself.
 */
export class ServerRenderer {
  private worker: Worker | null = null;
  /** Resolves true once the worker has loaded the bundle (false if it could not). */
  private ready: Promise<boolean> = Promise.resolve(false);
  /** Until when no worker is started again, after one that could not load the bundle. */
  private pausedUntil = 0;
  private nextId = 1;
  private readonly pending = new Map<number, (page: RenderedPage | null) => void>();
  private readonly timeoutMs: number;
  private readonly maxPending: number;

  constructor(private readonly options: ServerRendererOptions) {
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.maxPending = options.maxPending ?? 8;
  }

  /** Whether the request is one to render: a GET of a rendered page without a session cookie. */
  static wants(req: Request): boolean {
    const cookies = (req.cookies ?? {}) as Record<string, unknown>;
    return (
      (req.method === 'GET' || req.method === 'HEAD') &&
      SERVER_RENDERED_PATHS.some((pattern) => pattern.test(req.path)) &&
      cookies[ACCESS_COOKIE] === undefined &&
      cookies[REFRESH_COOKIE] === undefined
    );
  }

  async render(req: Request): Promise<RenderedPage | null> {
    if (this.pending.size >= this.maxPending || Date.now() < this.pausedUntil) return null;
    const worker = this.start();
    // The first request of a process waits for the bundle to load (once); the render's time
    // limit starts after it.
    if (!(await this.loaded()) || this.worker !== worker) return null;
    const id = this.nextId++;
    const address = req.socket.localAddress ?? '127.0.0.1';
    const host = address.includes(':') ? `[${address}]` : address;
    const graphqlUrl = `http://${host}:${req.socket.localPort}${GRAPHQL_PATH}`;
    return new Promise<RenderedPage | null>((resolve) => {
      // The worker gives up at timeoutMs too; this one also covers a worker that is stuck.
      const timer = setTimeout(() => this.settle(id, null), this.timeoutMs + 500);
      this.pending.set(id, (page) => {
        clearTimeout(timer);
        resolve(page);
      });
      worker.postMessage({ id, url: req.originalUrl, graphqlUrl });
    });
  }

  /** Whether the worker has loaded the bundle, waiting for it at most LOAD_TIMEOUT_MS. */
  private loaded(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), LOAD_TIMEOUT_MS);
    });
    return Promise.race([this.ready, late]).finally(() => clearTimeout(timer));
  }

  /** Stops the worker (the app is closing); renders in progress answer null. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    for (const id of [...this.pending.keys()]) this.settle(id, null);
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { entry: this.options.entry, timeoutMs: this.timeoutMs },
    });
    worker.unref();
    this.ready = new Promise<boolean>((resolve) => {
      worker.once('message', (answer: WorkerAnswer) => resolve('ready' in answer));
      worker.once('exit', () => {
        // A worker that stopped on its own (a bundle that cannot load, a crash) would likely
        // stop again: the plain app is sent for a while instead of starting one per request.
        if (this.worker === worker) this.pausedUntil = Date.now() + RETRY_AFTER_FAILED_LOAD_MS;
        resolve(false);
      });
    });
    worker.on('message', (answer: WorkerAnswer) => {
      if ('ready' in answer) return;
      if ('error' in answer) {
        this.options.logger.warn(`Page not rendered on the server: ${answer.error}`, 'WebApp');
      }
      this.settle(answer.id, 'page' in answer ? answer.page : null);
    });
    worker.on('error', (error) => {
      this.options.logger.error(`Server rendering stopped: ${error.message}`, 'WebApp');
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null; // the next request starts another
      for (const id of [...this.pending.keys()]) this.settle(id, null);
    });
    this.worker = worker;
    return worker;
  }

  private settle(id: number, page: RenderedPage | null): void {
    const resolve = this.pending.get(id);
    if (!resolve) return;
    this.pending.delete(id);
    resolve(page);
  }
}

/** The server renderer when the server bundle was built, else null (the app is sent as is). */
export function createServerRenderer(options: ServerRendererOptions): ServerRenderer | null {
  return fs.existsSync(options.entry) ? new ServerRenderer(options) : null;
}

/**
 * index.html with a rendered page in `#root`, its state after it and its head. The app's script then only
 * makes the page interactive: it is fetched at low priority, after the style sheet the first
 * paint needs (on a slow network the 160 kB script would otherwise share the line with it).
 */
export function withRenderedPage(index: string, page: RenderedPage): string {
  let html = index;
  if (page.head) {
    // The page's own title and description (a proposal's) instead of the site's.
    if (page.head.includes('name="description"')) {
      html = html.replace(/<meta\s+name="description"[^>]*>\s*/, '');
    }
    html = html.replace(/<title>[^<]*<\/title>/, () => page.head ?? '');
  }
  return html
    .replace('<script type="module" ', '<script type="module" fetchpriority="low" ')
    .replace('<div id="root"></div>', () => `<div id="root">${page.html}</div>${page.stateScript}`);
}

const brotli = promisify(zlib.brotliCompress);

/**
 * Rendered pages, kept in the public-read cache like the GraphQL answers they are made of: for its
 * time to live, and emptied with it by any write (so a new proposal is on the next list rendered).
 * Kept compressed (brotli, what browsers accept): about 11 kB a page instead of 90.
 */
export class RenderedPages {
  constructor(
    private readonly renderer: ServerRenderer,
    private readonly cache: PublicReadCache,
    private readonly index: string,
  ) {}

  /** The whole HTML of the page compressed with brotli, or null when it could not be rendered. */
  async page(req: Request): Promise<Buffer | null> {
    const key = `page|${req.originalUrl}`;
    const cached = this.cache.answer(key);
    if (cached) return cached.body;
    const generation = this.cache.generation;
    const page = await this.renderer.render(req);
    if (!page) return null;
    // Quality 5: most of the gain of 11 for a hundredth of its time on a 100 kB page; off the loop.
    const body = await brotli(Buffer.from(withRenderedPage(this.index, page)), {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 },
    });
    this.cache.keepAnswer(key, generation, { body, contentType: 'text/html; charset=utf-8' });
    return body;
  }
}
