// A graphql-ws client for the subscription specs: collects what a subscription receives and
// lets a test wait for the next event, or check that nothing came.
import { type Client, createClient, type FormattedExecutionResult } from 'graphql-ws';

type ExecutionResult<T> = FormattedExecutionResult<T, unknown>;
import WebSocket from 'ws';

export interface LiveOptions {
  /** Sent as connectionParams.authorization = "Bearer <token>". */
  token?: string;
  /** Sent as the Cookie header of the WebSocket upgrade (like a browser). */
  cookie?: string;
  /** Sent as the Origin header of the upgrade. */
  origin?: string;
}

export interface LiveSubscription<T> {
  /** The next result (data or errors), failing after `timeoutMs`. */
  next(timeoutMs?: number): Promise<ExecutionResult<T>>;
  /** Resolves with what arrived during `ms` (expected: nothing). */
  received(ms: number): Promise<ExecutionResult<T>[]>;
  /** Resolves once the server completed the operation or closed the connection. */
  ended: Promise<{ code?: number; error?: unknown }>;
  /** Keeps asking `probe` to cause an event until one arrives: the subscription is then live. */
  untilLive(
    probe: () => Promise<unknown>,
    attemptMs?: number,
    timeoutMs?: number,
  ): Promise<ExecutionResult<T>>;
  close(): Promise<void>;
}

/** The WebSocket URL of /graphql on an HTTP base URL or a port. */
export function wsUrl(base: string | number): string {
  const http = typeof base === 'number' ? `http://127.0.0.1:${base}` : base;
  return `${http.replace(/^http/, 'ws')}/graphql`;
}

/** The port an in-process test app listens on. */
export function portOf(server: { address(): unknown }): number {
  return (server.address() as { port: number }).port;
}

function webSocketWith(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
}

/** Opens a connection and one subscription on it. */
export function subscribe<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: LiveOptions = {},
): LiveSubscription<T> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers['Cookie'] = options.cookie;
  if (options.origin) headers['Origin'] = options.origin;
  const results: ExecutionResult<T>[] = [];
  const waiters: ((result: ExecutionResult<T>) => void)[] = [];
  let resolveEnded: (value: { code?: number; error?: unknown }) => void = () => undefined;
  const ended = new Promise<{ code?: number; error?: unknown }>((resolve) => {
    resolveEnded = resolve;
  });
  const client: Client = createClient({
    url,
    webSocketImpl: webSocketWith(headers),
    connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : undefined,
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (event) => resolveEnded({ code: (event as { code?: number }).code }),
    },
  });
  client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        const waiter = waiters.shift();
        if (waiter) waiter(result);
        else results.push(result);
      },
      error: (error) => {
        const code = (error as { code?: number }).code;
        const result = { errors: Array.isArray(error) ? error : [] } as ExecutionResult<T>;
        const waiter = waiters.shift();
        if (waiter && Array.isArray(error)) waiter(result);
        else if (Array.isArray(error)) results.push(result);
        resolveEnded({ code, error });
      },
      complete: () => resolveEnded({}),
    },
  );

  const next = (timeoutMs = 10_000) =>
    new Promise<ExecutionResult<T>>((resolve, reject) => {
      const queued = results.shift();
      if (queued) return resolve(queued);
      const timer = setTimeout(() => {
        const index = waiters.indexOf(waiter);
        if (index >= 0) waiters.splice(index, 1);
        reject(new Error(`no event within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (result: ExecutionResult<T>) => {
        clearTimeout(timer);
        resolve(result);
      };
      waiters.push(waiter);
    });

  return {
    next,
    ended,
    async received(ms) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return results.splice(0);
    },
    async untilLive(probe, attemptMs = 500, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await probe();
        try {
          const first = await next(attemptMs);
          // Events of earlier probes may still come: drop them, so later checks start clean.
          await new Promise((resolve) => setTimeout(resolve, 300));
          results.splice(0);
          return first;
        } catch (error) {
          if (Date.now() > deadline) throw error;
        }
      }
    },
    async close() {
      await client.dispose();
    },
  };
}
