import pg from 'pg';

export interface LoggedStatement {
  text: string;
  values: unknown[];
}

/**
 * Records every SQL statement the in-process API sends to PostgreSQL while `run` executes, with
 * its bound values: every statement, pooled or in a transaction, ends in `Client.prototype.query`
 * (Prisma's pg adapter). Lets a test tell text (where an injection would land) from parameters.
 */
export async function logSql<T>(
  run: () => Promise<T>,
): Promise<{ result: T; statements: LoggedStatement[] }> {
  const statements: LoggedStatement[] = [];
  const original = pg.Client.prototype.query;
  const spy = jest.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
    this: pg.Client,
    ...args: unknown[]
  ) {
    const [config, maybeValues] = args;
    if (typeof config === 'string') {
      statements.push({ text: config, values: Array.isArray(maybeValues) ? maybeValues : [] });
    } else if (config && typeof config === 'object') {
      const { text, values } = config as { text?: unknown; values?: unknown };
      statements.push({
        text: String(text),
        values: Array.isArray(values) ? values : Array.isArray(maybeValues) ? maybeValues : [],
      });
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as never);
  try {
    return { result: await run(), statements };
  } finally {
    spy.mockRestore();
  }
}
