/**
 * HTTP benchmark (`npm run bench`, or `tsx tests/benchmarks/http/harness.ts`): starts the built
 * API in production mode against a seeded database and drives it over HTTP with autocannon,
 * printing p50 / p95 / p99 latency and throughput for the proposals list (every order, with and
 * without filters), the proposal page with its first comments, French search (a selective and a
 * common word), castVote under a mixed read/write load and submitProposal. In the same run it
 * replays the list's SQL straight through `pg` and prints GraphQL throughput as a share of it,
 * checks that the vote counters still equal the vote rows, and prints the budgets of issue 9 with
 * PASS / MISS. It asserts no timing (it is not part of `npm test`); it exits non-zero only when
 * the counters disagree with the rows or the run itself fails.
 *
 * Environment:
 * - BENCH_DATABASE_URL: a database seeded by `npm run bench:seed -- --tier <tier>`; unset,
 *   `passerelle_bench_<tier>` on DATABASE_URL's server, seeded first unless it already holds the
 *   benchmark data (BENCH_RESEED=1 drops and seeds it again).
 * - BENCH_TIER (S, M or L; default S): which budgets apply.
 * - BENCH_FRESH=1: anonymous reads ask for fresh answers (`Cache-Control: no-cache`), to measure
 *   what the API computes rather than what its public-read cache serves. The throughput / raw SQL
 *   ratio always does.
 * - BENCH_DURATION: seconds per scenario (default 10). BENCH_PAGE_SIZE: list page (default 20).
 * - BENCH_API_DIST: the build to start (default dist; built first when missing).
 * - BENCH_ACCOUNTS: signed-in participants for the writes (default 40).
 * - BENCH_SEARCH_SELECTIVE / BENCH_SEARCH_COMMON: the search words (default: picked from the data).
 * - BENCH_SCENARIOS: groups to run, comma-separated (default all): orders, filters, throughput
 *   (maximum list throughput and raw SQL), page, search, vote, submit, moderation.
 * - BENCH_CPU_PROFILE: a folder; the API writes a V8 CPU profile there when it stops
 *   (open it in Chrome DevTools → Performance, or speedscope).
 */
import * as path from 'node:path';
import pg from 'pg';
import { type CapturedStatement, ROOT, type RunningApi, startApi } from '../support/http-api';
import {
  formatLoad,
  type GraphqlRequest,
  LOAD_HEADER,
  type LoadResult,
  processCpuMs,
  runLoad,
} from '../support/http-load';
import {
  body,
  LIST_ORDERS,
  type ListFilter,
  listBody,
  OPERATIONS,
  type OrderBy,
  PROPOSAL_PAGE,
} from './operations';
import { BENCH_PASSWORD, benchEmail, SEARCH_WORDS, seedTier } from '../seed/seed-tier';
import { type RawSqlResult, replaySql } from './raw-sql';

type Tier = 'S' | 'M' | 'L';

const TIER = (process.env['BENCH_TIER'] ?? 'S').toUpperCase() as Tier;
const DURATION = Number(process.env['BENCH_DURATION'] ?? 10);
const PAGE_SIZE = Number(process.env['BENCH_PAGE_SIZE'] ?? 20);
const FRESH = process.env['BENCH_FRESH'] === '1';
const ACCOUNTS = Number(process.env['BENCH_ACCOUNTS'] ?? 40);
const DIST = path.resolve(ROOT, process.env['BENCH_API_DIST'] ?? 'dist');
const SERVER_URL = process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Rates named by the budgets, and the (unbudgeted) rates of the other reads. */
const RATES = {
  list: 200,
  vote: 50,
  mixedList: 25,
  page: 50,
  search: 20,
  submit: 5,
  moderation: 10,
};
/** Connections for fixed-rate runs (enough to hold the rate at ~100 ms per request) and max runs. */
const CONNECTIONS = { fixed: 20, max: 10 };
const PUBLIC_STATUSES = ['PUBLISHED', 'UNDER_REVIEW', 'SELECTED', 'NOT_RETAINED', 'RETAINED'];

