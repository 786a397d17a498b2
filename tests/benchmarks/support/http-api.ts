/**
 * The built API (`node <dist>/api/main.js`) in production mode, as a child process on a free port,
 * for the HTTP benchmark. It is preloaded with tests/benchmarks/http/capture-sql.cjs so the harness
 * can record the SQL statements one request costs (see `captureSql`).
 *
 * - BENCH_API_ENTRY: another entry to start instead of `<dist>/api/main.js` (a built JavaScript
 *   file, e.g. the Fastify bootstrap of tests/benchmarks/http/fastify/main.ts); it receives
 *   `BENCH_API_DIR=<dist>/api`, the build it loads the API's modules from.
 * - BENCH_API_METER: a file; the API records its CPU time and request counts there
 *   (tests/benchmarks/http/fastify/request-meter.cjs).
 * - ANONYMOUS_CACHE_TTL_MS, when set, is passed on to the API (0 turns its anonymous-read cache off).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
const CAPTURE_HOOK = path.join(ROOT, 'tests/benchmarks/http/capture-sql.cjs');
const REQUEST_METER = path.join(ROOT, 'tests/benchmarks/http/fastify/request-meter.cjs');

export interface CapturedStatement {
  text: string;
  values: unknown[] | undefined;
}

export interface RunningApi {
  /** `http://127.0.0.1:<port>/graphql` */
  graphqlUrl: string;
  pid: number;
  /** Records the SQL statements node-postgres sends while `during` runs (nothing else should). */
  captureSql(during: () => Promise<unknown>): Promise<CapturedStatement[]>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** `<distDir>/api/main.js`, built first (under the shared build lock) when it is missing. */
export function ensureBuilt(distDir: string): string {
  const main = path.join(distDir, 'api/main.js');
  if (!existsSync(main)) {
    if (path.resolve(distDir) !== path.join(ROOT, 'dist')) {
      throw new Error(`${main} is missing (BENCH_API_DIST points at a folder without a build)`);
    }
    console.log('dist/api/main.js is missing: building (npm run build)…');
    execFileSync('flock', ['/tmp/passerelle-build.lock', 'npm', 'run', 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  return main;
}

export interface StartApiOptions {
  distDir: string;
  databaseUrl: string;
  /** Extra or overriding environment variables. */
  env?: Record<string, string>;
  /** Extra Node.js flags (e.g. `--cpu-prof`). */
  nodeOptions?: string[];
}

export async function startApi(options: StartApiOptions): Promise<RunningApi> {
  const built = ensureBuilt(options.distDir);
  const entry = process.env['BENCH_API_ENTRY'];
  const main = entry ? path.resolve(ROOT, entry) : built;
  if (!existsSync(main)) throw new Error(`BENCH_API_ENTRY: ${main} is missing`);
  if (entry) console.log(`API entry: ${path.relative(ROOT, main)} (BENCH_API_ENTRY)`);
  const meter = process.env['BENCH_API_METER'];
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(options.nodeOptions ?? []),
      '--require',
      CAPTURE_HOOK,
      ...(meter ? ['--require', REQUEST_METER] : []),
      main,
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '',
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: options.databaseUrl,
        JWT_SECRET: randomBytes(32).toString('hex'),
        // The load comes from one address and a few accounts: rate limits would only measure refusals.
        RATE_LIMIT_FACTOR: '1000000',
        // The load tool talks to the API directly: no proxy may set X-Forwarded-For.
        TRUST_PROXY: 'false',
        // Background jobs off: an opinion-groups run after the votes would compete with the load
        // (npm run bench:opinion-job measures that job on its own).
        JOBS_ENABLED: 'false',
        LOG_LEVEL: 'warn',
        SHUTDOWN_GRACE_MS: '0',
        ...(entry ? { BENCH_API_DIR: path.dirname(built) } : {}),
        ...(meter ? { BENCH_API_METER: path.resolve(ROOT, meter) } : {}),
        // Set in the harness' environment to compare without the anonymous-read cache (0: off).
        ...(process.env['ANONYMOUS_CACHE_TTL_MS'] !== undefined
          ? { ANONYMOUS_CACHE_TTL_MS: process.env['ANONYMOUS_CACHE_TTL_MS'] }
          : {}),
        ...options.env,
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const graphqlUrl = `http://127.0.0.1:${port}/graphql`;
  await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, child);

  return {
    graphqlUrl,
    pid: child.pid ?? 0,
    async captureSql(during) {
      const reply = <T>(key: string) =>
        new Promise<T>((resolve) => {
          const onMessage = (message: unknown) => {
            const value = (message as Record<string, unknown> | null)?.[key];
            if (value === undefined) return;
            child.off('message', onMessage);
            resolve(value as T);
          };
          child.on('message', onMessage);
        });
      const started = reply<true>('captureSqlStarted');
      child.send({ captureSql: 'start' });
      await started;
      const statements = reply<CapturedStatement[]>('capturedSql');
      try {
        await during();
      } finally {
        child.send({ captureSql: 'stop' });
      }
      return statements;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited (code ${child.exitCode})`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`the API was not ready within ${timeoutMs / 1000} s`);
}
