#!/usr/bin/env node
// Offline Prisma wrapper (no network except the npm registry).
//  - generate / validate / format / version: Prisma 7.10.1. Its CLI first tries to download the native schema engine
//    from binaries.prisma.sh; PRISMA_SCHEMA_ENGINE_BINARY=<any existing file> skips that.
//  - migrate ... / db ...: Prisma 6.19.3 (npm alias "prisma6") with its bundled Wasm schema engine (engine: 'js')
//    over @prisma/adapter-pg 6.19.3, because Prisma 7 has no Wasm schema engine and its native one cannot be downloaded.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const SCHEMA = path.join(root, 'prisma/schema.prisma');
const STUB = path.join(__dirname, 'no-schema-engine.sh');
const [cmd, ...rest] = process.argv.slice(2);
const env = { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' };

function run(args) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', env, cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
function prisma7(args) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = STUB;
  run([require.resolve('prisma/build/index.js'), ...args]);
}

if (cmd === 'migrate' || cmd === 'db') {
  // Prisma 6 needs `url` in the datasource block; Prisma 7 rejects it. Derive a Prisma-6 copy of the schema.
  const derived = fs
    .readFileSync(SCHEMA, 'utf8')
    .replace(
      /(datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"postgresql")/,
      '$1\n  url      = env("DATABASE_URL")',
    );
  fs.mkdirSync(path.join(root, 'tmp'), { recursive: true });
  // Write then rename, so a migration running in parallel never reads a half-written schema.
  const target = path.join(root, 'tmp/schema.prisma6.prisma');
  fs.writeFileSync(`${target}.${process.pid}`, derived);
  fs.renameSync(`${target}.${process.pid}`, target);
  env.PRISMA_QUERY_ENGINE_LIBRARY = STUB; // stops Prisma 6 downloading libquery_engine (not used: engine 'js')
  const args = [...rest];
  // Prisma 6 must never run the generator (it would write a 6.x client over the 7.x one).
  const generates =
    (cmd === 'migrate' && ['dev', 'reset'].includes(args[0])) ||
    (cmd === 'db' && args[0] === 'push');
  if (generates && !args.includes('--skip-generate')) args.push('--skip-generate');
  run([
    '-r',
    path.join(__dirname, 'prisma-unref-timers.cjs'),
    require.resolve('prisma6/build/index.js'),
    cmd,
    ...args,
    '--config',
    path.join(root, 'prisma/prisma6.migrate.config.ts'),
  ]);
  if (generates) prisma7(['generate']);
} else {
  prisma7([cmd ?? '--help', ...rest]);
}
