import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import * as path from 'node:path';

// The built API (`node dist/api/main.js`) as production runs it, and a load of castVote requests
// against it, for the resilience tests. RESILIENCE_API_MAIN points at another build (e.g. a copy
// of dist/ while iterating); CI builds dist/ before the security suite.
const root = path.resolve(__dirname, '../../..');
export const API_MAIN = process.env['RESILIENCE_API_MAIN'] ?? path.join(root, 'dist/api/main.js');

export const JWT_SECRET = randomBytes(32).toString('base64url');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function startApi(port: number, databaseUrl: string): ApiProcess {
  let output = '';
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: root,
    env: {
      PATH: process.env['PATH'] ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      JWT_SECRET,
      COOKIE_SECURE: 'false',
      // The job queue runs as in production: its own pool must survive the outage too.
      JOBS_ENABLED: 'true',
      LOG_LEVEL: 'error',
      // The load is many votes from one address: keep the limits out of the way.
      RATE_LIMIT_FACTOR: '1000',
      SHUTDOWN_GRACE_MS: '200',
      WEB_DIST_DIR: path.join(__dirname, 'no-web-app'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { url: `http://127.0.0.1:${port}`, child, output: () => output, exited };
}

/** /health/ready's HTTP status, or 0 when nothing answers. */
export async function readyStatus(api: ApiProcess): Promise<number> {
  try {
    return (await fetch(`${api.url}/health/ready`, { signal: AbortSignal.timeout(10_000) })).status;
  } catch {
    return 0;
  }
}

export async function waitReady(api: ApiProcess): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if ((await readyStatus(api)) === 200) return;
    if (api.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the API on ${api.url} did not become ready:\n${api.output()}`);
}

const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { accessToken } }`;

/** Signs in through the API (a session like a client's); resolves with the access token. */
export async function signIn(api: ApiProcess, email: string, password: string): Promise<string> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SIGN_IN, variables: { input: { email, password } } }),
  });
  const body = (await response.json()) as {
    data?: { signIn?: { accessToken?: string } } | null;
    errors?: unknown;
  };
  const token = body.data?.signIn?.accessToken;
  if (!token) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(body.errors)}`);
  return token;
}

const CAST_VOTE = `mutation CastVote($input: CastVoteInput!) {
  castVote(input: $input) { id votesFor votesAgainst votesNeutral myVote }
}`;

export type VoteValue = 'FOR' | 'AGAINST' | 'NEUTRAL';

export interface VoteAttempt {
  userId: string;
  /** The participant's access token. */
  token: string;
  proposalId: string;
  value: VoteValue;
}

export type VoteOutcome =
  | { kind: 'acknowledged' }
  /** A GraphQL error: its extensions.code and reason. */
  | { kind: 'refused'; code: string; reason: string; message: string; status: number }
  /** No answer: the connection broke or the request hung past the bound. */
  | { kind: 'no-answer'; error: string };

/** Longest a request may take before the test counts it as hung. */
export const REQUEST_BOUND_MS = 20_000;

export async function castVote(api: ApiProcess, attempt: VoteAttempt): Promise<VoteOutcome> {
  try {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${attempt.token}`,
      },
      body: JSON.stringify({
        query: CAST_VOTE,
        variables: { input: { proposalId: attempt.proposalId, value: attempt.value } },
      }),
      signal: AbortSignal.timeout(REQUEST_BOUND_MS),
    });
    const body = (await response.json()) as {
      data?: { castVote?: { myVote?: string } } | null;
      errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
    };
    if (!body.errors?.length && body.data?.castVote?.myVote === attempt.value) {
      return { kind: 'acknowledged' };
    }
    const first = body.errors?.[0];
    return {
      kind: 'refused',
      code: String(first?.extensions?.code ?? 'NONE'),
      reason: String(first?.extensions?.reason ?? 'NONE'),
      message: first?.message ?? JSON.stringify(body),
      status: response.status,
    };
  } catch (error) {
    return { kind: 'no-answer', error: (error as Error).message };
  }
}

export interface LoadResult {
  attempt: VoteAttempt;
  outcome: VoteOutcome;
  /** Set by the load's caller: the phase the request was sent in (e.g. 'outage'). */
  phase: string;
}

/**
 * A steady load: `concurrency` workers take the attempts in order until none is left or
 * `stop()` is called. `phase()` labels each request when it is sent. With `retryRefused`, a
 * refused vote goes back to the end of the queue after a short pause, as a client would try
 * again later: the load goes on through an outage instead of running out of votes.
 */
export function runLoad(
  api: () => ApiProcess,
  attempts: VoteAttempt[],
  options: { concurrency: number; phase: () => string; pauseMs?: number; retryRefused?: boolean },
): { done: Promise<LoadResult[]>; stop: () => void; results: LoadResult[] } {
  const results: LoadResult[] = [];
  const queue = [...attempts];
  let stopped = false;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const worker = async () => {
    while (!stopped && queue.length > 0) {
      const attempt = queue.shift() as VoteAttempt;
      const phase = options.phase();
      const outcome = await castVote(api(), attempt);
      results.push({ attempt, outcome, phase });
      if (outcome.kind !== 'acknowledged' && options.retryRefused) {
        queue.push(attempt);
        await pause(200);
      } else if (options.pauseMs) {
        await pause(options.pauseMs);
      }
    }
  };
  const done = Promise.all(Array.from({ length: options.concurrency }, worker)).then(() => results);
  return { done, stop: () => (stopped = true), results };
}

export function acknowledgedCount(results: LoadResult[]): number {
  return results.filter((result) => result.outcome.kind === 'acknowledged').length;
}

export async function until(
  condition: () => boolean,
  what: string,
  options: { limitMs?: number; detail?: () => unknown } = {},
) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > (options.limitMs ?? 60_000)) {
      const detail = options.detail ? `: ${JSON.stringify(options.detail(), null, 1)}` : '';
      throw new Error(`gave up waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
