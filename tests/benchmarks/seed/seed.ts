/**
 * Fills a database with a tier of benchmark data (see seed-tier.ts for what it holds).
 *
 *   npm run bench:seed -- --tier S|M|L [--database-url postgresql://…/db] [--check | --dry-run]
 *
 * Without --database-url it (re)creates `passerelle_bench_<tier>` on the server of DATABASE_URL
 * (default postgresql://postgres@127.0.0.1:5432/postgres), dropping any previous one, then
 * migrates it, seeds the reference data and loads the tier. With --database-url it loads into
 * that database (migrated and given its reference data if needed; it must not hold benchmark
 * data yet). --check only verifies an existing database: stored counters equal to COUNT(*) of
 * the rows, broad-support flags equal to their expression. --dry-run prints the tier's vote plan
 * (no database). Prints the timings per step, the checks and the database URL.
 */
import { parseArgs } from 'node:util';
import {
  TIERS,
  type Tier,
  checkTier,
  databaseTools,
  describeTier,
  searchWordShares,
  seedTier,
} from './seed-tier';

const DEFAULT_SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';

interface ServerTools {
  createDatabase(serverUrl: string, name: string): Promise<boolean>;
  dropDatabase(serverUrl: string, name: string): Promise<void>;
  withDatabase(url: string, name: string): string;
}

const percent = (share: number) => `${(100 * share).toFixed(share < 0.01 ? 3 : 1)} %`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      tier: { type: 'string' },
      'database-url': { type: 'string' },
      check: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const tier = values.tier?.toUpperCase() as Tier | undefined;
  if (!tier || !(tier in TIERS)) {
    console.error(
      'Usage: npm run bench:seed -- --tier S|M|L [--database-url postgresql://…/db] [--check | --dry-run]',
    );
    return 2;
  }
  if (values['dry-run']) {
    const started = performance.now();
    const plan = describeTier(tier);
    console.log(JSON.stringify(plan, null, 2));
    console.log(`planned in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  }
  const tools = (await databaseTools()) as unknown as ServerTools;
  const name = `passerelle_bench_${tier.toLowerCase()}`;
  const server = process.env['DATABASE_URL'] || DEFAULT_SERVER;
  const url = values['database-url'] ?? tools.withDatabase(server, name);

  if (values.check) {
    const check = await checkTier(url);
    console.log(JSON.stringify(check, null, 2));
    const shares = await searchWordShares(url);
    for (const [word, share] of Object.entries(shares))
      console.log(`search "${word}": ${percent(share)} of proposals`);
    console.log(`database: ${url}`);
    return check.ok ? 0 : 1;
  }

  if (!values['database-url']) {
    await tools.dropDatabase(server, name);
    await tools.createDatabase(server, name);
  }
  const size = TIERS[tier];
  console.log(
    `bench:seed tier ${tier}: ${size.proposals} proposals, ~${size.votes} votes, ~${size.comments} comments, ` +
      `${size.participants} participants, ${size.organisations} organisations, ${size.consultations} consultations`,
  );
  const summary = await seedTier({ url, tier });
  const { check } = summary;
  console.log('\nrows:');
  for (const [table, rows] of Object.entries(summary.rows))
    console.log(`  ${table.padEnd(26)} ${String(rows).padStart(10)}`);
  console.log(
    `\ncheck (stored counters against COUNT(*)):\n` +
      `  votes: ${check.voteRows} rows, ${check.voteCounters} in proposals.votes*, ` +
      `${check.proposalVoteMismatches} proposals and ${check.collegeCountMismatches} proposal_college_counts rows differing\n` +
      `  comments: ${check.commentRows} rows, ${check.commentCounters} in proposals.commentsCount, ` +
      `${check.commentCountMismatches} proposals differing\n` +
      `  broad support: ${check.broadSupport} proposals flagged, ${check.broadSupportMismatches} flags ` +
      `differing from the collège thresholds' expression\n` +
      `  scores: largest relative difference from libs/domain rankings on 1000 proposals ${check.maxScoreError.toExponential(1)}\n` +
      `  ${check.ok ? 'OK' : 'MISMATCH'}`,
  );
  console.log('\nsearch words (share of proposals, websearch_to_tsquery french_unaccent):');
  for (const [word, share] of Object.entries(summary.searchShares))
    console.log(`  ${word.padEnd(16)} ${percent(share)}`);
  console.log(`\ntotal ${summary.seconds.toFixed(1)} s`);
  console.log(`database: ${url}`);
  console.log(
    'accounts: bench-<n>@example.org / passerelle-bench (bench-1 admin, bench-2 moderator, bench-3 curator)',
  );
  return check.ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
