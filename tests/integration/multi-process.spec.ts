import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  PHASES,
  uniqueKey,
} from '../factories';
import { CookieJar } from './support/cookies';
import { ME, REFRESH, SIGN_IN } from './support/operations';
import { CAST_VOTE } from './support/participation';
import { type LiveSubscription, subscribe, wsUrl } from './support/subscriptions';

// Two API processes as production runs them (`node dist/api/main.js`), on two ports, sharing
// PostgreSQL and Redis: what one process does is seen by the other (live events, rate limits,
// sessions), since no state that matters across requests lives in a process's memory.
const root = path.resolve(__dirname, '../..');
const main = path.join(root, 'dist/api/main.js');
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const SHUTDOWN_GRACE_MS = 500;

interface Api {
  url: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function start(port: number, env: Record<string, string>): Api {
  let output = '';
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { url: `http://127.0.0.1:${port}`, child, output: () => output, exited };
}

async function waitReady(api: Api): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(`${api.url}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (api.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the API on ${api.url} did not become ready:\n${api.output()}`);
}

interface Result<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** One GraphQL request over HTTP, with a cookie jar and client address like a browser's. */
async function gql<T>(
  api: Api,
  query: string,
  variables: Record<string, unknown> = {},
  options: { jar?: CookieJar; ip?: string } = {},
): Promise<Result<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const cookie = options.jar?.header();
  if (cookie) headers['cookie'] = cookie;
  if (options.ip) headers['x-forwarded-for'] = options.ip;
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  options.jar?.store(response.headers.getSetCookie());
  return (await response.json()) as Result<T>;
}

const newIp = () => `198.51.100.${randomInt(1, 255)}`;

describe('several API processes on one PostgreSQL and one Redis', () => {
  let a: Api;
  let b: Api;
  const live: LiveSubscription<unknown>[] = [];

  beforeAll(async () => {
    if (!existsSync(main)) {
      throw new Error(`${main} is missing: run \`npm run build\` first (npm test does).`);
    }
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: process.env['DATABASE_URL'] ?? '',
      REDIS_URL,
      // A prefix of its own: other runs sharing this Redis count and publish elsewhere.
      REDIS_KEY_PREFIX: `${uniqueKey('multi')}:`,
      JWT_SECRET: randomBytes(32).toString('base64url'),
      COOKIE_SECURE: 'false',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_FACTOR: '1',
      SHUTDOWN_GRACE_MS: String(SHUTDOWN_GRACE_MS),
      WEB_DIST_DIR: path.join(__dirname, 'no-web-app'),
    };
    const [portA, portB] = [await freePort(), await freePort()];
    a = start(portA, env);
    b = start(portB, env);
    await Promise.all([waitReady(a), waitReady(b)]);
  }, 60_000);

  afterAll(async () => {
    for (const api of [a, b]) if (api?.child.exitCode === null) api.child.kill('SIGKILL');
    await Promise.all(live.map((subscription) => subscription.close()));
    await closeFactories();
  });

  it('sends a subscriber on B the vote cast through A', async () => {
    const consultation = await createConsultation({ phases: PHASES.proposingClosed() });
    const author = await createUser();
    const { id } = await createProposal({ consultationId: consultation.id, authorId: author.id });
    const subscription = subscribe<{ proposalVotesChanged: { id: string; votesFor: number } }>(
      wsUrl(b.url),
      `subscription ($id: ID!) { proposalVotesChanged(proposalId: $id) { id votesFor } }`,
      { id },
    );
    live.push(subscription as LiveSubscription<unknown>);
    const voteOnA = async () => {
      const voter = await createUser();
      const jar = new CookieJar();
      const input = { email: voter.email, password: voter.password };
      expect((await gql(a, SIGN_IN, { input }, { jar, ip: newIp() })).errors).toBeUndefined();
      const voted = await gql(a, CAST_VOTE, { input: { proposalId: id, value: 'FOR' } }, { jar });
      expect(voted.errors).toBeUndefined();
    };
    const event = await subscription.untilLive(voteOnA);
    expect(event.errors).toBeUndefined();
    expect(event.data?.proposalVotesChanged.id).toBe(id);
    expect(event.data?.proposalVotesChanged.votesFor).toBeGreaterThanOrEqual(1);
  });

  it('holds on B a rate limit counted on A', async () => {
    // Ten failed sign-ins per e-mail per 15 minutes: stay inside one window.
    const windowMs = 15 * 60 * 1000;
    const left = windowMs - (Date.now() % windowMs);
    if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 500));
    const user = await createUser();
    const input = { email: user.email, password: 'not the password' };
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const failed = await gql(a, SIGN_IN, { input }, { ip: newIp() });
      expect(failed.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    }
    const onB = await gql(b, SIGN_IN, { input }, { ip: newIp() });
    expect(onB.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
  }, 60_000);

  it('keeps a session signed in on A working on B', async () => {
    const user = await createUser();
    const jar = new CookieJar();
    const input = { email: user.email, password: user.password };
    expect((await gql(a, SIGN_IN, { input }, { jar, ip: newIp() })).errors).toBeUndefined();

    const me = await gql<{ me: { id: string } }>(b, ME, {}, { jar });
    expect(me.errors).toBeUndefined();
    expect(me.data?.me.id).toBe(user.id);
    const refreshed = await gql<{ refreshSession: { user: { id: string } } }>(
      b,
      REFRESH,
      {},
      {
        jar,
      },
    );
    expect(refreshed.errors).toBeUndefined();
    expect(refreshed.data?.refreshSession.user.id).toBe(user.id);
    // The rotated refresh token, issued by B, works on A.
    const again = await gql<{ refreshSession: { user: { id: string } } }>(a, REFRESH, {}, { jar });
    expect(again.data?.refreshSession.user.id).toBe(user.id);
  });

  it('stops both processes on SIGTERM with code 0, closing open subscriptions with 1001', async () => {
    const subscription = subscribe(
      wsUrl(b.url),
      `subscription ($id: ID!) { proposalVotesChanged(proposalId: $id) { id } }`,
      {
        id: (
          await createProposal({
            consultationId: (await createConsultation()).id,
            authorId: (await createUser()).id,
          })
        ).id,
      },
    );
    live.push(subscription);
    // Let the connection open and the subscription start.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = Date.now();
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    expect((await subscription.ended).code).toBe(1001);
    // The grace period, then a prompt close: nothing keeps the processes alive.
    expect(Date.now() - started).toBeLessThan(SHUTDOWN_GRACE_MS + 5_000);
  }, 30_000);
});
