// Jest globalSetup: one fresh, migrated database per test run, with the reference data
// (themes, territories). Tests create their own uniquely keyed data on top of it.
// With DATABASE_URL: a new `passerelle_test_<time>_<random>` database on that server;
// without: an embedded PostgreSQL in a temporary folder. Jest workers inherit DATABASE_URL.
import {
  dropStaleTestDatabases,
  provisionEphemeralDatabase,
  seed,
} from '../../tools/lib/database.mjs';

export default async function globalSetup() {
  const started = performance.now();
  if (process.env.DATABASE_URL) {
    // Runs interrupted before their teardown leave databases behind: clear those older than a day.
    await dropStaleTestDatabases(process.env.DATABASE_URL).catch(() => {});
  }
  const database = await provisionEphemeralDatabase();
  try {
    await seed(database.url, { referenceOnly: true });
  } catch (error) {
    await database.dispose().catch(() => {});
    throw error;
  }
  globalThis.__PASSERELLE_TEST_DATABASE__ = database;
  process.env.DATABASE_URL = database.url;
  const where =
    database.kind === 'embedded' ? 'embedded PostgreSQL' : new URL(database.url).pathname.slice(1);
  console.log(`\nTest database ready (${where}) in ${Math.round(performance.now() - started)} ms`);
}
