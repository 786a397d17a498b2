/**
 * Benchmark of the real opinion-groups job (apps/api/src/modules/opinions) end to end against
 * PostgreSQL, at the scale it must handle: 100 000 participants × 10 000 proposals.
 *
 *   npm run bench:opinion-job   (or: npx tsx tests/benchmarks/opinion-job.bench.ts)
 *   PARTICIPANTS=20000 PROPOSALS=2000 npm run bench:opinion-job   (a smaller run)
 *   KEEP_DATABASE=1 npm run bench:opinion-job   (keeps the database, to EXPLAIN the statements)
 *
 * It provisions a fresh migrated database (a new database on DATABASE_URL's server when set,
 * else an embedded PostgreSQL; dropped at the end), loads one consultation with the seeded votes
 * of consensus.bench.ts (tests/benchmarks/support/vote-generator.ts) in bulk, boots the API
 * module without listening, then times the job's steps (read the vote matrix, compute, write the
 * run) and one whole run of the job, and checks the stored figures. CPU times are this process'
 * (the database server's are not counted); the bench prints figures, it asserts no timing.
 */
import 'reflect-metadata';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import type * as Bootstrap from '../../apps/api/src/bootstrap';
import type * as ConfigSchema from '../../apps/api/src/config/config.schema';
import type * as Job from '../../apps/api/src/modules/opinions/opinion-groups.job';
import type * as Repository from '../../apps/api/src/modules/opinions/opinions.repository';
import { computeOpinionGroupsFromMatrix } from '../../libs/domain/src/consensus';
import { registerApiSources } from './support/api-sources';
import { SEED, generateVotes, memory, timed, timedAsync } from './support/vote-generator';

const PARTICIPANTS = Number(process.env['PARTICIPANTS'] ?? 100_000);
const PROPOSALS = Number(process.env['PROPOSALS'] ?? 10_000);
/** Leaves the database in place at the end (to EXPLAIN the job's statements); drop it yourself. */
const KEEP_DATABASE = process.env['KEEP_DATABASE'] === '1';
/** Vote rows per INSERT statement of the load. */
const BATCH = 100_000;
const VALUES = ['FOR', 'AGAINST', 'NEUTRAL'] as const;
const ROOT = path.resolve(__dirname, '../..');

/** Deterministic ids: row i of generate_series / of the generator gets `<prefix><12 hex digits>`. */
const USER_PREFIX = '00000000-0000-4000-8000-';
const PROPOSAL_PREFIX = '00000000-0000-4000-9000-';
const CONSULTATION_ID = '00000000-0000-4000-a000-000000000001';
const idSql = (prefix: string, index: string) =>
  `('${prefix}' || lpad(to_hex(${index}), 12, '0'))::uuid`;

/** tools/lib/database.mjs (plain JavaScript, no declarations): what this bench uses of it. */
interface DatabaseTools {
  provisionEphemeralDatabase(): Promise<{
    url: string;
    kind: 'server' | 'embedded';
    dispose(): Promise<void>;
  }>;
  seed(url: string, options: { referenceOnly: boolean }): Promise<string>;
}
type Database = Awaited<ReturnType<DatabaseTools['provisionEphemeralDatabase']>>;

async function provision(): Promise<Database> {
  const databaseTools = pathToFileURL(path.join(ROOT, 'tools/lib/database.mjs')).href;
  const { provisionEphemeralDatabase, seed } = (await import(databaseTools)) as DatabaseTools;
  const database = await provisionEphemeralDatabase();
  try {
    await seed(database.url, { referenceOnly: true });
  } catch (error) {
    await database.dispose().catch(() => undefined);
    throw error;
  }
  return database;
}

interface GeneratedVotes {
  participants: Int32Array;
  proposals: Int32Array;
  /** Index in VALUES. */
  values: Int8Array;
  count: number;
}

/** The seeded votes as typed arrays: millions of votes never become objects here either. */
function generate(): GeneratedVotes {
  let participants = new Int32Array(1 << 20);
  let proposals = new Int32Array(1 << 20);
  let values = new Int8Array(1 << 20);
  let count = 0;
  generateVotes(PARTICIPANTS, PROPOSALS, (i, j, value) => {
    if (count === values.length) {
      const grown = <A extends Int32Array | Int8Array>(from: A, to: A): A => {
        to.set(from);
        return to;
      };
      participants = grown(participants, new Int32Array(2 * count));
      proposals = grown(proposals, new Int32Array(2 * count));
      values = grown(values, new Int8Array(2 * count));
    }
    participants[count] = i;
    proposals[count] = j;
    values[count] = VALUES.indexOf(value);
    count++;
  });
  return { participants, proposals, values, count };
}

