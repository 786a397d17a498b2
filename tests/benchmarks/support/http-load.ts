/**
 * One load scenario against the API with autocannon: GraphQL POSTs (bodies chosen per request),
 * exact latency percentiles from every response's own time (autocannon's histogram has no p95),
 * GraphQL errors (`"errors"` in a 200 answer) counted apart from HTTP failures.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';

/** Linux' USER_HZ: /proc reports CPU times in 1/100 s. */
const CLOCK_TICKS = 100;

export interface GraphqlRequest {
  body: string;
  /** e.g. `{ authorization: 'Bearer …' }` */
  headers?: Record<string, string>;
}

export interface LoadOptions {
  name: string;
  url: string;
  /** Called for every request: which body (and headers) to send. */
  next: () => GraphqlRequest;
  durationSeconds: number;
  connections: number;
  /** Requests per second over all connections; unset: as fast as the API answers. */
  rate?: number;
}

export interface LoadResult {
  name: string;
  requests: number;
  /** Answered requests per second over the run. */
  rps: number;
  /** The requested rate, if any. */
  rate?: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** HTTP errors, timeouts and non-2xx answers. */
  failures: number;
  /** 2xx answers carrying GraphQL `errors`. */
  graphqlErrors: number;
  /** The first error body seen, to tell what went wrong. */
  firstError?: string;
  /** Answers the API served from its public-read cache (`X-Passerelle-Cache: HIT`). */
  cacheHits: number;
  /** CPU time of the API process per answered request (user + system), when measured. */
  apiCpuMs?: number;
}

/** Exact percentile (nearest rank) of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Raw header names keep their case in autocannon's callback. */
function isCacheHit(headers: unknown): boolean {
  if (typeof headers !== 'object' || headers === null) return false;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'x-passerelle-cache') return value === 'HIT';
  }
  return false;
}

/**
 * How fixed-rate runs send: `paced` (default) sends one request every 1/rate s; `burst`
 * (BENCH_PACING=burst) is autocannon's `overallRate`, which lets each connection send its share of
 * a second as fast as it can when the second starts: the whole second's load arrives at once.
 */
export const PACING: 'paced' | 'burst' =
  process.env['BENCH_PACING'] === 'burst' ? 'burst' : 'paced';

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (options.rate && PACING === 'paced') return runPaced({ ...options, rate: options.rate });
  return runAutocannon(options);
}

/**
 * A fixed rate, open loop: request i is due at start + i / rate, whatever the answers before it;
 * at most `connections` are in flight (keep-alive sockets), later ones wait for a socket. Each
 * latency runs from the request's due time, so a queue (in this process or the API) shows in the
 * figures instead of slowing the load down (no coordinated omission).
 */
async function runPaced(options: LoadOptions & { rate: number }): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const times: number[] = [];
  let failures = 0;
  let graphqlErrors = 0;
  let cacheHits = 0;
  let firstError: string | undefined;
  let lastAnswer = 0;
  const interval = 1000 / options.rate;
  const total = Math.round(options.rate * options.durationSeconds);
  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const next = options.next();
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method: 'POST',
          agent,
          timeout: 30_000,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(next.body),
            ...next.headers,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            lastAnswer = performance.now();
            times.push(lastAnswer - due);
            if (isCacheHit(response.headers)) cacheHits++;
            const status = response.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString('utf8');
            if (status < 200 || status >= 300) {
              failures++;
              firstError ??= `HTTP ${status}: ${text.slice(0, 500)}`;
            } else if (text.includes('"errors"')) {
              graphqlErrors++;
              firstError ??= text.slice(0, 500);
            }
            resolve();
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout after 30 s')));
      request.on('error', (error) => {
        failures++;
        firstError ??= String(error);
        resolve();
      });
      request.end(next.body);
    });
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait >= 1) await sleep(wait);
    pending.push(send(due));
  }
  await Promise.all(pending);
  agent.destroy();
  times.sort((a, b) => a - b);
  // Answered per second until the last answer: a server that cannot keep up falls below the rate.
  const seconds = Math.max(options.durationSeconds, (lastAnswer - start) / 1000);
  return {
    name: options.name,
    requests: times.length,
    rps: times.length / seconds,
    rate: options.rate,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.at(-1) ?? Number.NaN,
    failures,
    graphqlErrors,
    firstError,
    cacheHits,
  };
}

async function runAutocannon(options: LoadOptions): Promise<LoadResult> {
  const times: number[] = [];
  let graphqlErrors = 0;
  let cacheHits = 0;
  let firstError: string | undefined;
  let finish: (error: unknown, result: autocannon.Result) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (error, result) => (error ? reject(error as Error) : resolve(result));
  });
  const instance = autocannon(
    {
      url: options.url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      connections: options.connections,
      duration: options.durationSeconds,
      ...(options.rate ? { overallRate: options.rate } : {}),
      timeout: 30,
      requests: [
        {
          setupRequest: (request) => {
            const next = options.next();
            return {
              ...request,
              body: next.body,
              headers: { 'content-type': 'application/json', ...next.headers },
            };
          },
          onResponse: (status, body, _context, headers) => {
            if (isCacheHit(headers)) cacheHits++;
            if (status >= 200 && status < 300 && body.includes('"errors"')) {
              graphqlErrors++;
              firstError ??= body.slice(0, 500);
            } else if (status >= 300) {
              firstError ??= `HTTP ${status}: ${body.slice(0, 500)}`;
            }
          },
        },
      ],
    },
    (error, result) => finish(error, result),
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await done;
  times.sort((a, b) => a - b);
  return {
    name: options.name,
    requests: times.length,
    rps: times.length / result.duration,
    rate: options.rate,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.at(-1) ?? Number.NaN,
    failures: result.errors + result.non2xx,
    graphqlErrors,
    firstError,
    cacheHits,
  };
}

const ms = (value: number) => (Number.isNaN(value) ? '—' : value.toFixed(1));

export const LOAD_HEADER =
  'scenario'.padEnd(58) +
  'rate'.padStart(6) +
  'req/s'.padStart(8) +
  'p50 ms'.padStart(9) +
  'p95 ms'.padStart(9) +
  'p99 ms'.padStart(9) +
  'max ms'.padStart(9) +
  'requests'.padStart(10) +
  'errors'.padStart(8) +
  'cached'.padStart(8) +
  'API CPU ms/req'.padStart(16);

export function formatLoad(result: LoadResult): string {
  return (
    result.name.padEnd(58) +
    (result.rate ? String(result.rate) : 'max').padStart(6) +
    result.rps.toFixed(1).padStart(8) +
    ms(result.p50).padStart(9) +
    ms(result.p95).padStart(9) +
    ms(result.p99).padStart(9) +
    ms(result.max).padStart(9) +
    String(result.requests).padStart(10) +
    String(result.failures + result.graphqlErrors).padStart(8) +
    `${result.requests ? Math.round((100 * result.cacheHits) / result.requests) : 0} %`.padStart(
      8,
    ) +
    (result.apiCpuMs === undefined ? '' : result.apiCpuMs.toFixed(1).padStart(16))
  );
}

/** CPU time (user + system) a process used so far, in ms, from /proc (Linux; NaN elsewhere). */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}
