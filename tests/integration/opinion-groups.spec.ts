// The opinion-groups job end to end: votes cast through GraphQL queue a real pg-boss job, whose
// run is read back from the tables and through Proposal.opinions, the CONSENSUS / DIVISIVE lists
// and Consultation.opinionGroups.
import { JobsService } from '../../apps/api/src/common/jobs/jobs.service';
import {
  OPINION_GROUPS_QUEUE,
  OpinionGroupsJob,
} from '../../apps/api/src/modules/opinions/opinion-groups.job';
import { OpinionsRepository } from '../../apps/api/src/modules/opinions/opinions.repository';
import { buildVoteMatrix, type OpinionVote } from '@passerelle/domain';
import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
  PHASES,
  uniqueKey,
} from '../factories';
import { CAST_VOTE, inBatches } from './support/participation';
import { countSqlStatements } from './support/sql-counter';
import { dataOf, startTestApp, type TestApp } from './support/test-app';

type Value = 'FOR' | 'AGAINST' | 'NEUTRAL';

const OPINIONS = `opinions { computedAt consensus divisiveness consensusRank divisiveRank rankedCount
  explanation groups { groupId label groupSize agree disagree pass total agreeShare disagreeShare
  passShare agreement disagreement } }`;
const LIST = `query ($filter: ProposalFilter, $orderBy: ProposalOrderBy, $first: Int, $after: String) {
  proposals(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id ${OPINIONS} } }
  }
}`;
const GROUPS = `query ($slug: String!) { consultation(slug: $slug) { id opinionGroups {
  computedAt votesCount groupCount silhouette participantsClustered proposalsMapped
  groups { groupId label size totalSize } myGroup { groupId label size totalSize } } } }`;

interface GroupFigures {
  groupId: number;
  label: string;
  groupSize: number;
  agree: number;
  disagree: number;
  pass: number;
  total: number;
  agreeShare: number;
  agreement: number;
}
interface Opinions {
  computedAt: string;
  consensus: number;
  divisiveness: number;
  consensusRank: number;
  divisiveRank: number;
  rankedCount: number;
  explanation: string;
  groups: GroupFigures[];
}
interface ListData {
  proposals: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; opinions: Opinions | null } }[];
  };
}
interface GroupSummary {
  groupId: number;
  label: string;
  size: number;
  totalSize: number;
}
interface GroupsData {
  consultation: {
    id: string;
    opinionGroups: {
      votesCount: number;
      groupCount: number;
      participantsClustered: number;
      groups: GroupSummary[];
      myGroup: GroupSummary | null;
    } | null;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls until `check` returns a value (not undefined), failing after `timeoutMs`: a minute, as a
 * run waits for pg-boss' polling and shares the machine with the other suites (25 s timed out
 * once while a 2-million-proposal benchmark database was being seeded beside the suite).
 */
async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(200);
  }
}

const runOf = (consultationId: string) =>
  factoryPrisma().opinionGroupRun.findUnique({ where: { consultationId } });

