import { consultationOpinionGroupsView, proposalOpinionsView } from './opinions.views';

const consultationId = '00000000-0000-4000-8000-000000000001';
const proposalId = '00000000-0000-4000-8000-000000000002';
const computedAt = new Date('2026-11-26T10:00:00Z');
const run = {
  consultationId,
  computedAt,
  votesCount: 12,
  groupCount: 2,
  silhouette: 0.8,
  participantsClustered: 6,
  proposalsMapped: 4,
};
const groups = [
  { consultationId, groupId: 0, label: 'A', size: 4, totalSize: 5 },
  { consultationId, groupId: 1, label: 'B', size: 2, totalSize: 2 },
];
const rank = {
  proposalId,
  consultationId,
  scoreConsensus: 0.25,
  scoreDivisive: 0.6,
  consensusRank: 3,
  divisiveRank: 1,
  rankedCount: 4,
};
const votes = [
  { proposalId, groupId: 1, agree: 0, disagree: 2, pass: 0 },
  { proposalId, groupId: 0, agree: 3, disagree: 0, pass: 1 },
];

describe('proposalOpinionsView', () => {
  it('maps the per-group votes in group order with raw and smoothed shares', () => {
    const view = proposalOpinionsView(rank, run, groups, votes, 'en');
    expect(view).toEqual({
      computedAt,
      consensus: 0.25,
      divisiveness: 0.6,
      consensusRank: 3,
      divisiveRank: 1,
      rankedCount: 4,
      groups: [
        {
          groupId: 0,
          label: 'A',
          groupSize: 4,
          agree: 3,
          disagree: 0,
          pass: 1,
          total: 4,
          agreeShare: 0.75,
          disagreeShare: 0,
          passShare: 0.25,
          agreement: 4 / 6,
          disagreement: 1 / 6,
        },
        {
          groupId: 1,
          label: 'B',
          groupSize: 2,
          agree: 0,
          disagree: 2,
          pass: 0,
          total: 2,
          agreeShare: 0,
          disagreeShare: 1,
          passShare: 0,
          agreement: 1 / 4,
          disagreement: 3 / 4,
        },
      ],
      explanation: 'Approved by 75% of group A, rejected by 100% of group B',
    });
  });

  it('explains in the request language and gives zero shares without votes', () => {
    const silent = [{ proposalId, groupId: 0, agree: 0, disagree: 0, pass: 0 }];
    const view = proposalOpinionsView(rank, run, groups.slice(0, 1), silent, 'fr');
    expect(view?.explanation).toBe('Sans vote du groupe A');
    expect(view?.groups[0]).toMatchObject({ total: 0, agreeShare: 0, passShare: 0 });
  });

  it('is null without a rank, a run, groups or figures', () => {
    expect(proposalOpinionsView(null, run, groups, votes, 'fr')).toBeNull();
    expect(proposalOpinionsView(rank, null, groups, votes, 'fr')).toBeNull();
    expect(proposalOpinionsView(rank, { ...run, groupCount: 0 }, [], [], 'fr')).toBeNull();
    expect(proposalOpinionsView(rank, run, groups, [], 'fr')).toBeNull();
  });

  it('still answers when a group row is missing (written by an older run)', () => {
    const view = proposalOpinionsView(rank, run, [], votes, 'en');
    expect(view?.groups.map((g) => [g.label, g.groupSize])).toEqual([
      ['?', 0],
      ['?', 0],
    ]);
  });
});

describe('consultationOpinionGroupsView', () => {
  it('is null before the first run', () => {
    expect(consultationOpinionGroupsView(null, [], null)).toBeNull();
  });

  it("gives the run, its groups and the viewer's own group only", () => {
    const view = consultationOpinionGroupsView(run, groups, 1);
    expect(view).toEqual({
      computedAt,
      votesCount: 12,
      groupCount: 2,
      silhouette: 0.8,
      participantsClustered: 6,
      proposalsMapped: 4,
      groups: [
        { groupId: 0, label: 'A', size: 4, totalSize: 5 },
        { groupId: 1, label: 'B', size: 2, totalSize: 2 },
      ],
      myGroup: { groupId: 1, label: 'B', size: 2, totalSize: 2 },
    });
    expect(consultationOpinionGroupsView(run, groups, null)?.myGroup).toBeNull();
  });
});
