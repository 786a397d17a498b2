// Jest globalTeardown: drops the test database (or stops and deletes the embedded PostgreSQL).
export default async function globalTeardown() {
  const database = globalThis.__PASSERELLE_TEST_DATABASE__;
  if (!database) return;
  globalThis.__PASSERELLE_TEST_DATABASE__ = undefined;
  await database.dispose();
}
