import { closeFactories, createConsultation, createProposal, factoryPrisma } from '../factories';
import {
  CAST_VOTE,
  CLUSTER,
  castVote,
  clusterFixture,
  type ClusterView,
  MERGE,
  MOVE_VOTE,
  PROPOSAL_CLUSTER,
  snapshotProposals,
  UNDO,
  voter,
} from './support/clusters';
import { type Role, signedIn } from './support/moderation';
import { expectCountersMatchRows } from './support/participation';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

const NIL_UUID = '00000000-0000-4000-8000-000000000000';

type MoveResult = {
  moveVote: {
    id: string;
    votesFor: number;
    votesAgainst: number;
    votesNeutral: number;
    myVote: string | null;
  };
};

describe('duplicate clusters', () => {
  let api: TestApp;
  let moderator: { id: string; token: string };

  beforeAll(async () => {
    api = await startTestApp();
    moderator = await signedIn(api, 'MODERATOR');
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const merge = (leadProposalId: string, proposalIds: string[], token?: string) =>
    api.gql<{ mergeProposals: ClusterView }>(
      MERGE,
      { input: { leadProposalId, proposalIds, reason: 'Propositions en doublon' } },
      { token },
    );
  const undo = (clusterId: string, token?: string) =>
    api.gql<{ undoMerge: ClusterView }>(
      UNDO,
      { input: { clusterId, reason: 'Fusion annulée' } },
      { token },
    );
  const move = (fromProposalId: string, toProposalId: string, token?: string) =>
    api.gql<MoveResult>(MOVE_VOTE, { input: { fromProposalId, toProposalId } }, { token });
  const mergedCluster = async (lead: string, others: string[]) =>
    dataOf(await merge(lead, others, moderator.token)).mergeProposals;

  describe('permissions', () => {
    it.each<[string, Role | null, string | null]>([
      ['anonymous', null, 'UNAUTHENTICATED'],
      ['participant', 'PARTICIPANT', 'FORBIDDEN'],
      ['curator', 'CURATOR', 'FORBIDDEN'],
      ['moderator', 'MODERATOR', null],
      ['admin', 'ADMIN', null],
    ])('mergeProposals as %s (%s) → %s', async (_, role, expected) => {
      const { proposals } = await clusterFixture(2);
      const token = role ? (await signedIn(api, role)).token : undefined;
      const result = await merge(proposals[0], [proposals[1]], token);
      if (expected) {
        expect(firstError(result).extensions?.code).toBe(expected);
        const rows = await factoryPrisma().proposal.findMany({ where: { id: { in: proposals } } });
        expect(rows.map((row) => [row.status, row.clusterId])).toEqual([
          ['PUBLISHED', null],
          ['PUBLISHED', null],
        ]);
      } else {
        expect(dataOf(result).mergeProposals.isActive).toBe(true);
      }
    });

    it.each<[string, Role | null, string | null]>([
      ['anonymous', null, 'UNAUTHENTICATED'],
      ['participant', 'PARTICIPANT', 'FORBIDDEN'],
      ['curator', 'CURATOR', 'FORBIDDEN'],
      ['moderator', 'MODERATOR', null],
      ['admin', 'ADMIN', null],
    ])('undoMerge as %s (%s) → %s', async (_, role, expected) => {
      const { proposals } = await clusterFixture(2);
      const cluster = await mergedCluster(proposals[0], [proposals[1]]);
      const token = role ? (await signedIn(api, role)).token : undefined;
      const result = await undo(cluster.id, token);
      if (expected) {
        expect(firstError(result).extensions?.code).toBe(expected);
        const row = await factoryPrisma().proposal.findUniqueOrThrow({
          where: { id: proposals[1] },
        });
        expect(row.status).toBe('MERGED');
      } else {
        expect(dataOf(result).undoMerge).toMatchObject({ isActive: false });
      }
    });

    it('moveVote needs a signed-in voter', async () => {
      const { proposals } = await clusterFixture(2);
      const result = await move(proposals[1], proposals[0]);
      expect(firstError(result).extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  it('merges into a lead: members MERGED with history, clusterId on all, readable pages', async () => {
    const { proposals, consultationId: consultationOf } = await clusterFixture(3);
    const [lead, a, b] = proposals;
    await factoryPrisma().proposal.update({ where: { id: b }, data: { status: 'UNDER_REVIEW' } });
    const cluster = await mergedCluster(lead, [a, b]);

    expect(cluster.lead).toEqual({ id: lead, status: 'PUBLISHED', isClusterLead: true });
    expect(cluster.members.map((m) => [m.id, m.status, m.isClusterLead, m.cluster?.id])).toEqual([
      [lead, 'PUBLISHED', true, cluster.id],
      [a, 'MERGED', false, cluster.id],
      [b, 'MERGED', false, cluster.id],
    ]);
    const prisma = factoryPrisma();
    const members = await prisma.proposalClusterMember.findMany({
      where: { clusterId: cluster.id },
    });
    expect(Object.fromEntries(members.map((m) => [m.proposalId, m.previousStatus]))).toEqual({
      [lead]: 'PUBLISHED',
      [a]: 'PUBLISHED',
      [b]: 'UNDER_REVIEW',
    });
    const changes = await prisma.proposalStatusChange.findMany({
      where: { proposalId: { in: proposals } },
    });
    expect(
      changes.map((c) => [c.proposalId, c.fromStatus, c.toStatus, c.reason, c.actorId]),
    ).toEqual(
      expect.arrayContaining([
        [a, 'PUBLISHED', 'MERGED', 'Propositions en doublon', moderator.id],
        [b, 'UNDER_REVIEW', 'MERGED', 'Propositions en doublon', moderator.id],
      ]),
    );
    expect(changes).toHaveLength(2);

    // A merged proposal stays readable by anyone, pointing to its cluster.
    const page = dataOf(await api.gql<{ proposal: unknown }>(PROPOSAL_CLUSTER, { id: a }));
    expect(page.proposal).toMatchObject({
      id: a,
      status: 'MERGED',
      isClusterLead: false,
      cluster: { id: cluster.id, lead: { id: lead } },
    });
    const public_ = dataOf(
      await api.gql<{ proposalCluster: ClusterView }>(CLUSTER, { id: cluster.id }),
    );
    expect(public_.proposalCluster.members).toHaveLength(3);

    // Lists show the lead only, unless MERGED is asked for.
    const list = (statuses?: string[]) =>
      api.gql<{ proposals: { edges: { node: { id: string } }[] } }>(
        `query ($filter: ProposalFilter) { proposals(first: 50, filter: $filter) { edges { node { id } } } }`,
        { filter: { consultationId: consultationOf, ...(statuses ? { statuses } : {}) } },
      );
    const listed = dataOf(await list()).proposals.edges.map((edge) => edge.node.id);
    expect(listed).toContain(lead);
    expect(listed).not.toContain(a);
    const mergedOnly = dataOf(await list(['MERGED'])).proposals.edges.map((edge) => edge.node.id);
    expect(mergedOnly.sort()).toEqual([a, b].sort());
  });

  it('merge then undo leaves statuses, votes, counters, collège counts and comments as before', async () => {
    const { proposals } = await clusterFixture(3);
    const [lead, a, b] = proposals;
    await factoryPrisma().proposal.update({ where: { id: b }, data: { status: 'SELECTED' } });
    const [v1, v2, v3] = await Promise.all([
      voter(api, 'CITIZEN'),
      voter(api, 'ASSOCIATION'),
      voter(api, 'SME'),
    ]);
    await castVote(api, v1.token, lead, 'FOR');
    await castVote(api, v1.token, a, 'AGAINST');
    await castVote(api, v2.token, a, 'FOR');
    await castVote(api, v3.token, lead, 'NEUTRAL');
    await factoryPrisma().comment.create({
      data: { proposalId: a, authorId: v2.id, body: 'Même idée', bodyHtml: '<p>Même idée</p>' },
    });
    const before = await snapshotProposals(proposals);

    const cluster = await mergedCluster(lead, [a, b]);
    const undone = dataOf(await undo(cluster.id, moderator.token)).undoMerge;
    expect(undone.isActive).toBe(false);
    expect(undone.undoneAt).not.toBeNull();

    expect(await snapshotProposals(proposals)).toEqual(before);
    const row = await factoryPrisma().proposalCluster.findUniqueOrThrow({
      where: { id: cluster.id },
    });
    expect([row.undoneById, row.undoReason]).toEqual([moderator.id, 'Fusion annulée']);
    const back = await factoryPrisma().proposalStatusChange.findMany({
      where: { proposalId: { in: [a, b] }, fromStatus: 'MERGED' },
    });
    expect(back.map((c) => [c.proposalId, c.toStatus]).sort()).toEqual(
      [
        [a, 'PUBLISHED'],
        [b, 'SELECTED'],
      ].sort(),
    );
    // The proposals no longer belong to a cluster; the cluster itself stays readable.
    const page = dataOf(
      await api.gql<{ proposal: { cluster: unknown } }>(PROPOSAL_CLUSTER, { id: a }),
    );
    expect(page.proposal.cluster).toBeNull();

    const again = await undo(cluster.id, moderator.token);
    expect(firstError(again).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'MERGE_ALREADY_UNDONE',
    });
  });

  it('counts a participant who voted on two members once in the combined support', async () => {
    const { proposals } = await clusterFixture(2);
    const [lead, a] = proposals;
    const [both, onlyLead] = await Promise.all([voter(api), voter(api)]);
    await castVote(api, both.token, lead, 'AGAINST');
    await castVote(api, onlyLead.token, lead, 'FOR');
    // Changed last: this one counts for `both`.
    await castVote(api, both.token, a, 'FOR');
    const cluster = await mergedCluster(lead, [a]);
    expect(cluster.combinedSupport).toEqual({
      participants: 2,
      votesFor: 2,
      votesAgainst: 0,
      votesNeutral: 0,
      sumOfVotes: 3,
    });
  });

  it('refuses new votes on a merged proposal', async () => {
    const { proposals } = await clusterFixture(2);
    await mergedCluster(proposals[0], [proposals[1]]);
    const { token } = await voter(api);
    const result = await api.gql(
      CAST_VOTE,
      {
        input: { proposalId: proposals[1], value: 'FOR' },
      },
      { token },
    );
    expect(firstError(result).extensions?.reason).toBe('PROPOSAL_CLOSED_TO_VOTES');
  });

  it('moves a vote to the lead with the same value, replacing the vote there, counters exact', async () => {
    const { proposals } = await clusterFixture(3);
    const [lead, a, b] = proposals;
    const [mover, replacer, other] = await Promise.all([
      voter(api, 'ASSOCIATION'),
      voter(api, 'SME'),
      voter(api),
    ]);
    await castVote(api, mover.token, a, 'FOR');
    await castVote(api, replacer.token, a, 'AGAINST');
    await castVote(api, replacer.token, lead, 'FOR');
    await castVote(api, other.token, b, 'NEUTRAL');
    await mergedCluster(lead, [a, b]);

    const moved = dataOf(await move(a, lead, mover.token)).moveVote;
    expect(moved).toMatchObject({ id: lead, myVote: 'FOR', votesFor: 2, votesAgainst: 0 });
    const replaced = dataOf(await move(a, lead, replacer.token)).moveVote;
    expect(replaced).toMatchObject({ id: lead, myVote: 'AGAINST', votesFor: 1, votesAgainst: 1 });

    const prisma = factoryPrisma();
    expect(await prisma.vote.count({ where: { proposalId: a } })).toBe(0);
    expect(await prisma.vote.count({ where: { proposalId: lead, userId: replacer.id } })).toBe(1);
    for (const id of proposals) await expectCountersMatchRows(id);

    // Nothing left to move, a move between two merged members, or out of a non-merged proposal.
    for (const [from, to, token] of [
      [a, lead, mover.token],
      [b, a, other.token],
      [lead, b, replacer.token],
    ]) {
      expect(firstError(await move(from, to, token)).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'VOTE_NOT_MOVABLE',
      });
    }
    for (const id of proposals) await expectCountersMatchRows(id);
  });

  it('lets exactly one of two concurrent merges of the same proposal succeed', async () => {
    const { proposals } = await clusterFixture(3);
    const [shared, x, y] = proposals;
    const results = await Promise.all([
      merge(x, [shared], moderator.token),
      merge(y, [shared], moderator.token),
    ]);
    const ok = results.filter((result) => !result.errors);
    const failed = results.filter((result) => result.errors);
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(firstError(failed[0]).extensions?.reason).toBe('ALREADY_IN_CLUSTER');
    const prisma = factoryPrisma();
    expect(await prisma.proposalClusterMember.count({ where: { proposalId: shared } })).toBe(1);
    const status = await prisma.proposalStatusChange.count({ where: { proposalId: shared } });
    expect(status).toBe(1);
  });

  it('refuses proposals already in a cluster, but lets others join the cluster of its lead', async () => {
    const { proposals } = await clusterFixture(4);
    const [lead, a, b, c] = proposals;
    const cluster = await mergedCluster(lead, [a]);

    const taken = await merge(b, [a], moderator.token);
    expect(firstError(taken).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_IN_CLUSTER',
    });
    const mergedLead = await merge(a, [b], moderator.token);
    expect(firstError(mergedLead).extensions?.reason).toBe('ALREADY_IN_CLUSTER');

    const joined = dataOf(await merge(lead, [b, c], moderator.token)).mergeProposals;
    expect(joined.id).toBe(cluster.id);
    expect(joined.members.map((m) => m.id)).toEqual([lead, a, b, c]);

    // Undoing the cluster restores the joiners too.
    dataOf(await undo(cluster.id, moderator.token));
    const rows = await factoryPrisma().proposal.findMany({ where: { id: { in: proposals } } });
    expect(rows.map((row) => [row.status, row.clusterId])).toEqual(
      proposals.map(() => ['PUBLISHED', null]),
    );
  });

  it('refuses proposals of another consultation, unknown ones, and closed statuses', async () => {
    const { proposals, authors } = await clusterFixture(2);
    const elsewhere = await createConsultation();
    const foreign = await createProposal({ consultationId: elsewhere.id, authorId: authors[0] });
    const mismatch = await merge(proposals[0], [foreign.id], moderator.token);
    expect(firstError(mismatch).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CLUSTER_CONSULTATION_MISMATCH',
    });
    const unknown = await merge(proposals[0], [NIL_UUID], moderator.token);
    expect(firstError(unknown).extensions?.reason).toBe('PROPOSAL_NOT_FOUND');
    await factoryPrisma().proposal.update({
      where: { id: proposals[1] },
      data: { status: 'WITHDRAWN' },
    });
    const withdrawn = await merge(proposals[0], [proposals[1]], moderator.token);
    expect(firstError(withdrawn).extensions?.reason).toBe('ILLEGAL_TRANSITION');
    const invalid = await api.gql(
      MERGE,
      { input: { leadProposalId: proposals[0], proposalIds: [proposals[0]], reason: 'x' } },
      { token: moderator.token, lang: 'en' },
    );
    expect(
      firstError(invalid)
        .extensions?.fields?.map((f) => `${f.field}:${f.rule}`)
        .sort(),
    ).toEqual(['proposalIds.0:unique', 'reason:minLength']);
    const missing = await api.gql(CLUSTER, { id: NIL_UUID });
    expect(firstError(missing).extensions?.reason).toBe('CLUSTER_NOT_FOUND');
    const rows = await factoryPrisma().proposal.findMany({ where: { id: { in: proposals } } });
    expect(rows.every((row) => row.clusterId === null)).toBe(true);
  });

  it('writes one audit entry per action and notifies authors and voters', async () => {
    const { proposals, authors } = await clusterFixture(3);
    const [lead, a, b] = proposals;
    const [v1, v2] = await Promise.all([voter(api), voter(api)]);
    await castVote(api, v1.token, a, 'FOR');
    await castVote(api, v2.token, lead, 'FOR');
    const cluster = await mergedCluster(lead, [a, b]);
    dataOf(await undo(cluster.id, moderator.token));

    const prisma = factoryPrisma();
    const audit = await prisma.auditLogEntry.findMany({
      where: { targetId: cluster.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit.map((e) => [e.action, e.actorId, e.targetType, e.reason])).toEqual([
      ['MERGE_PROPOSALS', moderator.id, 'CLUSTER', 'Propositions en doublon'],
      ['UNDO_MERGE', moderator.id, 'CLUSTER', 'Fusion annulée'],
    ]);
    expect(audit[0].metadata).toEqual({ leadProposalId: lead, proposalIds: [a, b] });

    const notices = await prisma.notification.findMany({
      where: { userId: { in: [...authors, v1.id, v2.id] } },
    });
    const merged = notices.filter((n) => n.kind === 'PROPOSAL_MERGED');
    expect(merged.map((n) => n.userId).sort()).toEqual([authors[1], authors[2], v1.id].sort());
    expect(merged.find((n) => n.userId === v1.id)?.payload).toEqual({
      clusterId: cluster.id,
      leadProposalId: lead,
      proposalId: a,
      title: expect.any(String),
      reason: 'Propositions en doublon',
    });
    const unmerged = notices.filter((n) => n.kind === 'PROPOSAL_UNMERGED');
    expect(unmerged.map((n) => n.userId).sort()).toEqual([...authors].sort());
  });
});