/** BENCH_SCENARIOS: comma-separated groups to run (default all). */
const SCENARIOS = (
  process.env['BENCH_SCENARIOS'] ?? 'orders,filters,throughput,page,search,vote,submit,moderation'
)
  .split(',')
  .map((name) => name.trim());
const wants = (group: string) => SCENARIOS.includes(group);

const random = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
const fixed = (value: number, digits = 1) => value.toFixed(digits);

if (!['S', 'M', 'L'].includes(TIER)) throw new Error(`BENCH_TIER must be S, M or L, not ${TIER}`);

// ---------------------------------------------------------------------------------------------
// The database and what the scenarios use of it

/**
 * BENCH_DATABASE_URL; else `passerelle_bench_<tier>` on DATABASE_URL's server: reused when it
 * already holds the benchmark data, created and seeded with the seed's own `seedTier` otherwise
 * (or when BENCH_RESEED=1, which drops it first).
 */
async function benchDatabase(): Promise<string> {
  const given = process.env['BENCH_DATABASE_URL'];
  if (given) return given;
  const name = `passerelle_bench_${TIER.toLowerCase()}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  try {
    if (process.env['BENCH_RESEED'] === '1') {
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    }
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount && (await holdsBenchData(url.toString()))) {
      console.log(`BENCH_DATABASE_URL is unset: reusing ${name} (BENCH_RESEED=1 seeds it again)`);
      return url.toString();
    }
    if (exists.rowCount) {
      await admin.query(`DROP DATABASE ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)} TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  console.log(`BENCH_DATABASE_URL is unset: seeding tier ${TIER} into ${name}…`);
  await seedTier({ url: url.toString(), tier: TIER });
  return url.toString();
}

async function holdsBenchData(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ ok: boolean }>(
      `SELECT to_regclass('public.consultations') IS NOT NULL
         AND EXISTS (SELECT 1 FROM "users" WHERE "email" = $1) AS "ok"`,
      [benchEmail(ACCOUNTS + 3)],
    );
    return rows[0]?.ok ?? false;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

interface BenchData {
  counts: { proposals: number; votes: number; comments: number; users: number };
  themeSlug: string;
  territoryId: string;
  search: { selective: string; selectiveMatches: number; common: string; commonMatches: number };
  /** Public proposals with comments, for the proposal page. */
  pageIds: string[];
  /** Proposals open to votes. */
  voteIds: string[];
  submit: { consultationId: string; themeIds: string[]; territoryId: string } | null;
}

async function one<T>(client: pg.Client, text: string, values: unknown[] = []): Promise<T> {
  const { rows } = await client.query(text, values);
  return rows[0] as T;
}

async function matches(client: pg.Client, word: string): Promise<number> {
  const row = await one<{ n: number }>(
    client,
    `SELECT count(*)::int AS n FROM "proposals"
     WHERE "searchVector" @@ websearch_to_tsquery('french_unaccent', $1)`,
    [word],
  );
  return row.n;
}

/**
 * A selective word (in at most 0.5 % of proposals, at least one) and a common one (in at least
 * 5 %): the seed's SEARCH_WORDS first (tests/benchmarks/seed), else words sampled from the data.
 */