const pendingJobs = async (consultationId: string) => {
  const rows = await factoryPrisma().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pgboss.job
    WHERE name = ${OPINION_GROUPS_QUEUE} AND singleton_key = ${consultationId}
      AND state IN ('created', 'retry', 'active')`;
  return rows[0].n;
};

/**
 * Waits until the consultation's queue is empty and its run has read exactly the votes now in
 * the table.
 */
async function settledRun(consultationId: string) {
  return waitFor(`the opinion groups of ${consultationId}`, async () => {
    const [run, votes, pending] = await Promise.all([
      runOf(consultationId),
      factoryPrisma().vote.count({ where: { proposal: { consultationId } } }),
      pendingJobs(consultationId),
    ]);
    return run && run.votesCount === votes && pending === 0 ? run : undefined;
  });
}

describe('opinion groups (pg-boss job)', () => {
  jest.setTimeout(120_000);
  let api: TestApp;
  let consultation: { id: string; slug: string };
  let authorId: string;
  const camps: Record<'a' | 'b', { id: string; token: string }[]> = { a: [], b: [] };
  const proposals: Record<'campA' | 'campB' | 'bridge', string[]> = {
    campA: [],
    campB: [],
    bridge: [],
  };
  let allProposals: string[] = [];

  const cast = async (token: string, proposalId: string, value: Value) =>
    dataOf(await api.gql(CAST_VOTE, { input: { proposalId, value } }, { token }));

  /** The ballot of a camp: FOR its camp's proposals and the bridges, against the other camp's. */
  function ballot(camp: 'a' | 'b'): [string, Value][] {
    const own = camp === 'a' ? proposals.campA : proposals.campB;
    const other = camp === 'a' ? proposals.campB : proposals.campA;
    return [
      ...own.map((id): [string, Value] => [id, 'FOR']),
      // The last proposal of the other camp gets NEUTRAL votes, the rest AGAINST.
      ...other.map((id, i): [string, Value] => [
        id,
        i === other.length - 1 ? 'NEUTRAL' : 'AGAINST',
      ]),
      ...proposals.bridge.map((id): [string, Value] => [id, 'FOR']),
    ];
  }

  async function participant(camp: 'a' | 'b') {
    const user = await createUser({ displayName: `Camp ${camp} ${uniqueKey('v').slice(-5)}` });
    const voter = { id: user.id, token: await api.tokenFor(user) };
    camps[camp].push(voter);
    return voter;
  }

  const listIds = async (orderBy: string, first = 50) => {
    const ids: string[] = [];
    const opinions: (Opinions | null)[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ListData = dataOf(
        await api.gql<ListData>(LIST, {
          filter: { consultationId: consultation.id },
          orderBy,
          first,
          after,
        }),
      );
      ids.push(...page.proposals.edges.map((e) => e.node.id));
      opinions.push(...page.proposals.edges.map((e) => e.node.opinions));
      if (!page.proposals.pageInfo.hasNextPage) return { ids, opinions };
      after = page.proposals.pageInfo.endCursor;
    }
  };

  beforeAll(async () => {
    api = await startTestApp({ JOBS_ENABLED: 'true', OPINION_GROUPS_DELAY_SECONDS: '0' });
    consultation = await createConsultation({ phases: PHASES.proposingClosed() });
    authorId = (await createUser()).id;
    for (const kind of ['campA', 'campB', 'bridge'] as const) {
      for (let i = 0; i < (kind === 'bridge' ? 2 : 3); i++) {
        const { id } = await createProposal({
          consultationId: consultation.id,
          authorId,
          title: `${kind} ${i} ${uniqueKey('t')}`,
        });
        proposals[kind].push(id);
      }
    }
    allProposals = [...proposals.campA, ...proposals.campB, ...proposals.bridge];
    for (let i = 0; i < 6; i++) {
      await participant('a');
      await participant('b');
    }
    const tasks = (['a', 'b'] as const).flatMap((camp) =>
      camps[camp].flatMap((voter) =>
        ballot(camp).map(
          ([proposalId, value]) =>
            () =>
              cast(voter.token, proposalId, value),
        ),
      ),
    );
    await inBatches(tasks, 8);
  });

  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  it('recovers the two camps as two groups, with every voter a clustered member', async () => {
    const run = await settledRun(consultation.id);
    expect(run).toMatchObject({
      votesCount: 12 * 8,
      groupCount: 2,
      participantsClustered: 12,
      proposalsMapped: 8,
    });
    expect(run.silhouette).toBeGreaterThan(0.9);
    const members = await factoryPrisma().opinionGroupMember.findMany({
      where: { consultationId: consultation.id },
    });
    expect(members).toHaveLength(12);
    expect(members.every((m) => m.isClustered)).toBe(true);
    const groupOf = new Map(members.map((m) => [m.userId, m.groupId]));
    const groupA = new Set(camps.a.map((v) => groupOf.get(v.id)));
    const groupB = new Set(camps.b.map((v) => groupOf.get(v.id)));
    expect(groupA.size).toBe(1);
    expect(groupB.size).toBe(1);
    expect([...groupA, ...groupB].sort()).toEqual([0, 1]);
    const groups = await factoryPrisma().opinionGroup.findMany({
      where: { consultationId: consultation.id },
      orderBy: { groupId: 'asc' },
    });
    expect(groups).toEqual([
      expect.objectContaining({ groupId: 0, label: 'A', size: 6, totalSize: 6 }),
      expect.objectContaining({ groupId: 1, label: 'B', size: 6, totalSize: 6 }),
    ]);
  });

  it('reads the same vote matrix as the domain builds from the vote rows, in chunks of any size', async () => {
    const rows = await factoryPrisma().$queryRaw<OpinionVote[]>`
      SELECT v."userId"::text AS "participantId", v."proposalId"::text AS "proposalId",
        v."value"::text AS "value"
      FROM "votes" v JOIN "proposals" p ON p."id" = v."proposalId"
      WHERE p."consultationId" = ${consultation.id}::uuid`;
    const expected = buildVoteMatrix(rows, allProposals);
    const repository = api.app.get(OpinionsRepository);
    // 12 voters: chunks of 5 end mid-camp and leave a last chunk of 2.
    for (const participantsPerRead of [5, 12, 2_000]) {
      const matrix = await repository.readVoteMatrix(consultation.id, participantsPerRead);
      expect(matrix.participantIds).toEqual(expected.participantIds);
      expect(matrix.proposalIds).toEqual(expected.proposalIds);
      expect(Array.from(matrix.rowStart)).toEqual(Array.from(expected.rowStart));
      expect(Array.from(matrix.columns)).toEqual(Array.from(expected.columns));
      expect(Array.from(matrix.values)).toEqual(Array.from(expected.values));
    }
    expect(expected.columns.length).toBe(rows.length);
  });

  it('ranks the bridges first under CONSENSUS, with ranks equal to list positions across pages', async () => {
    await settledRun(consultation.id);
    const { ids, opinions } = await listIds('CONSENSUS', 3);
    expect(ids).toHaveLength(8);
    expect(new Set(ids.slice(0, 2))).toEqual(new Set(proposals.bridge));
    opinions.forEach((o, index) => {
      expect(o).not.toBeNull();
      expect(o?.consensusRank).toBe(index + 1);
      expect(o?.rankedCount).toBe(8);
    });
    const bridge = opinions[0];
    expect(bridge?.groups.map((g) => [g.label, g.agree, g.total, g.agreeShare])).toEqual([
      ['A', 6, 6, 1],
      ['B', 6, 6, 1],
    ]);
    expect(bridge?.explanation).toBe(
      'Approuvée par 100\u00a0% du groupe A et 100\u00a0% du groupe B',
    );
    expect(bridge?.consensus).toBeCloseTo(7 / 8, 12);
  });

  it('puts the camp proposals first under DIVISIVE and the bridges last', async () => {
    await settledRun(consultation.id);
    const { ids, opinions } = await listIds('DIVISIVE', 5);
    expect(new Set(ids.slice(0, 6))).toEqual(new Set([...proposals.campA, ...proposals.campB]));
    expect(new Set(ids.slice(6))).toEqual(new Set(proposals.bridge));
    opinions.forEach((o, index) => expect(o?.divisiveRank).toBe(index + 1));
    expect(opinions[7]?.divisiveness).toBe(0);
  });

  it('stores per-group counts equal to the vote rows of each group', async () => {
    await settledRun(consultation.id);
    const prisma = factoryPrisma();
    const expected = await prisma.$queryRaw<
      { proposalId: string; groupId: number; agree: number; disagree: number; pass: number }[]
    >`
      SELECT v."proposalId", m."groupId",
        count(*) FILTER (WHERE v."value" = 'FOR')::int AS "agree",
        count(*) FILTER (WHERE v."value" = 'AGAINST')::int AS "disagree",
        count(*) FILTER (WHERE v."value" = 'NEUTRAL')::int AS "pass"
      FROM "votes" v
      JOIN "proposals" p ON p."id" = v."proposalId"
      JOIN "opinion_group_members" m ON m."userId" = v."userId" AND m."consultationId" = p."consultationId"
      WHERE p."consultationId" = ${consultation.id}::uuid AND m."isClustered"
      GROUP BY 1, 2 ORDER BY 1, 2`;
    const stored = await prisma.proposalGroupVotes.findMany({
      where: { proposalId: { in: allProposals } },
      orderBy: [{ proposalId: 'asc' }, { groupId: 'asc' }],
    });
    expect(stored).toEqual(expected);
    // NEUTRAL votes are the group's "pass" count, read back through GraphQL too.
    const { ids, opinions } = await listIds('CONSENSUS');
    const lastOfB = opinions[ids.indexOf(proposals.campB[2])];
    const groupOfA = stored.find((row) => row.proposalId === proposals.campA[0] && row.agree === 6);
    expect(lastOfB?.groups.find((g) => g.groupId === groupOfA?.groupId)).toMatchObject({
      agree: 0,
      disagree: 0,
      pass: 6,
    });
  });

  it('answers Proposal.opinions for a whole page without one query per proposal', async () => {
    await settledRun(consultation.id);
    const statementsFor = async (first: number) => {
      const { statements } = await countSqlStatements(() =>
        api.gql(LIST, { filter: { consultationId: consultation.id }, orderBy: 'CONSENSUS', first }),
      );
      return statements.filter((sql) => !sql.includes('pgboss')).length;
    };
    expect(await statementsFor(8)).toBe(await statementsFor(2));
  });

  it('counts a proposal’s ranks only when it has opinion figures to show', async () => {
    await settledRun(consultation.id);
    const page = `query ($id: ID!) { proposal(id: $id) { id ${OPINIONS} } }`;
    const rankStatements = async (proposalId: string) => {
      const { result, statements } = await countSqlStatements(() =>
        api.gql<{ proposal: { opinions: Opinions | null } }>(page, { id: proposalId }),
      );
      return {
        opinions: dataOf(result).proposal.opinions,
        ranks: statements.filter((sql) => sql.includes('"consensusRank"')).length,
      };
    };
    const computed = await rankStatements(proposals.bridge[0]);
    expect(computed.opinions?.consensusRank).toBeGreaterThan(0);
    expect(computed.ranks).toBe(1);
    // A consultation the job never ran on: no figures, and its list is not counted.
    const elsewhere = await createProposal({
      consultationId: (await createConsultation()).id,
      authorId,
    });
    expect(await rankStatements(elsewhere.id)).toEqual({ opinions: null, ranks: 0 });
  });

  it('gives each participant their own group only, and anonymous visitors none', async () => {
    await settledRun(consultation.id);
    const view = async (token?: string) =>
      dataOf(await api.gql<GroupsData>(GROUPS, { slug: consultation.slug }, { token })).consultation
        .opinionGroups;
    const members = await factoryPrisma().opinionGroupMember.findMany({
      where: { consultationId: consultation.id },
    });
    const groupOf = (userId: string) => members.find((m) => m.userId === userId)?.groupId;
    const a = await view(camps.a[0].token);
    const b = await view(camps.b[0].token);
    expect(a?.myGroup?.groupId).toBe(groupOf(camps.a[0].id));
    expect(b?.myGroup?.groupId).toBe(groupOf(camps.b[0].id));
    expect(a?.myGroup?.groupId).not.toBe(b?.myGroup?.groupId);
    expect(a?.groups).toHaveLength(2);
    const anonymous = await view();
    expect(anonymous?.myGroup).toBeNull();
    expect(anonymous?.groups).toEqual(a?.groups);
    const outsider = await createUser();
    expect((await view(await api.tokenFor(outsider)))?.myGroup).toBeNull();
  });

  it('reruns as votes accumulate, and ends consistent after concurrent votes', async () => {
    const before = await settledRun(consultation.id);
    const newcomer = await participant('a');
    for (const [proposalId, value] of ballot('a')) await cast(newcomer.token, proposalId, value);
    const after = await settledRun(consultation.id);
    expect(after.votesCount).toBe(before.votesCount + 8);
    expect(after.computedAt.getTime()).toBeGreaterThan(before.computedAt.getTime());
    const member = await factoryPrisma().opinionGroupMember.findUnique({
      where: { consultationId_userId: { consultationId: consultation.id, userId: newcomer.id } },
    });
    const campMate = await factoryPrisma().opinionGroupMember.findUnique({
      where: { consultationId_userId: { consultationId: consultation.id, userId: camps.a[0].id } },
    });
    expect(member?.groupId).toBe(campMate?.groupId);

    // Six more voters at once, every ballot in parallel.
    const crowd = await Promise.all(
      (['a', 'b', 'a', 'b', 'a', 'b'] as const).map(async (camp) => ({
        camp,
        voter: await participant(camp),
      })),
    );
    await Promise.all(
      crowd.flatMap(({ camp, voter }) =>
        ballot(camp).map(([proposalId, value]) => cast(voter.token, proposalId, value)),
      ),
    );
    const final = await settledRun(consultation.id);
    expect(final.votesCount).toBe(19 * 8);
    const prisma = factoryPrisma();
    const [members, groups, figures] = await Promise.all([
      prisma.opinionGroupMember.findMany({ where: { consultationId: consultation.id } }),
      prisma.opinionGroup.findMany({ where: { consultationId: consultation.id } }),
      prisma.proposalGroupVotes.findMany({ where: { proposalId: { in: allProposals } } }),
    ]);
    expect(members).toHaveLength(19);
    expect(groups.map((g) => g.size).sort((x, y) => x - y)).toEqual([9, 10]);
    expect(figures.reduce((sum, f) => sum + f.agree + f.disagree + f.pass, 0)).toBe(19 * 8);
    for (const camp of ['a', 'b'] as const) {
      const ids = new Set(camps[camp].map((v) => members.find((m) => m.userId === v.id)?.groupId));
      expect(ids.size).toBe(1);
    }
  });

  it('never fails a vote because the queue fails', async () => {
    const send = jest
      .spyOn(api.app.get(JobsService), 'send')
      .mockRejectedValueOnce(new Error('queue down'));
    try {
      const voter = await createUser();
      const result = await api.gql<{ castVote: { myVote: string } }>(
        CAST_VOTE,
        { input: { proposalId: proposals.bridge[1], value: 'FOR' } },
        { token: await api.tokenFor(voter) },
      );
      expect(dataOf(result).castVote.myVote).toBe('FOR');
      expect(send).toHaveBeenCalledTimes(1);
    } finally {
      send.mockRestore();
    }
    // The next vote queues a run that also counts the vote whose job was lost.
    const next = await createUser();
    await cast(await api.tokenFor(next), proposals.bridge[1], 'FOR');
    expect((await settledRun(consultation.id)).votesCount).toBe(19 * 8 + 2);
  });

  it('keeps the previous run intact when a run fails, then recovers', async () => {
    const prisma = factoryPrisma();
    const before = await settledRun(consultation.id);
    const beforeGroups = await prisma.proposalGroupVotes.findMany({
      where: { proposalId: { in: allProposals } },
      orderBy: [{ proposalId: 'asc' }, { groupId: 'asc' }],
    });
    // A trigger makes the run's last inserts fail for this consultation's bridge proposal.
    const name = `fail_${uniqueKey('run').replace(/\W/g, '_')}`;
    await prisma.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'simulated failure'; END $$ LANGUAGE plpgsql`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON proposal_group_votes
      FOR EACH ROW WHEN (NEW."proposalId" = '${proposals.bridge[0]}') EXECUTE FUNCTION ${name}()`);
    try {
      const late = await participant('b');
      await cast(late.token, proposals.bridge[0], 'FOR');
      await waitFor('a failed attempt', async () => {
        const rows = await prisma.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pgboss.job
          WHERE name = ${OPINION_GROUPS_QUEUE} AND singleton_key = ${consultation.id}
            AND (state IN ('retry', 'failed') OR retry_count > 0)`;
        return rows[0].n > 0 ? true : undefined;
      });
      const during = await runOf(consultation.id);
      expect(during).toEqual(before);
      expect(
        await prisma.proposalGroupVotes.findMany({
          where: { proposalId: { in: allProposals } },
          orderBy: [{ proposalId: 'asc' }, { groupId: 'asc' }],
        }),
      ).toEqual(beforeGroups);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER ${name} ON proposal_group_votes`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    }
    // The retry (or the next vote) succeeds with every vote.
    const recovered = await settledRun(consultation.id);
    expect(recovered.votesCount).toBe(before.votesCount + 1);
  });

  it('completes a run cleanly when its consultation was deleted', async () => {
    const gone = await createConsultation({ phases: PHASES.proposingClosed() });
    const proposal = await createProposal({ consultationId: gone.id, authorId });
    const voter = await createUser();
    await cast(await api.tokenFor(voter), proposal.id, 'FOR');
    await settledRun(gone.id);
    // Proposals do not cascade with their consultation: deleted first (their votes cascade).
    await factoryPrisma().proposal.deleteMany({ where: { consultationId: gone.id } });
    await factoryPrisma().consultation.delete({ where: { id: gone.id } });

    expect(await api.app.get(OpinionGroupsJob).run(gone.id)).toBeNull();
    const jobId = await api.app
      .get(JobsService)
      .send(OPINION_GROUPS_QUEUE, { consultationId: gone.id }, { singletonKey: gone.id });
    expect(jobId).toEqual(expect.any(String));
    await waitFor('the job of the deleted consultation to complete', async () => {
      const rows = await factoryPrisma().$queryRaw<{ state: string }[]>`
        SELECT state::text FROM pgboss.job WHERE id = ${jobId}::uuid`;
      return rows[0]?.state === 'completed' ? true : undefined;
    });
    expect(await runOf(gone.id)).toBeNull();
    expect(
      await factoryPrisma().opinionGroupMember.count({ where: { consultationId: gone.id } }),
    ).toBe(0);
  });
});
