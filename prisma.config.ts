import { defineConfig } from 'prisma/config';

// Prisma 7 CLI configuration (generate, validate, format). Migrations run through
// tools/prisma.cjs, which uses prisma/prisma6.migrate.config.ts (see CONTRIBUTING.md).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/passerelle',
  },
});