async function searchWords(client: pg.Client, proposals: number): Promise<BenchData['search']> {
  const sample = await client.query<{ text: string }>(
    `SELECT "title" || ' ' || "summary" AS "text"
     FROM "proposals" TABLESAMPLE SYSTEM (${proposals > 50_000 ? 1 : 100}) REPEATABLE (1)
     LIMIT 3000`,
  );
  const frequency = new Map<string, number>();
  for (const { text } of sample.rows) {
    const words = new Set(text.toLowerCase().match(/\p{L}{6,}/gu) ?? []);
    for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  const byFrequency = [...frequency.entries()].sort((a, b) => b[1] - a[1]);
  const seedWords = SEARCH_WORDS.filter((word) => !word.includes(' '));
  const pickWord = async (candidates: string[], fits: (n: number) => boolean) => {
    for (const word of candidates) {
      const n = await matches(client, word);
      if (fits(n)) return { word, n };
    }
    const word = candidates[0] ?? 'économie';
    return { word, n: await matches(client, word) };
  };
  const env = (name: string) => (process.env[name] ? [process.env[name]] : []);
  const selective = await pickWord(
    [
      ...env('BENCH_SEARCH_SELECTIVE'),
      ...seedWords,
      ...byFrequency.filter(([, n]) => n === 1).map(([word]) => word),
    ].slice(0, 30),
    (n) => n >= 1 && n <= Math.max(1, proposals * 0.005),
  );
  const common = await pickWord(
    [...env('BENCH_SEARCH_COMMON'), ...seedWords, ...byFrequency.map(([word]) => word)].slice(
      0,
      30,
    ),
    (n) => n >= proposals * 0.05,
  );
  return {
    selective: selective.word,
    selectiveMatches: selective.n,
    common: common.word,
    commonMatches: common.n,
  };
}

const OPEN_PHASE = (kind: 'VOTING' | 'PROPOSING') => `EXISTS (
  SELECT 1 FROM "consultation_phases" ph WHERE ph."consultationId" = p."consultationId"
    AND ph."kind" = '${kind}' AND ph."startsAt" <= now() AND (ph."endsAt" IS NULL OR ph."endsAt" > now()))`;

/**
 * VACUUM (ANALYZE) of the database before measuring, as autovacuum would have done by then: the
 * PostgreSQL of these machines runs with autovacuum off, and after an opinion-groups run or a
 * previous harness run the rows it rewrote leave index-only scans (the ranks, the counts) reading
 * the table (6 186 heap fetches, 60 ms for one rank at tier M). BENCH_VACUUM=0 skips it.
 */
async function vacuum(client: pg.Client): Promise<void> {
  if (process.env['BENCH_VACUUM'] === '0') return;
  const started = performance.now();
  await client.query('VACUUM (ANALYZE)');
  console.log(`VACUUM (ANALYZE): ${fixed((performance.now() - started) / 1000, 1)} s`);
}

async function discover(url: string): Promise<BenchData> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await vacuum(client);
    const counts = await one<BenchData['counts']>(
      client,
      `SELECT (SELECT count(*) FROM "proposals")::int AS "proposals",
              (SELECT count(*) FROM "votes")::int AS "votes",
              (SELECT count(*) FROM "comments")::int AS "comments",
              (SELECT count(*) FROM "users")::int AS "users"`,
    );
    const theme = await one<{ slug: string }>(
      client,
      `SELECT t."slug" FROM "themes" t ORDER BY t."position", t."slug" LIMIT 1`,
    );
    // The région holding the most proposals of a sample (its départements and communes included).
    const territory = await one<{ id: string } | undefined>(
      client,
      `WITH RECURSIVE up("start", "id", "parentId", "level") AS (
         SELECT t."id", t."id", t."parentId", t."level"::text FROM "territories" t
         WHERE t."id" IN (SELECT "territoryId" FROM "proposals" TABLESAMPLE SYSTEM (5) REPEATABLE (1) LIMIT 2000)
         UNION ALL
         SELECT up."start", t."id", t."parentId", t."level"::text
         FROM up JOIN "territories" t ON t."id" = up."parentId")
       SELECT up."id" FROM up WHERE up."level" = 'REGION'
       GROUP BY up."id" ORDER BY count(*) DESC LIMIT 1`,
    );
    // The same choices from one run to the next on the same data.
    await client.query('SELECT setseed(0.42)');
    const sampled = (where: string, limit: number) =>
      client
        .query<{ id: string }>(
          `SELECT p."id" FROM "proposals" p
           WHERE ${where} AND p."hiddenAt" IS NULL ORDER BY random() LIMIT ${limit}`,
        )
        .then(({ rows }) => rows.map((row) => row.id));
    const publicStatuses = PUBLIC_STATUSES.map((status) => `'${status}'`).join(', ');
    const pageIds = await sampled(
      `p."status"::text IN (${publicStatuses}) AND p."commentsCount" > 0`,
      500,
    );
    if (pageIds.length === 0) pageIds.push(...(await sampled(`p."status" = 'PUBLISHED'`, 500)));
    const voteIds = await sampled(`p."status" = 'PUBLISHED' AND ${OPEN_PHASE('VOTING')}`, 2000);
    const proposing = await one<{ id: string } | undefined>(
      client,
      `SELECT c."id" FROM "consultations" c JOIN "consultation_phases" ph
         ON ph."consultationId" = c."id" AND ph."kind" = 'PROPOSING'
         AND ph."startsAt" <= now() AND (ph."endsAt" IS NULL OR ph."endsAt" > now())
       ORDER BY c."slug" LIMIT 1`,
    );
    let submit: BenchData['submit'] = null;
    if (proposing) {
      const themes = await client.query<{ id: string }>(
        `SELECT "themeId" AS "id" FROM "consultation_themes" WHERE "consultationId" = $1
         UNION ALL
         SELECT "id" FROM "themes"
         WHERE NOT EXISTS (SELECT 1 FROM "consultation_themes" WHERE "consultationId" = $1)
         LIMIT 2`,
        [proposing.id],
      );
      const commune = await one<{ id: string }>(
        client,
        `SELECT "id" FROM "territories" WHERE "level" = 'COMMUNE' ORDER BY "id" LIMIT 1`,
      );
      submit = {
        consultationId: proposing.id,
        themeIds: themes.rows.map((row) => row.id).slice(0, 2),
        territoryId: commune.id,
      };
    }
    return {
      counts,
      themeSlug: theme.slug,
      territoryId: territory?.id ?? 'REGION-84',
      search: await searchWords(client, counts.proposals),
      pageIds,
      voteIds,
      submit,
    };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Counters against rows

interface CounterCheck {
  proposals: number;
  proposalsMismatched: number;
  collegeRowsMismatched: number;
  ms: number;
}

async function checkCounters(url: string): Promise<CounterCheck> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  try {
    const totals = await one<{ proposals: number; mismatched: number }>(
      client,
      `WITH counted AS (
         SELECT "proposalId",
           count(*) FILTER (WHERE "value" = 'FOR')::int AS f,
           count(*) FILTER (WHERE "value" = 'AGAINST')::int AS a,
           count(*) FILTER (WHERE "value" = 'NEUTRAL')::int AS n
         FROM "votes" GROUP BY "proposalId")
       SELECT count(*)::int AS "proposals",
         (count(*) FILTER (WHERE p."votesFor" <> coalesce(c.f, 0)
           OR p."votesAgainst" <> coalesce(c.a, 0) OR p."votesNeutral" <> coalesce(c.n, 0)))::int
           AS "mismatched"
       FROM "proposals" p LEFT JOIN counted c ON c."proposalId" = p."id"`,
    );
    const colleges = await one<{ mismatched: number }>(
      client,
      `WITH counted AS (
         SELECT "proposalId", "actorType",
           count(*) FILTER (WHERE "value" = 'FOR')::int AS f,
           count(*) FILTER (WHERE "value" = 'AGAINST')::int AS a,
           count(*) FILTER (WHERE "value" = 'NEUTRAL')::int AS n
         FROM "votes" GROUP BY "proposalId", "actorType")
       SELECT count(*)::int AS "mismatched"
       FROM "proposal_college_counts" pc FULL JOIN counted c USING ("proposalId", "actorType")
       WHERE coalesce(pc."votesFor", 0) <> coalesce(c.f, 0)
         OR coalesce(pc."votesAgainst", 0) <> coalesce(c.a, 0)
         OR coalesce(pc."votesNeutral", 0) <> coalesce(c.n, 0)`,
    );
    return {
      proposals: totals.proposals,
      proposalsMismatched: totals.mismatched,
      collegeRowsMismatched: colleges.mismatched,
      ms: performance.now() - started,
    };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Scenarios

async function post(
  api: RunningApi,
  payload: string,
  token?: string,
  headers: Record<string, string> = {},
): Promise<unknown> {
  const response = await fetch(api.graphqlUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: payload,
  });
  const json = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (json.errors?.length) throw new Error(`GraphQL error: ${json.errors[0].message}`);
  return json.data;
}

/** Signs in `count` seeded participants (bench-<n>@example.org), a few at a time (argon2). */
async function signIn(api: RunningApi, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let first = 1; first <= count; first += 4) {
    const batch = Array.from({ length: Math.min(4, count - first + 1) }, (_, i) => first + i);
    const answers = await Promise.all(
      batch.map((n) =>
        post(
          api,
          body(OPERATIONS.signIn, {
            input: { email: benchEmail(n), password: BENCH_PASSWORD },
          }),
        ),
      ),
    );
    for (const answer of answers) {
      tokens.push((answer as { signIn: { accessToken: string } }).signIn.accessToken);
    }
  }
  return tokens;
}

