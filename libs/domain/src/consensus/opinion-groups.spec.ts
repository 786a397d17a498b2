import { DomainError } from '../shared/errors';
import {
  computeOpinionGroups,
  computeOpinionGroupsFromMatrix,
  rankProposalOpinions,
  type OpinionGroupsResult,
  type ProposalOpinion,
} from './opinion-groups';
import { mulberry32 } from './prng';
import { buildVoteMatrix, type OpinionVote } from './vote-matrix';

const NBSP = '\u00a0';

interface Camps {
  /** Number of participants in each camp. */
  sizes: number[];
  /** Proposals backed by each camp (opposed by the others). */
  perCamp: number;
  /** Proposals every camp supports. */
  bridges: number;
  /** Probability that a participant votes along their camp's line. */
  loyalty?: number;
  /** Probability that a vote is missing. */
  missing?: number;
  seed?: number;
}

const participantId = (camp: number, i: number) =>
  `participant-${camp}-${String(i).padStart(3, '0')}`;
const campOf = (id: string) => Number(id.split('-')[1]);
const isBridge = (proposalId: string) => proposalId.startsWith('bridge');

/**
 * Synthetic votes with a known structure: camp c's proposals ("camp-c-…", e.g. a citizen energy
 * cooperative for camp 0) are backed by camp c and opposed by the others; "bridge-…" proposals
 * (e.g. short food circuits in school canteens) are backed by everyone.
 */
