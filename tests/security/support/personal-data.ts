import { factoryPrisma } from '../../factories';

/** A column that can hold text: where a copy of a name, an address or a sentence could hide. */
interface TextColumn {
  schema: string;
  table: string;
  column: string;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Every text, varchar, json, jsonb and tsvector column of every table in the database (all
 * schemas but PostgreSQL's own), discovered through information_schema.
 */
export async function textColumns(): Promise<TextColumn[]> {
  return factoryPrisma().$queryRaw<TextColumn[]>`
    SELECT c.table_schema AS schema, c.table_name AS "table", c.column_name AS "column"
    FROM information_schema.columns c
    JOIN information_schema.tables t
      ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE t.table_type = 'BASE TABLE'
      AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
      AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'tsvector', 'ARRAY')
        OR c.udt_name IN ('tsvector', 'citext'))
    ORDER BY 1, 2, 3`;
}

/**
 * Where each needle (case-insensitive) occurs: "schema.table.column" for every column holding
 * it in at least one row. Empty when none of them remains anywhere.
 */
export async function findEverywhere(
  needles: readonly string[],
): Promise<{ needle: string; where: string }[]> {
  const columns = await textColumns();
  if (columns.length < 50) throw new Error(`Only ${columns.length} text columns found`);
  const found: { needle: string; where: string }[] = [];
  for (const { schema, table, column } of columns) {
    for (const needle of needles) {
      const rows = await factoryPrisma().$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM ${quoteIdent(schema)}.${quoteIdent(table)}
         WHERE strpos(lower(${quoteIdent(column)}::text), lower($1)) > 0`,
        needle,
      );
      if ((rows[0]?.n ?? 0) > 0) found.push({ needle, where: `${schema}.${table}.${column}` });
    }
  }
  return found;
}