/**
 * `Cache-Control: no-cache` makes the API compute an anonymous read instead of answering it from
 * its public-read cache (the answer is still kept; list counts stay shared per filter set).
 */
const FRESH_HEADERS = { 'cache-control': 'no-cache' };

/** An anonymous read; from the API's memory when it holds the answer, unless BENCH_FRESH=1. */
const read = (payload: string, fresh = FRESH): (() => GraphqlRequest) => {
  const request = fresh ? { body: payload, headers: FRESH_HEADERS } : { body: payload };
  return () => request;
};

interface Results {
  lists: LoadResult[];
  listMax?: LoadResult;
  raw?: RawSqlResult;
  rawStatements: number;
  page?: LoadResult;
  searches: LoadResult[];
  vote?: LoadResult;
  mixedRead?: LoadResult;
  submit?: LoadResult;
}

/**
 * autocannon stops at its deadline without waiting for the requests in flight: give the API a
 * moment to answer them, so they do not weigh on the next scenario.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2000));

let apiPid = 0;

/** One run, with the API's CPU time per answered request (settling included: it answers late ones). */
async function measured(options: Parameters<typeof runLoad>[0]): Promise<LoadResult> {
  const before = processCpuMs(apiPid);
  const result = await runLoad(options);
  await settle();
  result.apiCpuMs = (processCpuMs(apiPid) - before) / Math.max(1, result.requests);
  return result;
}

