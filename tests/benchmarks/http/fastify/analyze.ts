/**
 * Summary of rounds.sh: for each run (tier, round, variant) the harness' figures for the list at
 * maximum throughput and castVote (+ the anonymous list read meanwhile), and the API CPU per
 * request of the vote window from the request meter (request-meter.cjs); then means per variant.
 *
 *   npx tsx tests/benchmarks/http/fastify/analyze.ts [log folder]   (default tmp/fastify/logs)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

interface Line {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  cpu?: number;
}

interface Run {
  name: string;
  variant: string;
  list?: Line;
  raw?: number;
  vote?: Line;
  meanwhile?: Line;
  voteWindow?: { cpuPerRequest: number; requests: number; authorized: number; seconds: number };
  load: string;
  counters: string;
  rc: string;
}

function parseLine(log: string, prefix: string): Line | undefined {
  const line = log.split('\n').find((candidate) => candidate.startsWith(prefix));
  if (!line) return undefined;
  const fields = line.slice(58).trim().split(/\s+/);
  // rate req/s p50 p95 p99 max requests errors [cached %] [cpu]
  const percent = fields.indexOf('%');
  if (percent > 0) fields.splice(percent - 1, 2);
  const n = fields.map(Number);
  return {
    rps: n[1],
    p50: n[2],
    p95: n[3],
    p99: n[4],
    requests: n[6],
    errors: n[7],
    cpu: fields[8] === undefined ? undefined : n[8],
  };
}

/**
 * The vote window: from the sample before the first request with a Bearer token to the sample
 * after the last one (sign-in requests carry none). CPU over every request of the window (the
 * votes and the anonymous list read at the same time).
 */
function voteWindow(file: string): Run['voteWindow'] {
  if (!existsSync(file)) return undefined;
  const samples = JSON.parse(readFileSync(file, 'utf8')) as [number, number, number, number][];
  const first = samples.findIndex((s, i) => i > 0 && s[3] > samples[i - 1][3]);
  if (first < 0) return undefined;
  const lastAuthorized = samples[samples.length - 1][3];
  const last = samples.findIndex((s) => s[3] === lastAuthorized);
  const start = samples[first - 1];
  const end = samples[Math.min(samples.length - 1, last)];
  const requests = end[2] - start[2];
  return {
    cpuPerRequest: (end[1] - start[1]) / Math.max(1, requests),
    requests,
    authorized: end[3] - start[3],
    seconds: (end[0] - start[0]) / 1000,
  };
}

function readRun(folder: string, file: string): Run {
  const log = readFileSync(path.join(folder, file), 'utf8');
  const base = file.replace(/\.log$/, '');
  const loads = [...log.matchAll(/load average: ([\d.]+)/g)].map((m) => m[1]);
  return {
    name: base,
    variant: base.split('-').pop() ?? '?',
    list: parseLine(log, 'list NEWEST, max throughput'),
    raw: parseLine(log, 'raw SQL of list NEWEST')?.rps,
    vote: parseLine(log, 'castVote ('),
    meanwhile: parseLine(log, '  meanwhile: list'),
    voteWindow: voteWindow(path.join(folder, `${base}.meter.json`)),
    load: loads.join(' → '),
    counters: /Counters:.*: (OK|MISMATCH)/.exec(log)?.[1] ?? '?',
    rc: /rc=(\d+)/.exec(log)?.[1] ?? '?',
  };
}

const f = (value: number | undefined, digits = 1) =>
  value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);
const lat = (line: Line | undefined) =>
  line ? `${f(line.p50)}/${f(line.p95)}/${f(line.p99)}` : '—';
const mean = (values: (number | undefined)[]) => {
  const present = values.filter((v): v is number => v !== undefined && !Number.isNaN(v));
  return present.length ? present.reduce((a, b) => a + b, 0) / present.length : Number.NaN;
};

function main(): void {
  const folder = path.resolve(process.argv[2] ?? 'tmp/fastify/logs');
  const runs = readdirSync(folder)
    .filter((file) => file.endsWith('.log'))
    .sort((a, b) => fs(a).localeCompare(fs(b)))
    .map((file) => readRun(folder, file));
  console.log(
    'run'.padEnd(16) +
      'list req/s'.padStart(11) +
      'raw/s'.padStart(7) +
      'list p50/p95/p99'.padStart(22) +
      'CPU/list'.padStart(9) +
      'vote req/s'.padStart(11) +
      'vote p50/p95/p99'.padStart(24) +
      'err'.padStart(5) +
      'meanwhile p50/p95/p99'.padStart(26) +
      'CPU/req vote window'.padStart(21) +
      '  load before → after, counters, rc',
  );
  for (const run of runs) {
    console.log(
      run.name.padEnd(16) +
        f(run.list?.rps).padStart(11) +
        f(run.raw).padStart(7) +
        lat(run.list).padStart(22) +
        f(run.list?.cpu).padStart(9) +
        f(run.vote?.rps).padStart(11) +
        lat(run.vote).padStart(24) +
        String((run.vote?.errors ?? 0) + (run.meanwhile?.errors ?? 0)).padStart(5) +
        lat(run.meanwhile).padStart(26) +
        (run.voteWindow
          ? `${f(run.voteWindow.cpuPerRequest, 2)} (${run.voteWindow.requests} req)`
          : '—'
        ).padStart(21) +
        `  ${run.load}, ${run.counters}, rc=${run.rc}`,
    );
  }
  console.log('\nMeans per variant:');
  for (const variant of [...new Set(runs.map((run) => run.variant))]) {
    const mine = runs.filter((run) => run.variant === variant);
    console.log(
      `  ${variant.padEnd(8)} ${mine.length} runs: list ${f(mean(mine.map((r) => r.list?.rps)))} req/s, ` +
        `p95 ${f(mean(mine.map((r) => r.list?.p95)))} ms, CPU ${f(mean(mine.map((r) => r.list?.cpu)), 2)} ms/req; ` +
        `vote p95 ${f(mean(mine.map((r) => r.vote?.p95)))} ms, meanwhile p95 ${f(mean(mine.map((r) => r.meanwhile?.p95)))} ms, ` +
        `vote window CPU ${f(mean(mine.map((r) => r.voteWindow?.cpuPerRequest)), 2)} ms/req`,
    );
  }
}

/** Sorts "M-2-express" by tier, round number, variant. */
function fs(file: string): string {
  return file.replace(/-(\d+)-/, (_, n: string) => `-${n.padStart(3, '0')}-`);
}

main();
