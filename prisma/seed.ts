// Seeds the database of DATABASE_URL: reference data (themes, territories), then French demo data.
//   tsx prisma/seed.ts                   reference + demo data
//   tsx prisma/seed.ts --reference-only  reference data only (tests, production)
// Both steps are idempotent: a second run detects existing data and returns quickly.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../apps/api/src/generated/prisma/client';
import { seedDemoData } from './seeds/demo';
import { seedReferenceData } from './seeds/reference';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--reference-only');
  if (unknown.length) {
    console.error(
      `Unknown argument: ${unknown.join(' ')}\nUsage: tsx prisma/seed.ts [--reference-only]`,
    );
    return 2;
  }
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    console.error(
      'Seed failed: DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/passerelle).',
    );
    return 1;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  const started = performance.now();
  try {
    await seedReferenceData(prisma);
    if (!args.includes('--reference-only')) await seedDemoData(prisma);
    console.log(`Seed done in ${Math.round(performance.now() - started)} ms`);
    return 0;
  } catch (error) {
    // Prisma messages start with a code frame; the cause is on the last line.
    const message = (error instanceof Error ? error.message : String(error)).trim();
    const cause =
      message
        .split('\n')
        .filter((line) => line.trim())
        .at(-1) ?? message;
    const code = (error as { code?: string }).code;
    console.error(`Seed failed${code ? ` (${code})` : ''}: ${cause}`);
    if (code === 'P2021' || /does not exist/i.test(cause)) {
      console.error('Hint: apply the migrations first (npm run db:migrate).');
    }
    return 1;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('Seed failed:', error);
    process.exit(1);
  },
);
