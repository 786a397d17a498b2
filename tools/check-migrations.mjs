#!/usr/bin/env node
// CI check: every migration applies to an empty database, and prisma/schema.prisma agrees with
// the migrations (no change waiting for a `migrate dev`).
//   node tools/check-migrations.mjs [--schema path/to/schema.prisma]
// Works offline: Prisma 6's Wasm schema engine through tools/prisma.cjs, on a throw-away database
// (a new database on the DATABASE_URL server, or an embedded PostgreSQL), always deleted afterwards.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, migrate, migrationNames, provisionEphemeralDatabase } from './lib/database.mjs';

const args = process.argv.slice(2);
const schemaIndex = args.indexOf('--schema');
const schemaPath = path.resolve(
  schemaIndex >= 0 ? (args[schemaIndex + 1] ?? '') : path.join(ROOT, 'prisma/schema.prisma'),
);

/** Runs `node tools/prisma.cjs <args>`; resolves with { code, output }. */
function prisma(prismaArgs, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['tools/prisma.cjs', ...prismaArgs], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Prisma 6 wants `url` in the datasource block, which Prisma 7 schemas no longer carry. */
function prisma6Schema(source) {
  const text = readFileSync(source, 'utf8');
  const derived = text.replace(
    /(datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"postgresql")/,
    '$1\n  url      = env("DATABASE_URL")',
  );
  const dir = path.join(ROOT, 'tmp/check-migrations');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'schema.prisma');
  writeFileSync(file, derived);
  return path.relative(ROOT, file);
}

const started = performance.now();
let database;
let exitCode = 0;
try {
  const names = migrationNames();
  console.log(`Checking ${names.length} migration(s) against ${path.relative(ROOT, schemaPath)}…`);
  database = await provisionEphemeralDatabase({ migrate: false });

  try {
    await migrate(database.url, { force: true });
    console.log(`  ✓ every migration applies to an empty database`);
  } catch (error) {
    console.error(
      `  ✗ the migrations do not apply to an empty database:\n${error.output ?? error.message}`,
    );
    exitCode = 1;
  }

  if (!exitCode) {
    // Replays the migrations in a shadow database (created and dropped on the same server by
    // prisma/prisma6.migrate.config.ts) and compares the result with the schema's datamodel.
    const diff = await prisma(
      [
        'migrate',
        'diff',
        '--from-migrations',
        'prisma/migrations',
        '--to-schema-datamodel',
        prisma6Schema(schemaPath),
        '--exit-code',
      ],
      { DATABASE_URL: database.url },
    );
    const summary = diff.output
      .split('\n')
      .filter(
        (line) => !/^(Loaded Prisma config|Prisma config detected|Prisma schema loaded)/.test(line),
      )
      .join('\n')
      .trim();
    if (diff.code === 0) {
      console.log('  ✓ schema.prisma and the migrations agree');
    } else if (diff.code === 2) {
      console.error(
        `  ✗ schema.prisma and the migrations disagree. Changes that no migration makes yet:\n\n${summary}\n\n` +
          '  Create the migration with: node tools/prisma.cjs migrate dev --name <what-changed>',
      );
      exitCode = 1;
    } else {
      console.error(`  ✗ prisma migrate diff failed:\n${summary}`);
      exitCode = 1;
    }
  }
} catch (error) {
  console.error(`  ✗ ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  try {
    await database?.dispose();
  } catch (error) {
    console.error(`  ✗ could not delete the check database: ${error.message}`);
    exitCode ||= 1;
  }
}
console.log(
  exitCode
    ? `Migration check failed (${((performance.now() - started) / 1000).toFixed(1)} s)`
    : `Migration check passed (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
process.exit(exitCode);
