import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { AppModule } from '../app.module';
import { parseConfig } from '../config/config.schema';

const HEADER =
  '# Generated from the code-first resolvers by apps/api/src/schema/print-schema.ts: do not edit.\n' +
  '# Regenerate with `npx nx run api:schema`; CI runs `npx nx run api:schema:check`.\n\n';

/**
 * Prints the GraphQL schema exactly as the running API builds it (same modules, same options),
 * without a database: Prisma only connects on its first query, and none runs here.
 */
export async function buildSchemaSdl(): Promise<string> {
  const config = parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgresql://schema-printer@127.0.0.1:1/none',
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: path.join(__dirname, 'no-web-app'),
  });
  const app = await NestFactory.create(AppModule.forRoot(config), { logger: false });
  try {
    await app.init();
    return HEADER + printSchema(app.get(GraphQLSchemaHost).schema) + '\n';
  } finally {
    await app.close();
  }
}

async function main(): Promise<number> {
  const [mode, target] = process.argv.slice(2);
  if ((mode !== '--write' && mode !== '--check') || !target) {
    console.error(
      'Usage: node dist/api/schema/print-schema.js --write|--check <path/to/schema.graphql>',
    );
    return 2;
  }
  const sdl = await buildSchemaSdl();
  const file = path.resolve(target);
  if (mode === '--write') {
    fs.writeFileSync(file, sdl);
    console.log(`GraphQL schema written to ${path.relative(process.cwd(), file)}`);
    return 0;
  }
  const tmp = path.join(process.cwd(), 'tmp', 'schema.generated.graphql');
  fs.mkdirSync(path.dirname(tmp), { recursive: true });
  fs.writeFileSync(tmp, sdl);
  const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (committed === sdl) {
    console.log(`${path.relative(process.cwd(), file)} matches the code.`);
    return 0;
  }
  const a = committed.split('\n');
  const b = sdl.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  console.error(
    `${path.relative(process.cwd(), file)} is out of date: the code now generates a different schema ` +
      `(first difference at line ${(line === -1 ? a.length : line) + 1}).\n` +
      `  committed: ${JSON.stringify(a[line] ?? '')}\n  generated: ${JSON.stringify(b[line === -1 ? a.length : line] ?? '')}\n` +
      `Generated copy: ${path.relative(process.cwd(), tmp)}. Run \`npx nx run api:schema\` and commit the result.`,
  );
  return 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error('Could not print the GraphQL schema:', error);
      process.exit(1);
    },
  );
}
