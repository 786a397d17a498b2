/**
 * Correctness of the Fastify bootstrap (main.ts) against the Express API, on the operations the
 * HTTP harness measures: the same requests, in the same order, to both, each on its own copy of
 * the same database, and the answers compared as JSON (status, body, error codes), volatile values
 * (tokens, request ids) aside; then the headers that differ are listed.
 *
 *   CHECK_DATABASE_URL_EXPRESS=… CHECK_DATABASE_URL_FASTIFY=… BENCH_API_DIST=tmp/fastify/dist \
 *     npx tsx tests/benchmarks/http/fastify/check.ts
 *
 * Both databases must be identical copies (createdb -T) of a benchmark database; votes are written.
 * Exits non-zero when an answer differs.
 */
import { isDeepStrictEqual } from 'node:util';
import * as path from 'node:path';
import pg from 'pg';
import { benchEmail, BENCH_PASSWORD } from '../../seed/seed-tier';
import { ROOT, type RunningApi, startApi } from '../../support/http-api';
import { body, LIST_ORDERS, listBody, OPERATIONS, PROPOSAL_PAGE } from '../operations';

const FASTIFY_ENTRY = process.env['BENCH_FASTIFY_ENTRY'] ?? 'tmp/fastify/entry/main.js';
const DIST = path.resolve(ROOT, process.env['BENCH_API_DIST'] ?? 'dist');

interface Answer {
  status: number;
  headers: Record<string, string>;
  json: unknown;
}

interface Call {
  label: string;
  body?: string;
  method?: string;
  headers?: Record<string, string>;
  /** A token from an earlier signIn of this account number on the same API. */
  signedInAs?: number;
  /** Replaces the Authorization header. */
  authorization?: string;
}

async function send(api: RunningApi, call: Call, tokens: Map<number, string>): Promise<Answer> {
  const token = call.signedInAs === undefined ? undefined : tokens.get(call.signedInAs);
  const method = call.method ?? 'POST';
  const response = await fetch(api.graphqlUrl, {
    method,
    headers: {
      ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(call.authorization ? { authorization: call.authorization } : {}),
      ...call.headers,
    },
    body: method === 'POST' ? call.body : undefined,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = { notJson: text.slice(0, 200) };
  }
  const headers = Object.fromEntries(response.headers);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies.join('\n');
  return { status: response.status, headers, json };
}

/** Tokens, request ids and cookie values differ from one process to the other by design. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [
        key,
        key === 'accessToken' || key === 'requestId'
          ? typeof item === 'string'
            ? '<string>'
            : item
          : normalise(item),
      ]),
    );
  }
  return value;
}

/** Set-Cookie without values and dates: name and attributes. */
const cookieShape = (header: string | undefined) =>
  (header ?? '')
    .split('\n')
    .map((cookie) =>
      cookie
        .trim()
        .replace(/^([\w-]+)=[^;]*/, '$1=<value>')
        .replace(/Expires=[^;]*/i, 'Expires=<date>')
        .replace(/Max-Age=\d+/i, 'Max-Age=<n>'),
    )
    .filter(Boolean)
    .sort()
    .join(' | ');

async function votingProposals(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT p."id" FROM "proposals" p
       WHERE p."status" = 'PUBLISHED' AND p."hiddenAt" IS NULL AND EXISTS (
         SELECT 1 FROM "consultation_phases" ph WHERE ph."consultationId" = p."consultationId"
           AND ph."kind" = 'VOTING' AND ph."startsAt" <= now()
           AND (ph."endsAt" IS NULL OR ph."endsAt" > now()))
       ORDER BY p."id" LIMIT 2`,
    );
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}

async function pageProposal(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT "id" FROM "proposals" WHERE "status" = 'PUBLISHED' AND "hiddenAt" IS NULL
       AND "commentsCount" > 0 ORDER BY "id" LIMIT 1`,
    );
    return rows[0].id;
  } finally {
    await client.end();
  }
}

