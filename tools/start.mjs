#!/usr/bin/env node
// Zero-config start of the built application (run `npm run build` first).
//   node tools/start.mjs                 embedded PostgreSQL in .data/pg, or the DATABASE_URL server
//   node tools/start.mjs --port 4000     PORT override
//   node tools/start.mjs --ephemeral     a throw-away database with demo data, deleted on exit (browser tests)
//   node tools/start.mjs --watch         development: recompile the domain and the API on change and
//                                        restart the API; the web app with hot reload on port 4200
// Steps: validate the configuration, start/reach PostgreSQL, apply migrations, seed reference data
// (and demo data unless DEMO_DATA=false; off by default in production), start dist/api/main.js,
// wait for /health/ready. Ctrl-C or SIGTERM stops the API first, then PostgreSQL.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  DEFAULT_EMBEDDED_PORT,
  ROOT,
  createDatabase,
  findFreePort,
  migrate,
  provisionEphemeralDatabase,
  seed,
  seedNeeded,
  startEmbeddedPostgres,
  stopActiveCommands,
} from './lib/database.mjs';

const require = createRequire(import.meta.url);
const startedAt = performance.now();
const seconds = (from = startedAt) => `${((performance.now() - from) / 1000).toFixed(1)} s`;

const API_MAIN = path.join(ROOT, 'dist/api/main.js');
const CONFIG_SCHEMA = path.join(ROOT, 'dist/api/config/config.schema.js');
const EMBEDDED_DATA_DIR = path.join(ROOT, '.data/pg');
const EMBEDDED_DATABASE = 'passerelle';
const READY_TIMEOUT_MS = 120_000;
const API_STOP_TIMEOUT_MS = 20_000;

const step = (message) => console.log(`  ✓ ${message}`);

/** Stops before anything was started: no cleanup needed. */
function fail(message, code = 1) {
  console.error(`\n✗ ${message}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const usage = 'Usage: node tools/start.mjs [--port N] [--ephemeral] [--watch]';
  const options = { ephemeral: false, watch: false, port: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--ephemeral') options.ephemeral = true;
    else if (arg === '--watch') options.watch = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? argv[(i += 1)] : arg.slice('--port='.length);
      if (value === undefined) fail(`--port needs a value\n${usage}`, 2);
      options.port = value;
    } else if (arg === '--help' || arg === '-h') {
      console.log(usage);
      process.exit(0);
    } else fail(`Unknown argument: ${arg}\n${usage}`, 2);
  }
  return options;
}

function parseBoolean(name, raw, fallback) {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(value)) return true;
  if (['false', '0', 'no'].includes(value)) return false;
  fail(`Invalid configuration: ${name} must be true or false (got "${raw}")`);
}

function redact(url) {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

// 1. Configuration, validated by the API's own parser before any database starts.
const args = parseArgs(process.argv.slice(2));
const env = { ...process.env };
if (args.port !== undefined) env.PORT = args.port;
if (!existsSync(API_MAIN) || !existsSync(CONFIG_SCHEMA)) {
  fail(
    'The application is not built yet: run `npm run build` first (dist/api/main.js is missing).',
  );
}
let config;
try {
  const { parseConfig } = require(CONFIG_SCHEMA);
  config = parseConfig({
    ...env,
    DATABASE_URL: env.DATABASE_URL || 'postgresql://placeholder@127.0.0.1:5432/placeholder',
  });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const demoData =
  args.ephemeral || parseBoolean('DEMO_DATA', env.DEMO_DATA, config.nodeEnv !== 'production');
const port = config.port;
if ((await findFreePort(port)) !== port) {
  fail(
    `Port ${port} is already in use: stop the other server, or choose another port (PORT=4000 or --port 4000).`,
  );
}

console.log(`\nStarting Passerelle (${config.nodeEnv}${demoData ? ', demo data' : ''})`);

// 2. Shutdown: API first, then PostgreSQL; a second Ctrl-C kills the API at once.
let embedded;
let ephemeral;
let api;
/** Development watchers (--watch), each in its own process group. */
const watchers = [];
let shuttingDown = false;
/** Exit code once the API has stopped after a shutdown: 0 when asked by the user, 1 after a failure. */
let stopCode = 0;
let finishing;

function finish(code) {
  finishing ??= (async () => {
    stopActiveCommands();
    for (const watcher of watchers) {
      try {
        process.kill(-watcher.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    try {
      await embedded?.stop();
      await ephemeral?.dispose();
    } catch (error) {
      console.error(`Could not stop PostgreSQL cleanly: ${error.message}`);
      code ||= 1;
    }
    process.exit(code);
  })();
  return finishing;
}

function requestStop(signal) {
  if (shuttingDown) {
    if (api && api.exitCode === null && api.signalCode === null) api.kill('SIGKILL');
    return;
  }
  shuttingDown = true;
  console.log('\nStopping Passerelle…');
  if (api && api.exitCode === null && api.signalCode === null) {
    api.kill(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
    setTimeout(() => api.kill('SIGKILL'), API_STOP_TIMEOUT_MS).unref();
  } else {
    void finish(0);
  }
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => requestStop(signal));

function watchPostgres(child) {
  child?.once('exit', () => {
    // A Ctrl-C typed in the terminal reaches PostgreSQL too: give our own handler the chance to run first.
    setTimeout(() => {
      if (shuttingDown) return;
      console.error('\n✗ PostgreSQL stopped unexpectedly; stopping Passerelle.');
      shuttingDown = true;
      stopCode = 1;
      if (api && api.exitCode === null && api.signalCode === null) api.kill('SIGTERM');
      else void finish(1);
    }, 500);
  });
}

async function waitUntilReady(url) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!api || api.exitCode !== null || api.signalCode !== null || shuttingDown) return false;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

function printDemoAccounts() {
  const { password, accounts } = JSON.parse(
    readFileSync(path.join(ROOT, 'prisma/seeds/demo-meta.json'), 'utf8'),
  );
  const rows = [
    ['role', 'e-mail', 'password'],
    ...accounts.map((a) => [a.role.toLowerCase(), a.email, password]),
  ];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)));
  console.log('\n  Demo accounts:');
  for (const row of rows)
    console.log(`    ${row[0].padEnd(widths[0])}   ${row[1].padEnd(widths[1])}   ${row[2]}`);
}

/** --watch: TypeScript recompiles the domain and the API on change; Vite serves the web app. */
function startWatchers(apiPort) {
  const bin = (relative) => path.join(ROOT, 'node_modules', relative);
  const tsc = bin('typescript/bin/tsc');
  const commands = [
    [tsc, '-w', '--preserveWatchOutput', '-p', 'libs/domain/tsconfig.lib.json'],
    [tsc, '-w', '--preserveWatchOutput', '-p', 'apps/api/tsconfig.app.json'],
    [bin('vite/bin/vite.js'), '--config', 'apps/web/vite.config.mts'],
  ];
  for (const command of commands) {
    watchers.push(
      spawn(process.execPath, command, {
        cwd: ROOT,
        env: { ...env, API_URL: `http://localhost:${apiPort}` },
        stdio: 'inherit',
        detached: true,
      }),
    );
  }
}

