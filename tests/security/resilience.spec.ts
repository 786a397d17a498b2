import { existsSync } from 'node:fs';
import { type ActorType } from '../../apps/api/src/generated/prisma/client';
import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
  PHASES,
} from '../factories';
import {
  acknowledgedCount,
  API_MAIN,
  type ApiProcess,
  freePort,
  type LoadResult,
  readyStatus,
  runLoad,
  signIn,
  startApi,
  until,
  type VoteAttempt,
  type VoteValue,
  waitReady,
} from './support/resilience-api';
import { DedicatedPostgres } from './support/resilience-postgres';

// Resilience of the built API (`node dist/api/main.js`) under a steady load of votes, on a
// PostgreSQL of its own (never the shared server): PostgreSQL restarted mid-load, then the API
// process killed mid-load. Whatever happens, an acknowledged vote is stored and every counter
// equals its vote rows.
const COLLEGES: ActorType[] = ['CITIZEN', 'ASSOCIATION', 'ESS_ENTERPRISE', 'SME', 'UNIVERSITY'];
const VALUES: VoteValue[] = ['FOR', 'AGAINST', 'NEUTRAL'];
const UNAVAILABLE_MESSAGE = 'Service momentanément indisponible, réessayez';

interface Fixture {
  participants: { id: string; email: string; password: string }[];
  proposals: string[];
}

async function createFixture(participants: number, proposals: number): Promise<Fixture> {
  const consultation = await createConsultation({ phases: PHASES.proposingClosed() });
  const author = await createUser();
  const proposalIds: string[] = [];
  for (let i = 0; i < proposals; i += 1) {
    proposalIds.push(
      (await createProposal({ consultationId: consultation.id, authorId: author.id })).id,
    );
  }
  const users: Fixture['participants'] = [];
  for (let i = 0; i < participants; i += 1) {
    users.push(await createUser({ actorType: COLLEGES[i % COLLEGES.length] }));
  }
  return { participants: users, proposals: proposalIds };
}

/**
 * Signs every participant in, then one vote per participant and proposal, interleaved so
 * concurrent votes hit the same rows.
 */
async function attemptsOf(api: ApiProcess, fixture: Fixture): Promise<VoteAttempt[]> {
  const tokens: string[] = [];
  for (const user of fixture.participants)
    tokens.push(await signIn(api, user.email, user.password));
  const attempts: VoteAttempt[] = [];
  fixture.participants.forEach((user, u) =>
    fixture.proposals.forEach((proposalId, p) =>
      attempts.push({
        userId: user.id,
        token: tokens[u],
        proposalId,
        value: VALUES[(u + p) % VALUES.length],
      }),
    ),
  );
  // A fixed shuffle (no randomness in the test): stride through the list.
  const stride = 7;
  return attempts.map((_, i) => attempts[(i * stride) % attempts.length]);
}

/** Every acknowledged vote is stored with its value. Returns the ones missing. */
async function missingAcknowledgedVotes(results: LoadResult[]): Promise<VoteAttempt[]> {
  const acknowledged = results
    .filter((result) => result.outcome.kind === 'acknowledged')
    .map((result) => result.attempt);
  const rows = await factoryPrisma().vote.findMany({
    where: { proposalId: { in: [...new Set(acknowledged.map((a) => a.proposalId))] } },
    select: { userId: true, proposalId: true, value: true },
  });
  const stored = new Set(rows.map((row) => `${row.userId}/${row.proposalId}/${row.value}`));
  return acknowledged.filter((a) => !stored.has(`${a.userId}/${a.proposalId}/${a.value}`));
}