async function scenario(
  results: LoadResult[] | null,
  options: Parameters<typeof runLoad>[0],
): Promise<LoadResult> {
  const result = await measured(options);
  console.log(formatLoad(result));
  if (result.firstError) console.log(`    first error: ${result.firstError.replace(/\s+/g, ' ')}`);
  results?.push(result);
  return result;
}

const fixedRate = (api: RunningApi) => (rate: number) => ({
  url: api.graphqlUrl,
  durationSeconds: DURATION,
  connections: CONNECTIONS.fixed,
  rate,
});

async function run(api: RunningApi, url: string, data: BenchData): Promise<Results> {
  const results: Results = { lists: [], searches: [], rawStatements: 0 };
  const at = fixedRate(api);

  // Warm-up: JIT, connection pool, PostgreSQL's caches (not reported).
  const warmup = [
    ...LIST_ORDERS.map((order) => listBody(PAGE_SIZE, order)),
    body(PROPOSAL_PAGE, { id: data.pageIds[0] }),
    listBody(PAGE_SIZE, 'RELEVANCE', undefined, data.search.common),
  ];
  let turn = 0;
  await runLoad({
    name: 'warm-up',
    url: api.graphqlUrl,
    durationSeconds: Math.min(5, DURATION),
    connections: CONNECTIONS.max,
    next: () => ({ body: warmup[turn++ % warmup.length] }),
  });

  // The SQL of one default list request, captured while nothing else runs.
  await settle();
  // One computed answer first: the list's count is then shared for the cache's lifetime, as it
  // is all through the throughput run, so the capture holds what each request of that run sends.
  await post(api, listBody(PAGE_SIZE, 'NEWEST'), undefined, FRESH_HEADERS);
  const listStatements: CapturedStatement[] = await api.captureSql(() =>
    post(api, listBody(PAGE_SIZE, 'NEWEST'), undefined, FRESH_HEADERS),
  );
  console.log(
    `one list request (NEWEST, ${PAGE_SIZE}) ran ${listStatements.length} SQL statements:`,
  );
  for (const statement of listStatements) {
    console.log(`  ${statement.text.replace(/\s+/g, ' ').slice(0, 100)}`);
  }

  console.log(`\n${LOAD_HEADER}`);
  // The list: every order at the budget's rate, then filters.
  for (const order of wants('orders') ? LIST_ORDERS : []) {
    await scenario(results.lists, {
      ...at(RATES.list),
      name: `list ${order}`,
      next: read(listBody(PAGE_SIZE, order)),
    });
  }
  const filters: [string, OrderBy, ListFilter][] = [
    [`theme ${data.themeSlug}`, 'NEWEST', { themeSlugs: [data.themeSlug] }],
    [`territory ${data.territoryId}`, 'NEWEST', { territoryId: data.territoryId }],
    ['broad support', 'TOP', { broadSupport: true }],
    [
      'theme + territory + broad support',
      'HOT',
      { themeSlugs: [data.themeSlug], territoryId: data.territoryId, broadSupport: true },
    ],
  ];
  for (const [label, order, filter] of wants('filters') ? filters : []) {
    await scenario(results.lists, {
      ...at(RATES.list),
      name: `list ${order}, ${label}`,
      next: read(listBody(PAGE_SIZE, order, filter)),
    });
  }

  // Maximum throughput of the default list, and the same SQL straight through pg.
  if (wants('throughput')) await throughput(api, url, listStatements, results);
  if (wants('page')) await proposalPage(api, data, results);
  if (wants('search')) await search(api, data, results);
  if (wants('vote') || wants('submit')) await writes(api, data, results);
  if (wants('moderation')) await moderationQueue(api, url);
  return results;
}