// 3. Database, migrations, seeds; then the API.
try {
  let databaseUrl;
  let t = performance.now();
  if (args.ephemeral) {
    ephemeral = await provisionEphemeralDatabase();
    databaseUrl = ephemeral.url;
    step(
      `Ephemeral database ready (${ephemeral.kind === 'embedded' ? 'embedded PostgreSQL' : redact(databaseUrl)}, deleted on exit) in ${seconds(t)}`,
    );
  } else if (env.DATABASE_URL) {
    databaseUrl = env.DATABASE_URL;
    step(`Using PostgreSQL at ${redact(databaseUrl)}`);
  } else {
    const preferred = Number(env.EMBEDDED_PG_PORT) || DEFAULT_EMBEDDED_PORT;
    embedded = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port: preferred });
    watchPostgres(embedded.process);
    await createDatabase(embedded.serverUrl, EMBEDDED_DATABASE);
    databaseUrl = embedded.url(EMBEDDED_DATABASE);
    step(
      `Embedded PostgreSQL on port ${embedded.port} (${embedded.fresh ? 'new' : 'existing'} data in ${path.relative(ROOT, embedded.dataDir)}) in ${seconds(t)}`,
    );
  }

  t = performance.now();
  if (!args.ephemeral) {
    const { applied } = await migrate(databaseUrl);
    step(applied ? `Migrations applied in ${seconds(t)}` : 'Database schema up to date');
  }

  t = performance.now();
  if (await seedNeeded(databaseUrl, { referenceOnly: !demoData })) {
    const output = await seed(databaseUrl, { referenceOnly: !demoData });
    const lines = output.split('\n').filter((line) => /^(Reference|Demo) data/.test(line));
    step(
      `Data loaded in ${seconds(t)}${lines.length ? `: ${lines.map((line) => line.replace(/, \d+ ms$/, '')).join('; ')}` : ''}`,
    );
  } else {
    step(`${demoData ? 'Reference and demo data' : 'Reference data'} present`);
  }

  if (shuttingDown) await finish(0);

  if (args.watch) startWatchers(port);

  // The API gets its own process group so that a terminal Ctrl-C reaches it once, through us.
  const watchArgs = args.watch ? ['--watch-path=dist/api', '--watch-path=libs/domain/dist'] : [];
  api = spawn(
    process.execPath,
    [...watchArgs, '-r', path.join(ROOT, 'tools/lib/exit-with-parent.cjs'), API_MAIN],
    {
      cwd: ROOT,
      env: { ...env, DATABASE_URL: databaseUrl, PORT: String(port) },
      stdio: 'inherit',
      detached: true,
    },
  );
  api.once('exit', (code, signal) => {
    if (shuttingDown) return void finish(stopCode || (signal ? 0 : (code ?? 0)));
    shuttingDown = true;
    console.error(`\n✗ The API stopped (${signal ?? `exit code ${code}`}); stopping Passerelle.`);
    void finish(code || 1);
  });

  t = performance.now();
  if (await waitUntilReady(`http://127.0.0.1:${port}/health/ready`)) {
    console.log(`\n  Passerelle is running at http://localhost:${port} (ready in ${seconds()})`);
    if (args.watch) console.log('  Web app with hot reload at http://localhost:4200');
    if (demoData) printDemoAccounts();
    console.log('\n  Press Ctrl-C to stop.\n');
  } else if (!shuttingDown) {
    console.error(
      `\n✗ The API did not answer /health/ready within ${READY_TIMEOUT_MS / 1000} s; stopping.`,
    );
    requestStop('SIGTERM');
    stopCode = 1;
  }
} catch (error) {
  if (!shuttingDown) {
    console.error(`\n✗ ${error instanceof Error ? error.message : String(error)}\n`);
    shuttingDown = true;
  }
  await finish(1);
}