/** One consultation, its participants, its published proposals and their votes, in bulk. */
async function load(url: string, votes: GeneratedVotes): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "consultations" ("id", "slug", "title", "description", "updatedAt")
       VALUES ($1, 'banc-d-essai-groupes-d-opinion', 'Banc d''essai des groupes d''opinion',
         'Consultation générée par le banc d''essai du calcul des groupes d''opinion.', now())`,
      [CONSULTATION_ID],
    );
    await client.query(
      `INSERT INTO "users" ("id", "email", "displayName", "passwordHash", "updatedAt")
       SELECT ${idSql(USER_PREFIX, 'i')}, 'participant-' || i || '@banc.passerelle.test',
         'Participant ' || i, 'pas-un-mot-de-passe', now()
       FROM generate_series(0, $1::int - 1) AS i`,
      [PARTICIPANTS],
    );
    await client.query(
      `INSERT INTO "proposals" ("id", "consultationId", "authorId", "title", "summary", "body",
         "territoryId", "competentLevel", "lever", "status", "publishedAt", "updatedAt")
       SELECT ${idSql(PROPOSAL_PREFIX, 'j')}, $1::uuid, ${idSql(USER_PREFIX, 'j % $3::int')},
         'Proposition ' || j, 'Résumé de la proposition ' || j,
         'Texte de la proposition ' || j || ' du banc d''essai.',
         (SELECT "id" FROM "territories" ORDER BY "id" LIMIT 1), 'STATE', 'LAW', 'PUBLISHED',
         now(), now()
       FROM generate_series(0, $2::int - 1) AS j`,
      [CONSULTATION_ID, PROPOSALS, PARTICIPANTS],
    );
    for (let first = 0; first < votes.count; first += BATCH) {
      const end = Math.min(first + BATCH, votes.count);
      await client.query(
        `INSERT INTO "votes" ("id", "proposalId", "userId", "value", "actorType", "updatedAt")
         SELECT gen_random_uuid(), ${idSql(PROPOSAL_PREFIX, 'v.j')}, ${idSql(USER_PREFIX, 'v.i')},
           ($4::"VoteValue"[])[v.value + 1], 'CITIZEN', now()
         FROM unnest($1::int[], $2::int[], $3::int[]) AS v(i, j, value)`,
        [
          Array.from(votes.participants.subarray(first, end)),
          Array.from(votes.proposals.subarray(first, end)),
          Array.from(votes.values.subarray(first, end)),
          VALUES,
        ],
      );
    }
    // The job reads the consultation as a production database would have it: vacuumed, analysed.
    await client.query('VACUUM ANALYZE "users", "proposals", "votes"');
  } finally {
    await client.end();
  }
}

/** Generates and loads the votes; returns how many (the arrays are garbage once loaded). */
async function generateAndLoad(url: string): Promise<number> {
  const votes = timed('generate votes', generate);
  console.log(`${votes.count} votes (${(votes.count / PARTICIPANTS).toFixed(1)} per participant)`);
  await timedAsync('load (bulk SQL, not job)', () => load(url, votes));
  return votes.count;
}

/** The real API module, without listening and without background jobs. */
async function bootApi(url: string): Promise<NestExpressApplication> {
  const load = registerApiSources();
  const { parseConfig } = load('apps/api/src/config/config.schema') as typeof ConfigSchema;
  const { createApp } = load('apps/api/src/bootstrap') as typeof Bootstrap;
  const config = parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: path.join(__dirname, 'no-web-app'),
    JOBS_ENABLED: 'false',
  });
  const app = await createApp(config);
  await app.init();
  return app;
}

/**
 * The steps job.run takes, one by one. Their matrix and result are garbage once this returns,
 * so the whole run that follows starts from the same memory.
 */
async function runSteps(repository: Repository.OpinionsRepository) {
  console.log('the job, step by step:');
  const matrix = await timedAsync('readVoteMatrix', () =>
    repository.readVoteMatrix(CONSULTATION_ID),
  );
  console.log(
    `matrix: ${matrix.participantIds.length} voters × ${matrix.proposalIds.length} proposals, ${matrix.columns.length} votes`,
  );
  const result = timed('compute (domain)', () => computeOpinionGroupsFromMatrix(matrix));
  await timedAsync('replaceRun (no run before)', () =>
    repository.replaceRun(CONSULTATION_ID, result, matrix.columns.length, new Date()),
  );
  return result.quality;
}

interface StoredFigures {
  members: number;
  voters: number;
  groupVotes: number;
  clusteredVotes: number;
  votedProposals: number;
  votedUnscored: number;
  runVotes: number;
}

/** The figures the run stored, and what they must agree with. */
async function storedFigures(url: string): Promise<StoredFigures> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<StoredFigures>(
      `WITH "consultationVotes" AS (
         SELECT v."userId", v."proposalId" FROM "votes" v
         JOIN "proposals" p ON p."id" = v."proposalId" WHERE p."consultationId" = $1::uuid
       )
       SELECT
         (SELECT count(*) FROM "opinion_group_members" WHERE "consultationId" = $1::uuid)::int
           AS "members",
         (SELECT count(DISTINCT "userId") FROM "consultationVotes")::int AS "voters",
         (SELECT coalesce(sum(g."agree" + g."disagree" + g."pass"), 0) FROM "proposal_group_votes" g
           JOIN "proposals" p ON p."id" = g."proposalId" WHERE p."consultationId" = $1::uuid)::int
           AS "groupVotes",
         (SELECT count(*) FROM "consultationVotes" v JOIN "opinion_group_members" m
           ON m."consultationId" = $1::uuid AND m."userId" = v."userId"
           WHERE m."isClustered" AND m."groupId" IS NOT NULL)::int AS "clusteredVotes",
         (SELECT count(DISTINCT "proposalId") FROM "consultationVotes")::int AS "votedProposals",
         (SELECT count(*) FROM "proposals" p WHERE p."consultationId" = $1::uuid
           AND p."scoreConsensus" = 0
           AND EXISTS (SELECT 1 FROM "votes" v WHERE v."proposalId" = p."id"))::int
           AS "votedUnscored",
         (SELECT "votesCount" FROM "opinion_group_runs" WHERE "consultationId" = $1::uuid)
           AS "runVotes"`,
      [CONSULTATION_ID],
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

const verdict = (ok: boolean) => (ok ? 'OK' : 'MISMATCH');

async function main() {
  console.log(
    `opinion-groups job benchmark: ${PARTICIPANTS} participants × ${PROPOSALS} proposals, seed ${SEED}, one consultation`,
  );
  console.log(`start                                   ${memory()}`);
  const database = await timedAsync('provision database', provision);
  let app: NestExpressApplication | undefined;
  try {
    console.log(
      `database: ${database.kind === 'embedded' ? 'embedded PostgreSQL' : new URL(database.url).pathname.slice(1)}`,
    );
    const voteCount = await generateAndLoad(database.url);
    app = await timedAsync('boot the API module', () => bootApi(database.url));
    const load = registerApiSources();
    const { OpinionsRepository } = load(
      'apps/api/src/modules/opinions/opinions.repository',
    ) as typeof Repository;
    const { OpinionGroupsJob } = load(
      'apps/api/src/modules/opinions/opinion-groups.job',
    ) as typeof Job;
    const repository = app.get(OpinionsRepository);
    const job = app.get(OpinionGroupsJob);

    const quality = await runSteps(repository);
    const summary = await timedAsync('job.run (whole job, again)', () => job.run(CONSULTATION_ID));
    console.log(
      `k = ${quality.k}, silhouette ${quality.silhouette?.toFixed(3)}, ` +
        `${quality.participantsClustered} participants clustered, ${quality.proposalsMapped} proposals mapped; ` +
        `job.run: k = ${summary?.groupCount}, ${summary?.votesCount} votes, ${summary?.durationMs} ms`,
    );
    const stored = await storedFigures(database.url);
    console.log(
      `check: ${stored.members} group members, ${stored.voters} distinct voters: ${verdict(stored.members === stored.voters)}`,
    );
    console.log(
      `check: ${stored.groupVotes} votes in proposal_group_votes, ${stored.clusteredVotes} votes of clustered participants: ${verdict(stored.groupVotes === stored.clusteredVotes)}`,
    );
    console.log(
      `check: ${stored.votedUnscored} of ${stored.votedProposals} voted proposals with scoreConsensus 0: ${verdict(stored.votedUnscored === 0)}`,
    );
    console.log(
      `check: run votesCount ${stored.runVotes}, ${voteCount} votes loaded: ${verdict(stored.runVotes === voteCount)}`,
    );
  } finally {
    await app?.close();
    if (KEEP_DATABASE) console.log(`database kept (KEEP_DATABASE): ${database.url}`);
    else await database.dispose();
  }
  console.log(`end                                     ${memory()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