/**
 * The moderation queue as the web app's moderation page asks for it (first page, most reported
 * first, with its count), by a moderator: signed-in reads are always computed. Unbudgeted: it
 * shows what finding the reported and hidden content costs among all the proposals and comments.
 */
async function moderationQueue(api: RunningApi, url: string): Promise<void> {
  const email = benchEmail(ACCOUNTS + 4);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`UPDATE users SET role = 'MODERATOR' WHERE email = $1`, [email]);
  } finally {
    await client.end();
  }
  const answer = await post(
    api,
    body(OPERATIONS.signIn, { input: { email, password: BENCH_PASSWORD } }),
  ).catch((error: unknown) => {
    console.log(`sign-in of ${email} failed, moderation queue skipped: ${String(error)}`);
    return null;
  });
  if (!answer) return;
  const token = (answer as { signIn: { accessToken: string } }).signIn.accessToken;
  const queue = body(OPERATIONS.moderationQueue, { first: 20, orderBy: 'MOST_REPORTED' });
  await scenario(null, {
    ...fixedRate(api)(RATES.moderation),
    name: 'moderation queue (moderator)',
    next: () => ({ body: queue, headers: { authorization: `Bearer ${token}` } }),
  });
}

async function throughput(
  api: RunningApi,
  url: string,
  statements: CapturedStatement[],
  results: Results,
): Promise<void> {
  const defaultList = listBody(PAGE_SIZE, 'NEWEST');
  results.listMax = await scenario(null, {
    url: api.graphqlUrl,
    durationSeconds: DURATION,
    connections: CONNECTIONS.max,
    name: 'list NEWEST, max throughput',
    // Computed every time: the ratio compares GraphQL's own work with the same SQL.
    next: read(defaultList, true),
  });
  results.rawStatements = statements.length;
  results.raw = await replaySql({
    url,
    statements,
    workers: CONNECTIONS.max,
    durationSeconds: DURATION,
  });
  console.log(
    `${'raw SQL of list NEWEST (' + statements.length + ' statements), max'}`.padEnd(58) +
      'max'.padStart(6) +
      fixed(results.raw.rps).padStart(8) +
      fixed(results.raw.p50).padStart(9) +
      fixed(results.raw.p95).padStart(9) +
      fixed(results.raw.p99).padStart(9) +
      ''.padStart(9) +
      String(results.raw.replays).padStart(10),
  );
}

