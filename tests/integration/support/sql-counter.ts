import pg from 'pg';

/**
 * Counts the SQL statements the API sends to PostgreSQL while `run` executes: every statement
 * of Prisma's pg adapter goes through `Pool.prototype.query` (the API runs in this process).
 */
export async function countSqlStatements<T>(
  run: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const original = pg.Pool.prototype.query;
  const spy = jest.spyOn(pg.Pool.prototype, 'query').mockImplementation(function (
    this: pg.Pool,
    ...args: unknown[]
  ) {
    const [config] = args;
    statements.push(
      typeof config === 'string' ? config : String((config as { text?: string }).text),
    );
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as never);
  try {
    return { result: await run(), statements };
  } finally {
    spy.mockRestore();
  }
}