/** Proposals or collège rows whose counters differ from COUNT(*) of their vote rows. */
async function counterMismatches(proposalIds: string[]): Promise<unknown[]> {
  const prisma = factoryPrisma();
  const proposals = await prisma.$queryRaw<unknown[]>`
    SELECT p.id, p."votesFor", p."votesAgainst", p."votesNeutral", v.f, v.a, v.n
    FROM proposals p
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE value = 'FOR')::int AS f,
             count(*) FILTER (WHERE value = 'AGAINST')::int AS a,
             count(*) FILTER (WHERE value = 'NEUTRAL')::int AS n
      FROM votes WHERE "proposalId" = p.id
    ) v ON true
    WHERE p.id = ANY(${proposalIds}::uuid[])
      AND (p."votesFor", p."votesAgainst", p."votesNeutral") <> (v.f, v.a, v.n)`;
  // Every (proposal, collège) that has votes or a counter row, compared both ways.
  const colleges = await prisma.$queryRaw<unknown[]>`
    WITH counted AS (
      SELECT "proposalId", "actorType",
             count(*) FILTER (WHERE value = 'FOR')::int AS f,
             count(*) FILTER (WHERE value = 'AGAINST')::int AS a,
             count(*) FILTER (WHERE value = 'NEUTRAL')::int AS n
      FROM votes WHERE "proposalId" = ANY(${proposalIds}::uuid[])
      GROUP BY 1, 2
    )
    SELECT coalesce(c."proposalId", k."proposalId") AS "proposalId",
           coalesce(c."actorType", k."actorType") AS "actorType",
           c."votesFor", c."votesAgainst", c."votesNeutral", k.f, k.a, k.n
    FROM (SELECT * FROM proposal_college_counts WHERE "proposalId" = ANY(${proposalIds}::uuid[])) c
    FULL JOIN counted k ON k."proposalId" = c."proposalId" AND k."actorType" = c."actorType"
    WHERE (coalesce(c."votesFor", 0), coalesce(c."votesAgainst", 0), coalesce(c."votesNeutral", 0))
       <> (coalesce(k.f, 0), coalesce(k.a, 0), coalesce(k.n, 0))`;
  return [...proposals, ...colleges];
}