/** The proposal page with its first comments, over many proposals. */
async function proposalPage(api: RunningApi, data: BenchData, results: Results): Promise<void> {
  const at = fixedRate(api);
  results.page = await scenario(null, {
    ...at(RATES.page),
    name: 'proposal page + first comments',
    next: () => read(body(PROPOSAL_PAGE, { id: random(data.pageIds) }))(),
  });
}

/** French search, ordered by relevance as the web app does. */
async function search(api: RunningApi, data: BenchData, results: Results): Promise<void> {
  const at = fixedRate(api);
  for (const [kind, word, n] of [
    ['selective', data.search.selective, data.search.selectiveMatches],
    ['common', data.search.common, data.search.commonMatches],
  ] as const) {
    await scenario(results.searches, {
      ...at(RATES.search),
      name: `search ${kind} «${word}» (${n} matches)`,
      next: read(listBody(PAGE_SIZE, 'RELEVANCE', undefined, word)),
    });
  }
}

/** castVote at 50 votes/s while the list is read, then submitProposal; signed in. */
async function writes(api: RunningApi, data: BenchData, results: Results): Promise<void> {
  const at = fixedRate(api);
  const tokens = await signIn(api, ACCOUNTS).catch((error: unknown) => {
    console.log(`sign-in of bench-<n>@example.org failed, writes skipped: ${String(error)}`);
    return [] as string[];
  });
  if (wants('vote') && tokens.length > 0 && data.voteIds.length > 0) {
    const values = ['FOR', 'AGAINST', 'NEUTRAL'] as const;
    const listBodies = LIST_ORDERS.map((order) => listBody(PAGE_SIZE, order));
    const [vote, mixedRead] = await Promise.all([
      runLoad({
        ...at(RATES.vote),
        name: `castVote (${tokens.length} accounts, ${data.voteIds.length} proposals)`,
        next: () => ({
          body: body(OPERATIONS.castVote, {
            input: { proposalId: random(data.voteIds), value: random(values) },
          }),
          headers: { authorization: `Bearer ${random(tokens)}` },
        }),
      }),
      runLoad({
        ...at(RATES.mixedList),
        name: '  meanwhile: list, every order, anonymous',
        next: () => read(random(listBodies))(),
      }),
    ]);
    await settle();
    for (const result of [vote, mixedRead]) {
      console.log(formatLoad(result));
      if (result.firstError) console.log(`    first error: ${result.firstError}`);
    }
    results.vote = vote;
    results.mixedRead = mixedRead;
  } else if (wants('vote')) {
    console.log('castVote skipped: no signed-in account or no proposal open to votes');
  }
  if (wants('submit') && tokens.length > 0 && data.submit) {
    const submit = data.submit;
    let serial = 0;
    results.submit = await scenario(null, {
      ...at(RATES.submit),
      connections: 5,
      name: 'submitProposal',
      next: () => {
        serial++;
        return {
          body: body(OPERATIONS.submitProposal, {
            input: {
              consultationId: submit.consultationId,
              title: `Banc d’essai : coopérative de quartier numéro ${serial} ${Date.now()}`,
              summary: 'Une proposition écrite par le banc d’essai HTTP pour mesurer le dépôt.',
              body: 'Créer une coopérative de quartier qui mutualise les achats, les outils et les savoir-faire des habitants, avec une gouvernance partagée.',
              themeIds: submit.themeIds.slice(0, 1),
              territoryId: submit.territoryId,
              competentLevel: 'COMMUNE',
              lever: 'EXPERIMENTATION',
            },
          }),
          headers: { authorization: `Bearer ${tokens[serial % tokens.length]}` },
        };
      },
    });
  } else if (wants('submit')) {
    console.log(
      'submitProposal skipped: no signed-in account or no consultation open to proposals',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Budgets

interface BudgetLine {
  tier: Tier;
  label: string;
  measured: string;
  pass: boolean;
}

/** A fixed-rate run only counts if it held its rate without errors. */
function held(result: LoadResult | undefined): boolean {
  return (
    !!result &&
    result.failures + result.graphqlErrors === 0 &&
    (!result.rate || result.rps >= 0.95 * result.rate)
  );
}

function latencyLine(
  tier: Tier,
  label: string,
  results: (LoadResult | undefined)[],
  limit: number,
): BudgetLine {
  const present = results.filter((result): result is LoadResult => !!result);
  if (present.length === 0) return { tier, label, measured: 'not measured', pass: false };
  const worst = present.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  const unheld = present.filter((result) => !held(result));
  return {
    tier,
    label,
    measured:
      `worst p95 ${fixed(worst.p95)} ms (${worst.name.trim()})` +
      (unheld.length ? `; ${unheld.length} run(s) missed the rate or had errors` : ''),
    pass: worst.p95 <= limit && unheld.length === 0,
  };
}

function budgets(results: Results): BudgetLine[] {
  const ratio = results.raw && results.listMax ? results.listMax.rps / results.raw.rps : Number.NaN;
  return [
    latencyLine('M', 'list p95 ≤ 50 ms at 200 req/s', results.lists, 50),
    latencyLine('M', 'proposal page p95 ≤ 80 ms', [results.page], 80),
    latencyLine('M', 'castVote p95 ≤ 100 ms at 50 votes/s', [results.vote], 100),
    latencyLine('M', 'search p95 ≤ 150 ms', results.searches, 150),
    {
      tier: 'M',
      label: 'GraphQL list throughput ≥ 20 % of raw SQL',
      measured: `${fixed(100 * ratio)} % (${fixed(results.listMax?.rps ?? 0)} / ${fixed(results.raw?.rps ?? 0)} req/s)`,
      pass: ratio >= 0.2,
    },
    latencyLine('L', 'list p95 ≤ 100 ms at 200 req/s', results.lists, 100),
  ];
}

function printBudgets(lines: BudgetLine[]): void {
  console.log(`\nBudgets (issue 9), measured on tier ${TIER}:`);
  for (const line of lines) {
    const verdict =
      line.tier === TIER ? (line.pass ? 'PASS' : 'MISS') : `(${line.pass ? 'pass' : 'miss'})`;
    console.log(
      `  ${verdict.padEnd(7)} tier ${line.tier}: ${line.label.padEnd(44)} ${line.measured}`,
    );
  }
  if (lines.some((line) => line.tier !== TIER)) {
    console.log(
      `  (lowercase in parentheses: the budget is set for another tier; shown for reference only)`,
    );
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  const url = await benchDatabase();
  const data = await discover(url);
  const { counts } = data;
  console.log(
    `HTTP benchmark, tier ${TIER}: ${counts.proposals} proposals, ${counts.votes} votes, ` +
      `${counts.comments} comments, ${counts.users} accounts (${new URL(url).pathname.slice(1)})`,
  );
  console.log(
    `${DURATION} s per scenario, pages of ${PAGE_SIZE}; search words «${data.search.selective}» ` +
      `(${data.search.selectiveMatches} matches) and «${data.search.common}» (${data.search.commonMatches}); ` +
      `filters: theme ${data.themeSlug}, territory ${data.territoryId}`,
  );
  const profile = process.env['BENCH_CPU_PROFILE'];
  const api = await startApi({
    distDir: DIST,
    databaseUrl: url,
    nodeOptions: profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profile)}`] : [],
  });
  apiPid = api.pid;
  console.log(`API: ${path.relative(ROOT, DIST) || '.'}/api/main.js, pid ${api.pid}, production`);
  let results: Results;
  try {
    results = await run(api, url, data);
  } finally {
    await api.stop();
  }
  const check = await checkCounters(url);
  const countersOk = check.proposalsMismatched === 0 && check.collegeRowsMismatched === 0;
  console.log(
    `\nCounters: ${check.proposals} proposals, ${check.proposalsMismatched} with totals ≠ COUNT(*) of ` +
      `their votes, ${check.collegeRowsMismatched} proposal_college_counts rows ≠ COUNT(*) ` +
      `(${fixed(check.ms, 0)} ms): ${countersOk ? 'OK' : 'MISMATCH'}`,
  );
  printBudgets(budgets(results));
  console.log(`\nTotal ${fixed((performance.now() - started) / 1000, 0)} s`);
  if (!countersOk) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
