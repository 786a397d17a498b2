/**
 * Streams generated rows into PostgreSQL with `COPY … FROM STDIN` (text format): rows are
 * produced one at a time by a generator and sent in chunks, so a tier never sits in memory.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A field of a COPY row: null is SQL NULL, a Date is written as UTC. */
export type Field = string | number | boolean | Date | null;

const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function field(value: Field): string {
  if (value === null) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value.replace(SPECIAL, (c) => ESCAPES[c]);
  return String(value);
}

/** One line of COPY text format. */
export function copyRow(values: readonly Field[]): string {
  let line = field(values[0]);
  for (let i = 1; i < values.length; i++) line += '\t' + field(values[i]);
  return line + '\n';
}

const CHUNK = 1 << 18;

/**
 * COPY `table` (`columns`) from the rows `rows` yields (each already a copyRow line).
 * Resolves with the number of rows sent.
 */
export async function copyInto(
  client: pg.Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<string>,
): Promise<number> {
  let count = 0;
  function* chunks(): Generator<string> {
    let buffer = '';
    for (const row of rows) {
      buffer += row;
      count++;
      if (buffer.length >= CHUNK) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer) yield buffer;
  }
  const list = columns.map((c) => `"${c}"`).join(', ');
  const sink = client.query(copyFrom(`COPY "${table}" (${list}) FROM STDIN`));
  await pipeline(Readable.from(chunks(), { objectMode: false }), sink);
  return count;
}
