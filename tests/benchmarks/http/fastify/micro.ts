/**
 * The HTTP layer's own cost, Express or Fastify: the same build at maximum throughput on
 * operations that do (almost) no work past the adapter — `{ __typename }` anonymous and
 * `{ me { id } }` with a Bearer token (auth guard, token check) — so the difference between the
 * adapters is not drowned in SQL and resolver time. Variants alternate, ROUNDS times.
 *
 *   BENCH_DATABASE_URL=… BENCH_API_DIST=tmp/fastify/dist MICRO_ROUNDS=2 MICRO_DURATION=8 \
 *     npx tsx tests/benchmarks/http/fastify/micro.ts
 */
import * as path from 'node:path';
import { BENCH_PASSWORD, benchEmail } from '../../seed/seed-tier';
import { ROOT, startApi } from '../../support/http-api';
import { formatLoad, LOAD_HEADER, processCpuMs, runLoad } from '../../support/http-load';
import { body, OPERATIONS } from '../operations';

const DIST = path.resolve(ROOT, process.env['BENCH_API_DIST'] ?? 'dist');
const FASTIFY_ENTRY = process.env['BENCH_FASTIFY_ENTRY'] ?? 'tmp/fastify/entry/main.js';
const ROUNDS = Number(process.env['MICRO_ROUNDS'] ?? 2);
const DURATION = Number(process.env['MICRO_DURATION'] ?? 8);

async function measure(variant: 'express' | 'fastify', databaseUrl: string): Promise<void> {
  if (variant === 'fastify') process.env['BENCH_API_ENTRY'] = FASTIFY_ENTRY;
  else delete process.env['BENCH_API_ENTRY'];
  const api = await startApi({ distDir: DIST, databaseUrl });
  try {
    const response = await fetch(api.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body(OPERATIONS.signIn, { input: { email: benchEmail(5), password: BENCH_PASSWORD } }),
    });
    const signedIn = (await response.json()) as { data: { signIn: { accessToken: string } } };
    const token = signedIn.data.signIn.accessToken;
    const operations = [
      { name: `${variant}: { __typename }`, body: JSON.stringify({ query: '{ __typename }' }) },
      {
        name: `${variant}: { me { id } } (Bearer)`,
        body: JSON.stringify({ query: '{ me { id } }' }),
        headers: { authorization: `Bearer ${token}` },
      },
    ];
    for (const operation of operations) {
      // Warm-up (JIT), not reported.
      await runLoad({
        name: 'warm-up',
        url: api.graphqlUrl,
        durationSeconds: 3,
        connections: 10,
        next: () => operation,
      });
      const before = processCpuMs(api.pid);
      const result = await runLoad({
        name: operation.name,
        url: api.graphqlUrl,
        durationSeconds: DURATION,
        connections: 10,
        next: () => operation,
      });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      result.apiCpuMs = (processCpuMs(api.pid) - before) / Math.max(1, result.requests);
      console.log(`${formatLoad(result)}  (${result.apiCpuMs.toFixed(3)})`);
      if (result.firstError) console.log(`    first error: ${result.firstError}`);
    }
  } finally {
    await api.stop();
  }
}

async function main(): Promise<void> {
  const databaseUrl = process.env['BENCH_DATABASE_URL'];
  if (!databaseUrl) throw new Error('BENCH_DATABASE_URL is required (a seeded benchmark database)');
  console.log(LOAD_HEADER);
  for (let round = 1; round <= ROUNDS; round++) {
    await measure('express', databaseUrl);
    await measure('fastify', databaseUrl);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
