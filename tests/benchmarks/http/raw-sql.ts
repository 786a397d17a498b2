/**
 * Replays the SQL statements one GraphQL request cost (captured from the API process) straight
 * through `pg`: `workers` concurrent loops, each running the statements in order on a pooled
 * connection, for a fixed time. Its throughput (requests' worth of SQL per second) is the ceiling
 * the database alone allows on this machine at this moment; GraphQL throughput is reported as a
 * share of it, a figure that holds better on a noisy machine than either alone.
 */
import pg from 'pg';
import { type CapturedStatement } from '../support/http-api';
import { percentile } from '../support/http-load';

export interface RawSqlResult {
  /** Replays (one per GraphQL request) per second. */
  rps: number;
  replays: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Transaction control and session checks are replayed as they came: only empty text is dropped. */
function replayable(statements: readonly CapturedStatement[]): CapturedStatement[] {
  return statements.filter((statement) => statement.text.trim().length > 0);
}

/** Buffers cross the IPC channel as plain Uint8Arrays: give node-postgres Buffers back. */
function asPgValue(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value) : value;
}

export async function replaySql(options: {
  url: string;
  statements: readonly CapturedStatement[];
  workers: number;
  durationSeconds: number;
}): Promise<RawSqlResult> {
  const statements = replayable(options.statements);
  const pool = new pg.Pool({ connectionString: options.url, max: options.workers });
  const times: number[] = [];
  try {
    // Open the connections first, as the API's pool already has them open.
    const clients = await Promise.all(
      Array.from({ length: options.workers }, () => pool.connect()),
    );
    for (const client of clients) client.release();
    const started = performance.now();
    const deadline = started + options.durationSeconds * 1000;
    const worker = async () => {
      while (performance.now() < deadline) {
        const begin = performance.now();
        const client = await pool.connect();
        try {
          for (const statement of statements) {
            await client.query({ text: statement.text, values: statement.values?.map(asPgValue) });
          }
        } finally {
          client.release();
        }
        times.push(performance.now() - begin);
      }
    };
    await Promise.all(Array.from({ length: options.workers }, worker));
    const elapsed = (performance.now() - started) / 1000;
    times.sort((a, b) => a - b);
    return {
      rps: times.length / elapsed,
      replays: times.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
    };
  } finally {
    await pool.end();
  }
}