function calls(voteIds: string[], pageId: string): Call[] {
  const [first, second] = voteIds;
  const aliases = `{ ${Array.from({ length: 12 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
  return [
    ...LIST_ORDERS.map((order) => ({ label: `list ${order}`, body: listBody(20, order) })),
    {
      label: 'list TOP, broad support',
      body: listBody(20, 'TOP', { broadSupport: true }),
    },
    { label: 'list RELEVANCE «PTCE»', body: listBody(20, 'RELEVANCE', undefined, 'PTCE') },
    { label: 'proposal page', body: body(PROPOSAL_PAGE, { id: pageId }) },
    {
      label: 'signIn bench-7',
      body: body(OPERATIONS.signIn, { input: { email: benchEmail(7), password: BENCH_PASSWORD } }),
    },
    {
      label: 'signIn, wrong password',
      body: body(OPERATIONS.signIn, { input: { email: benchEmail(8), password: 'wrong-pass' } }),
    },
    {
      label: 'castVote FOR (Bearer)',
      body: body(OPERATIONS.castVote, { input: { proposalId: first, value: 'FOR' } }),
      signedInAs: 7,
    },
    {
      label: 'castVote AGAINST, same proposal (Bearer)',
      body: body(OPERATIONS.castVote, { input: { proposalId: first, value: 'AGAINST' } }),
      signedInAs: 7,
    },
    {
      label: 'castVote NEUTRAL, other proposal (Bearer)',
      body: body(OPERATIONS.castVote, { input: { proposalId: second, value: 'NEUTRAL' } }),
      signedInAs: 7,
    },
    {
      label: 'list TOP after the votes',
      body: listBody(20, 'TOP'),
    },
    {
      label: 'castVote, anonymous',
      body: body(OPERATIONS.castVote, { input: { proposalId: first, value: 'FOR' } }),
    },
    {
      label: 'castVote, invalid Bearer token',
      body: body(OPERATIONS.castVote, { input: { proposalId: first, value: 'FOR' } }),
      authorization: 'Bearer not-a-token',
    },
    {
      label: 'castVote, unknown proposal',
      body: body(OPERATIONS.castVote, {
        input: { proposalId: '00000000-0000-4000-8000-000000000000', value: 'FOR' },
      }),
      signedInAs: 7,
    },
    {
      label: 'castVote, invalid enum value',
      body: body(OPERATIONS.castVote, { input: { proposalId: first, value: 'MAYBE' } }),
      signedInAs: 7,
    },
    { label: 'unknown field', body: JSON.stringify({ query: '{ nope }' }) },
    { label: 'too many aliases', body: JSON.stringify({ query: aliases }) },
    { label: 'syntax error', body: JSON.stringify({ query: '{ proposals(' }) },
    { label: 'malformed JSON', body: '{"query": ' },
    {
      label: 'text/plain POST (CSRF prevention)',
      body: JSON.stringify({ query: '{ __typename }' }),
      headers: { 'content-type': 'text/plain' },
    },
    { label: 'GET without query', method: 'GET' },
    {
      label: 'cross-site Origin',
      body: JSON.stringify({ query: '{ __typename }' }),
      headers: { origin: 'https://evil.example' },
    },
  ];
}

/** Headers that legitimately differ between two processes or adapters' defaults. */
const VOLATILE_HEADERS = new Set(['date', 'x-request-id', 'set-cookie', 'content-length']);

async function main(): Promise<void> {
  const urlExpress = process.env['CHECK_DATABASE_URL_EXPRESS'];
  const urlFastify = process.env['CHECK_DATABASE_URL_FASTIFY'];
  if (!urlExpress || !urlFastify) {
    throw new Error('CHECK_DATABASE_URL_EXPRESS and CHECK_DATABASE_URL_FASTIFY are required');
  }
  const voteIds = await votingProposals(urlExpress);
  const pageId = await pageProposal(urlExpress);
  if (voteIds.length < 2) throw new Error('no two proposals open to votes');

  delete process.env['BENCH_API_ENTRY'];
  const express = await startApi({ distDir: DIST, databaseUrl: urlExpress });
  process.env['BENCH_API_ENTRY'] = FASTIFY_ENTRY;
  const fastify = await startApi({ distDir: DIST, databaseUrl: urlFastify });
  const tokens = { express: new Map<number, string>(), fastify: new Map<number, string>() };
  const headerDiffs = new Map<string, string[]>();
  let differences = 0;
  try {
    for (const call of calls(voteIds, pageId)) {
      const a = await send(express, call, tokens.express);
      const b = await send(fastify, call, tokens.fastify);
      for (const [answer, map] of [
        [a, tokens.express],
        [b, tokens.fastify],
      ] as const) {
        const token = (answer.json as { data?: { signIn?: { accessToken?: string } } } | null)?.data
          ?.signIn?.accessToken;
        if (token) map.set(7, token);
      }
      const same =
        a.status === b.status &&
        isDeepStrictEqual(normalise(a.json), normalise(b.json)) &&
        cookieShape(a.headers['set-cookie']) === cookieShape(b.headers['set-cookie']);
      const errors = (a.json as { errors?: { extensions?: Record<string, unknown> }[] } | null)
        ?.errors;
      const codes = errors
        ?.map(
          (error) =>
            `${String(error.extensions?.['code'])}/${String(error.extensions?.['reason'])}`,
        )
        .join(', ');
      console.log(
        `${same ? 'same   ' : 'DIFFERS'} ${call.label.padEnd(44)} ${a.status}` +
          (a.status === b.status ? '' : ` vs ${b.status}`) +
          (codes ? `  ${codes}` : '') +
          (a.headers['set-cookie'] ? `  cookies: ${cookieShape(a.headers['set-cookie'])}` : ''),
      );
      if (!same) {
        differences++;
        console.log(`    express: ${JSON.stringify(normalise(a.json)).slice(0, 600)}`);
        console.log(`    fastify: ${JSON.stringify(normalise(b.json)).slice(0, 600)}`);
        if (a.headers['set-cookie'] || b.headers['set-cookie']) {
          console.log(`    express cookies: ${cookieShape(a.headers['set-cookie'])}`);
          console.log(`    fastify cookies: ${cookieShape(b.headers['set-cookie'])}`);
        }
      }
      for (const name of new Set([...Object.keys(a.headers), ...Object.keys(b.headers)])) {
        if (VOLATILE_HEADERS.has(name) || a.headers[name] === b.headers[name]) continue;
        const diff = `express ${a.headers[name] ?? '(none)'} / fastify ${b.headers[name] ?? '(none)'}`;
        headerDiffs.set(name, [...(headerDiffs.get(name) ?? []), `${call.label}: ${diff}`]);
      }
      if ((a.headers['x-request-id'] === undefined) !== (b.headers['x-request-id'] === undefined)) {
        const side = a.headers['x-request-id'] === undefined ? 'fastify' : 'express';
        headerDiffs.set('x-request-id', [
          ...(headerDiffs.get('x-request-id') ?? []),
          `${call.label}: only ${side} sends it`,
        ]);
      }
    }
  } finally {
    await Promise.all([express.stop(), fastify.stop()]);
  }
  console.log('\nHeaders that differ:');
  for (const [name, diffs] of headerDiffs) {
    const shown = diffs.length > 3 ? [...diffs.slice(0, 3), `… ${diffs.length} answers`] : diffs;
    console.log(`  ${name}:\n    ${shown.join('\n    ')}`);
  }
  console.log(
    `\n${differences === 0 ? 'All answers identical' : `${differences} answer(s) differ`}`,
  );
  if (differences > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