function campVotes({ sizes, perCamp, bridges, loyalty = 0.9, missing = 0, seed = 1 }: Camps) {
  const rng = mulberry32(seed);
  const proposals = [
    ...Array.from({ length: bridges }, (_, b) => ({ id: `bridge-${b}`, backer: -1 })),
    ...sizes.flatMap((_, camp) =>
      Array.from({ length: perCamp }, (_, p) => ({ id: `camp-${camp}-${p}`, backer: camp })),
    ),
  ];
  const votes: OpinionVote[] = [];
  sizes.forEach((size, camp) => {
    for (let i = 0; i < size; i++) {
      for (const proposal of proposals) {
        if (rng() < missing) continue;
        const isFor = proposal.backer === -1 || proposal.backer === camp;
        const u = rng();
        const value =
          u < loyalty
            ? isFor
              ? 'FOR'
              : 'AGAINST'
            : u < (1 + loyalty) / 2
              ? 'NEUTRAL'
              : isFor
                ? 'AGAINST'
                : 'FOR';
        votes.push({ participantId: participantId(camp, i), proposalId: proposal.id, value });
      }
    }
  });
  return votes;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rng = mulberry32(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** For each group, the camps of its clustered members. */
function campsByGroup(result: OpinionGroupsResult): number[][] {
  const byGroup = result.groups.map((): number[] => []);
  for (const membership of result.memberships) {
    if (membership.isClustered && membership.groupId !== null) {
      byGroup[membership.groupId].push(campOf(membership.participantId));
    }
  }
  return byGroup;
}

const ids = (proposals: readonly ProposalOpinion[]) => proposals.map((p) => p.proposalId);

describe('computeOpinionGroups on two opposed camps with bridge proposals', () => {
  const votes = campVotes({ sizes: [30, 20], perCamp: 6, bridges: 3 });
  const result = computeOpinionGroups(votes);

  it('recovers the two camps as two groups, the larger first', () => {
    expect(result.quality.k).toBe(2);
    expect(result.quality.silhouette).toBeGreaterThan(0.5);
    expect(result.groups.map((g) => [g.id, g.label, g.size, g.totalSize])).toEqual([
      [0, 'A', 30, 30],
      [1, 'B', 20, 20],
    ]);
    expect(campsByGroup(result)).toEqual([Array(30).fill(0), Array(20).fill(1)]);
    expect(result.groups[0].centroid).toHaveLength(2);
  });

  it('ranks the bridge proposals first under CONSENSUS', () => {
    const ranking = rankProposalOpinions(result.proposals, 'CONSENSUS');
    expect(ranking.slice(0, 3).every((p) => isBridge(p.proposalId))).toBe(true);
    expect(ranking[2].consensus).toBeGreaterThan(2 * ranking[3].consensus);
  });

  it('puts the camp proposals at the top of DIVISIVE and the bridges last', () => {
    const ranking = rankProposalOpinions(result.proposals, 'DIVISIVE');
    expect(ranking.slice(0, 12).some((p) => isBridge(p.proposalId))).toBe(false);
    expect(ids(ranking.slice(12)).sort()).toEqual(['bridge-0', 'bridge-1', 'bridge-2']);
    expect(ranking[11].divisiveness).toBeGreaterThan(0.6);
    expect(ranking[12].divisiveness).toBeLessThan(0.2);
  });

  it('gives each proposal its votes per group and a one-line explanation', () => {
    const bridge = result.proposals.find((p) => p.proposalId === 'bridge-0') as ProposalOpinion;
    const [a, b] = bridge.perGroup;
    expect(a.agree + a.disagree + a.pass).toBe(30);
    expect(b.agree + b.disagree + b.pass).toBe(20);
    expect(a.agreement).toBeCloseTo((a.agree + 1) / 32, 12);
    expect(bridge.consensus).toBeCloseTo(Math.sqrt(a.agreement * b.agreement), 12);
    expect(bridge.explanation.fr).toMatch(
      new RegExp(`^Approuvée par \\d+${NBSP}% du groupe A et \\d+${NBSP}% du groupe B$`),
    );
    expect(bridge.explanation.en).toMatch(/^Approved by \d+% of group A and \d+% of group B$/);
    const campA = result.proposals.find((p) => p.proposalId === 'camp-0-0') as ProposalOpinion;
    expect(campA.explanation.fr).toMatch(
      new RegExp(`^Approuvée par \\d+${NBSP}% du groupe A, rejetée par \\d+${NBSP}% du groupe B$`),
    );
  });

  it('lists proposals and memberships by id, as plain JSON data', () => {
    expect(ids(result.proposals)).toEqual([...ids(result.proposals)].sort());
    const participants = result.memberships.map((m) => m.participantId);
    expect(participants).toEqual([...participants].sort());
    expect(participants).toHaveLength(50);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('gives the same result for the same votes in another order', () => {
    expect(computeOpinionGroups(shuffled(votes, 42))).toEqual(result);
    expect(computeOpinionGroups([...votes].reverse())).toEqual(result);
  });

  it('gives the same result from a matrix built beforehand', () => {
    expect(computeOpinionGroupsFromMatrix(buildVoteMatrix(votes))).toEqual(result);
  });
});

describe('computeOpinionGroups on sparse votes', () => {
  const votes = campVotes({ sizes: [25, 25], perCamp: 8, bridges: 4, missing: 0.4, seed: 7 });
  // Light voters: two votes each, below the default minimum of three.
  const light: OpinionVote[] = [
    { participantId: 'light-0', proposalId: 'camp-0-0', value: 'FOR' },
    { participantId: 'light-0', proposalId: 'camp-1-0', value: 'AGAINST' },
    { participantId: 'light-1', proposalId: 'camp-1-1', value: 'FOR' },
    { participantId: 'light-1', proposalId: 'camp-0-1', value: 'NEUTRAL' },
    // Only light voters voted on this proposal: their votes tell the groups nothing apart.
    { participantId: 'light-2', proposalId: 'orphan', value: 'FOR' },
  ];
  const result = computeOpinionGroups([...votes, ...light], { proposalIds: ['unvoted', 'orphan'] });
  const membership = (id: string) => result.memberships.find((m) => m.participantId === id);

  it('still recovers the camps with 40 % of the votes missing', () => {
    expect(result.quality.k).toBe(2);
    const byGroup = campsByGroup(result);
    expect(byGroup.map((camps) => camps.length)).toEqual([25, 25]);
    expect(byGroup.map((camps) => new Set(camps).size)).toEqual([1, 1]);
  });

  it('places light voters in the group nearest to their few votes, or nowhere', () => {
    const groupOfCamp = (camp: number) => membership(participantId(camp, 0))?.groupId as number;
    expect(membership('light-0')).toEqual({
      participantId: 'light-0',
      groupId: groupOfCamp(0),
      isClustered: false,
    });
    expect(membership('light-1')?.groupId).toBe(groupOfCamp(1));
    expect(membership('light-2')).toEqual({
      participantId: 'light-2',
      groupId: null,
      isClustered: false,
    });
    expect(result.groups.map((g) => g.totalSize - g.size).sort()).toEqual([1, 1]);
    expect(result.quality.participantsClustered).toBe(50);
  });

  it('leaves light votes out of the figures and reports unvoted proposals', () => {
    const orphan = result.proposals.find((p) => p.proposalId === 'orphan') as ProposalOpinion;
    expect(orphan.perGroup.map((g) => g.agree + g.disagree + g.pass)).toEqual([0, 0]);
    expect(orphan.consensus).toBeCloseTo(0.5, 12);
    expect(orphan.divisiveness).toBe(0);
    expect(orphan.explanation).toEqual({
      fr: 'Sans vote des groupes A et B',
      en: 'No votes from groups A and B',
    });
    const unvoted = result.proposals.find((p) => p.proposalId === 'unvoted') as ProposalOpinion;
    expect(unvoted.perGroup).toHaveLength(2);
    expect(result.quality.proposalsMapped).toBe(20);
  });
});

describe('computeOpinionGroups on three camps', () => {
  const votes = campVotes({ sizes: [20, 16, 12], perCamp: 5, bridges: 3, seed: 3 });
  const result = computeOpinionGroups(votes);

  it('finds three groups, one per camp', () => {
    expect(result.quality.k).toBe(3);
    expect(campsByGroup(result).map((camps) => [...new Set(camps)])).toEqual([[0], [1], [2]]);
  });

  it('still ranks the bridges first under CONSENSUS', () => {
    const ranking = rankProposalOpinions(result.proposals, 'CONSENSUS');
    expect(ids(ranking.slice(0, 3)).sort()).toEqual(['bridge-0', 'bridge-1', 'bridge-2']);
  });

  it('chooses two groups when at most two are allowed', () => {
    expect(computeOpinionGroups(votes, { maxGroups: 2 }).quality.k).toBe(2);
  });

  it('works on a one-dimensional map', () => {
    const oneDimension = computeOpinionGroups(votes, { components: 1 });
    expect(oneDimension.groups[0].centroid).toHaveLength(1);
    expect(oneDimension.quality.explainedVariance).toHaveLength(1);
  });
});

describe('computeOpinionGroups on degenerate input', () => {
  it('forms no group without votes', () => {
    const result = computeOpinionGroups([], { proposalIds: ['p1'] });
    expect(result).toEqual({
      groups: [],
      memberships: [],
      proposals: [
        {
          proposalId: 'p1',
          perGroup: [],
          consensus: 0,
          divisiveness: 0,
          explanation: {
            fr: 'Pas encore assez de votes pour former des groupes d’opinion',
            en: 'Not enough votes yet to form opinion groups',
          },
        },
      ],
      quality: {
        k: 0,
        silhouette: null,
        participantsClustered: 0,
        proposalsMapped: 0,
        explainedVariance: [0, 0],
      },
    });
  });

  it('forms no group when nobody voted enough, and leaves everyone without a group', () => {
    const result = computeOpinionGroups([
      { participantId: 'u1', proposalId: 'p1', value: 'FOR' },
      { participantId: 'u1', proposalId: 'p2', value: 'AGAINST' },
    ]);
    expect(result.quality.k).toBe(0);
    expect(result.memberships).toEqual([
      { participantId: 'u1', groupId: null, isClustered: false },
    ]);
  });

  it('forms one group of a single participant', () => {
    const result = computeOpinionGroups([
      { participantId: 'u1', proposalId: 'p1', value: 'FOR' },
      { participantId: 'u1', proposalId: 'p2', value: 'AGAINST' },
      { participantId: 'u1', proposalId: 'p3', value: 'NEUTRAL' },
    ]);
    expect(result.quality).toMatchObject({ k: 1, silhouette: null, participantsClustered: 1 });
    expect(result.groups).toEqual([{ id: 0, label: 'A', size: 1, totalSize: 1, centroid: [0, 0] }]);
    expect(result.proposals.map((p) => p.explanation.fr)).toEqual([
      `Approuvée par 100${NBSP}% du groupe A`,
      `Rejetée par 100${NBSP}% du groupe A`,
      'Partagée dans le groupe A',
    ]);
  });

  it('forms a single group when everyone votes the same way, and puts light voters in it', () => {
    const votes: OpinionVote[] = [];
    for (let i = 0; i < 12; i++) {
      for (const proposalId of ['scic-energie', 'ptce-reemploi', 'circuits-courts']) {
        votes.push({ participantId: `u${i}`, proposalId, value: 'FOR' });
      }
    }
    votes.push({ participantId: 'light', proposalId: 'circuits-courts', value: 'AGAINST' });
    const result = computeOpinionGroups(votes);
    expect(result.quality).toEqual({
      k: 1,
      silhouette: null,
      participantsClustered: 12,
      proposalsMapped: 3,
      explainedVariance: [0, 0],
    });
    expect(result.groups[0]).toMatchObject({ size: 12, totalSize: 13 });
    expect(result.memberships.find((m) => m.participantId === 'light')?.groupId).toBe(0);
    expect(result.proposals[0].consensus).toBeCloseTo(13 / 14, 12);
    expect(result.proposals[0].divisiveness).toBe(0);
  });

  it('splits two participants who disagree on everything into two groups of one', () => {
    const result = computeOpinionGroups(
      ['p1', 'p2', 'p3'].flatMap((proposalId): OpinionVote[] => [
        { participantId: 'u1', proposalId, value: 'FOR' },
        { participantId: 'u2', proposalId, value: 'AGAINST' },
      ]),
    );
    expect(result.quality.k).toBe(2);
    expect(result.memberships.map((m) => m.groupId)).toEqual([0, 1]);
    // One vote each: net support ±1/3 after smoothing, a standard deviation of 1/3.
    expect(result.proposals[0].divisiveness).toBeCloseTo(1 / 3, 12);
  });

  it('does not make a group of a lone dissenter, unless allowed to', () => {
    const votes: OpinionVote[] = [];
    for (let i = 0; i < 25; i++) {
      for (const proposalId of ['scic-energie', 'ptce-reemploi', 'circuits-courts']) {
        votes.push({ participantId: `u${String(i).padStart(2, '0')}`, proposalId, value: 'FOR' });
      }
    }
    for (const proposalId of ['scic-energie', 'ptce-reemploi', 'circuits-courts']) {
      votes.push({ participantId: 'dissident', proposalId, value: 'AGAINST' });
    }
    const result = computeOpinionGroups(votes);
    expect(result.quality.k).toBe(1);
    expect(result.groups[0].size).toBe(26);
    const allowed = computeOpinionGroups(votes, { minGroupShare: 0 });
    expect(allowed.groups.map((g) => g.size)).toEqual([25, 1]);
    expect(allowed.memberships.find((m) => m.participantId === 'dissident')?.groupId).toBe(1);
  });

  it('rejects invalid options with the field and what is allowed', () => {
    expect(() => computeOpinionGroups([], { maxGroups: 1 }, 'en')).toThrow(DomainError);
    try {
      computeOpinionGroupsFromMatrix(buildVoteMatrix([]), { components: 0 });
      throw new Error('expected a DomainError');
    } catch (error) {
      expect((error as DomainError).fields).toEqual([
        { field: 'components', rule: 'minValue', message: 'Saisissez une valeur d’au moins 1.' },
      ]);
    }
  });
});

describe('rankProposalOpinions', () => {
  const opinion = (
    proposalId: string,
    consensus: number,
    divisiveness: number,
    votes: number,
  ): ProposalOpinion => ({
    proposalId,
    perGroup: [{ groupId: 0, agree: votes, disagree: 0, pass: 0, agreement: 0, disagreement: 0 }],
    consensus,
    divisiveness,
    explanation: { fr: '', en: '' },
  });

  it('orders by score, then by number of votes, then by proposal id', () => {
    const proposals = [
      opinion('c', 0.5, 0.1, 10),
      opinion('b', 0.5, 0.1, 10),
      opinion('a', 0.5, 0.1, 3),
      opinion('d', 0.9, 0.0, 1),
      opinion('b', 0.5, 0.1, 10),
    ];
    expect(ids(rankProposalOpinions(proposals, 'CONSENSUS'))).toEqual(['d', 'b', 'b', 'c', 'a']);
    expect(ids(rankProposalOpinions(proposals, 'DIVISIVE'))).toEqual(['b', 'b', 'c', 'a', 'd']);
    expect(ids(proposals)).toEqual(['c', 'b', 'a', 'd', 'b']);
  });
});
