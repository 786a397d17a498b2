/**
 * Preloaded into the benchmarked API (`node --require …/capture-sql.cjs dist/api/main.js`, started
 * with an IPC channel by tests/benchmarks/support/http-api.ts). Idle, it costs one boolean test per
 * SQL statement. On the harness' message `{ captureSql: 'start' }` it records the text and
 * parameters of every statement node-postgres sends (Prisma's adapter, pg-boss and anything else
 * go through `pg.Client#query`) and acknowledges; on `{ captureSql: 'stop' }` it sends them back as
 * `{ capturedSql: [{ text, values }] }`. The harness replays them through its own pool to measure
 * the database's throughput for the very statements one GraphQL request costs.
 */
'use strict';

const pg = require('pg');

/** @type {{ text: string; values: unknown[] | undefined }[] | null} */
let captured = null;
const query = pg.Client.prototype.query;

pg.Client.prototype.query = function captureQuery(...args) {
  const [config, values] = args;
  if (captured) {
    if (typeof config === 'string') {
      captured.push({ text: config, values: Array.isArray(values) ? values : undefined });
    } else if (config && typeof config.text === 'string') {
      captured.push({ text: config.text, values: config.values });
    }
  }
  return query.apply(this, args);
};

process.on('message', (message) => {
  if (!message || typeof message !== 'object') return;
  if (message.captureSql === 'start') {
    captured = [];
    process.send?.({ captureSqlStarted: true });
  } else if (message.captureSql === 'stop') {
    const statements = captured ?? [];
    captured = null;
    process.send?.({ capturedSql: statements });
  }
});
