import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';

// The built server as production runs it (`node dist/api/main.js`): configuration checked at
// boot, JSON logs with request ids, and a graceful stop on SIGTERM. `npm test` builds first.
const root = path.resolve(__dirname, '../..');
const main = path.join(root, 'dist/api/main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Server {
  let output = '';
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: process.env.DATABASE_URL ?? '',
      NODE_ENV: 'test',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${env.PORT}`, output: () => output, exited };
}

async function waitReady(server: Server): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(`${server.url}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the API did not become ready:\n${server.output()}`);
}

const listQuery = JSON.stringify({
  query: '{ proposals(first: 50) { totalCount edges { node { id title } } } }',
});

describe('the built API process', () => {
  beforeAll(() => {
    if (!existsSync(main))
      throw new Error(`${main} is missing: run \`npm run build\` first (npm test does).`);
  });

  it('refuses to boot with a bad setting and names the variable', async () => {
    const server = startServer({ PORT: 'abc' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/PORT/);
    expect(server.output()).toMatch(/abc/);
  });

  it('logs JSON lines carrying the request id', async () => {
    const port = await freePort();
    const server = startServer({ PORT: String(port), LOG_LEVEL: 'info' });
    try {
      await waitReady(server);
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'trace-lifecycle-42' },
        body: listQuery,
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const lines = server
        .output()
        .split('\n')
        .filter((line) => line.includes('trace-lifecycle-42'));
      expect(lines.length).toBeGreaterThan(0);
      expect(() => JSON.parse(lines[0])).not.toThrow();
    } finally {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  });

  it('turns not-ready on SIGTERM, answers requests already sent, then exits with code 0', async () => {
    const port = await freePort();
    const server = startServer({
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SHUTDOWN_GRACE_MS: '1500',
    });
    await waitReady(server);
    const inFlight = Array.from({ length: 20 }, () =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: listQuery,
      }),
    );
    // Let the connections open, then ask the process to stop while they are being answered.
    await new Promise((resolve) => setTimeout(resolve, 20));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fetch(`${server.url}/health/ready`)).status).toBe(503);
    const responses = await Promise.all(inFlight);
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 200));
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as {
      errors?: unknown;
    }[];
    expect(bodies.every((body) => body.errors === undefined)).toBe(true);
    expect(await server.exited).toBe(0);
    await expect(fetch(`${server.url}/health/live`)).rejects.toThrow();
  });
});