function describeOutcomes(results: LoadResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { phase, outcome } of results) {
    const key =
      outcome.kind === 'refused'
        ? `${phase}: ${outcome.code}/${outcome.reason} (${outcome.status})`
        : outcome.kind === 'no-answer'
          ? `${phase}: no answer (${outcome.error})`
          : `${phase}: acknowledged`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('resilience under a load of votes', () => {
  let dedicated: DedicatedPostgres | undefined;
  let api: ApiProcess | undefined;
  const postgres = (): DedicatedPostgres => {
    if (!dedicated) throw new Error('the dedicated PostgreSQL did not start');
    return dedicated;
  };

  beforeAll(async () => {
    if (!existsSync(API_MAIN)) {
      throw new Error(`${API_MAIN} is missing: run \`npm run build\` first (npm test does).`);
    }
    dedicated = await DedicatedPostgres.start();
    // The factories write to this test's own database, not the suite's shared one (Jest gives
    // each test file its own copy of process.env).
    await closeFactories();
    process.env['DATABASE_URL'] = dedicated.url;
  }, 120_000);

  afterAll(async () => {
    if (api?.child.exitCode === null) {
      api.child.kill('SIGKILL');
      await api.exited;
    }
    await closeFactories();
    await dedicated?.dispose();
  }, 60_000);

  it('fails cleanly while PostgreSQL restarts, recovers on its own and loses no acknowledged vote', async () => {
    const fixture = await createFixture(12, 20);
    api = startApi(await freePort(), postgres().url);
    await waitReady(api);
    const attempts = await attemptsOf(api, fixture);
    const running = api;
    const pid = running.child.pid;

    let phase = 'before';
    const load = runLoad(() => running, attempts, {
      concurrency: 8,
      phase: () => phase,
      pauseMs: 10,
      retryRefused: true,
    });
    await until(() => acknowledgedCount(load.results) >= 40, '40 votes before the outage', {
      detail: () => describeOutcomes(load.results),
    });

    phase = 'stopping';
    await postgres().stop();
    phase = 'outage';
    const outageStart = load.results.length;
    const readyDuringOutage: number[] = [];
    // A few seconds of outage, the load going on: several failed votes and readiness probes.
    await until(() => load.results.length - outageStart >= 20, 'votes answered during the outage', {
      limitMs: 30_000,
      detail: () => describeOutcomes(load.results),
    });
    for (let i = 0; i < 3; i += 1) readyDuringOutage.push(await readyStatus(running));
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    phase = 'restarting';
    await postgres().restart();
    phase = 'after';
    const afterStart = acknowledgedCount(load.results);
    await until(
      () => acknowledgedCount(load.results) - afterStart >= 40,
      '40 votes after the restart',
      { detail: () => describeOutcomes(load.results) },
    );
    load.stop();
    const results = await load.done;
    const readyAfter = await readyStatus(running);

    const outcomes = describeOutcomes(results);
    // The same process served throughout: nothing crashed it.
    expect(running.child.exitCode).toBeNull();
    expect(running.child.pid).toBe(pid);
    // Readiness followed the database.
    expect(readyDuringOutage).toEqual([503, 503, 503]);
    expect(readyAfter).toBe(200);
    // During the outage: answers, not hangs, and each a clear "try again" error.
    const outage = results.filter((result) => result.phase === 'outage');
    expect(outage.length).toBeGreaterThanOrEqual(20);
    const refused = results.filter((result) => result.outcome.kind !== 'acknowledged');
    // A summary first (phase: code/reason (HTTP status) → count), then each refusal.
    expect(
      Object.keys(outcomes).filter(
        (key) => !/acknowledged$|SERVICE_UNAVAILABLE\/SERVICE_UNAVAILABLE \(200\)$/.test(key),
      ),
    ).toEqual([]);
    for (const { outcome } of refused) {
      expect(outcome).toMatchObject({
        kind: 'refused',
        code: 'SERVICE_UNAVAILABLE',
        reason: 'SERVICE_UNAVAILABLE',
        status: 200,
      });
      if (outcome.kind === 'refused') expect(outcome.message).toContain(UNAVAILABLE_MESSAGE);
    }
    expect(outage.every((result) => result.outcome.kind === 'refused')).toBe(true);
    // Recovered without a restart of the API: votes after the outage went through.
    expect(
      results.filter((r) => r.phase === 'after' && r.outcome.kind === 'acknowledged').length,
    ).toBeGreaterThanOrEqual(40);

    // Every vote acknowledged is stored; the refused ones can be sent again and now succeed.
    expect(await missingAcknowledgedVotes(results)).toEqual([]);
    const retried = await runLoad(
      () => running,
      [...new Set(refused.map((result) => result.attempt))],
      { concurrency: 8, phase: () => 'retry' },
    ).done;
    expect(retried.filter((result) => result.outcome.kind !== 'acknowledged')).toEqual([]);
    expect(await missingAcknowledgedVotes(retried)).toEqual([]);
    expect(await counterMismatches(fixture.proposals)).toEqual([]);
  }, 120_000);

  it('leaves no half-written vote when the API process is killed mid-load, and a new process serves', async () => {
    const fixture = await createFixture(10, 12);
    if (api?.child.exitCode === null) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    let current = startApi(await freePort(), postgres().url);
    api = current;
    await waitReady(current);
    const attempts = await attemptsOf(current, fixture);

    let phase = 'before';
    const load = runLoad(() => current, attempts, {
      concurrency: 8,
      phase: () => phase,
      pauseMs: 5,
    });
    await until(() => acknowledgedCount(load.results) >= 40, '40 votes before the kill', {
      detail: () => describeOutcomes(load.results),
    });
    current.child.kill('SIGKILL');
    phase = 'killed';
    await current.exited;
    // Requests in flight at the kill and after it get no answer; let a few more fail.
    const killedAt = load.results.length;
    await until(() => load.results.length - killedAt >= 10, 'requests after the kill', {
      limitMs: 30_000,
    });
    load.stop();
    const results = await load.done;
    expect(results.some((result) => result.outcome.kind === 'no-answer')).toBe(true);

    const prisma = factoryPrisma();
    // Nothing half-written: every acknowledged vote is there and every counter matches its rows.
    expect(await missingAcknowledgedVotes(results)).toEqual([]);
    expect(await counterMismatches(fixture.proposals)).toEqual([]);
    // No transaction of the dead process still holds a proposal row.
    await prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM proposals WHERE id = ANY(${fixture.proposals}::uuid[]) FOR UPDATE NOWAIT`;
      expect(locked).toHaveLength(fixture.proposals.length);
    });

    // A new process serves, and the votes that got no answer can be sent again.
    current = startApi(await freePort(), postgres().url);
    api = current;
    await waitReady(current);
    const unanswered = results.filter((result) => result.outcome.kind !== 'acknowledged');
    const retried = await runLoad(
      () => current,
      unanswered.map((result) => result.attempt),
      { concurrency: 8, phase: () => 'retry' },
    ).done;
    expect(retried.filter((result) => result.outcome.kind !== 'acknowledged')).toEqual([]);
    expect(await missingAcknowledgedVotes(retried)).toEqual([]);
    expect(await counterMismatches(fixture.proposals)).toEqual([]);
  }, 120_000);
});
