import {
  consensusScore,
  divisivenessScore,
  explainGroupVotes,
  groupLabel,
  groupVotes,
} from './opinion-scores';

const NBSP = '\u00a0';

describe('groupVotes', () => {
  it('smooths the shares with a +1 / +2 prior', () => {
    expect(groupVotes(1, 8, 1, 1)).toEqual({
      groupId: 1,
      agree: 8,
      disagree: 1,
      pass: 1,
      agreement: 9 / 12,
      disagreement: 2 / 12,
    });
    expect(groupVotes(0, 0, 0, 0)).toMatchObject({ agreement: 0.5, disagreement: 0.5 });
  });
});

describe('consensusScore', () => {
  it('is the geometric mean of the groups’ agreement', () => {
    expect(consensusScore([groupVotes(0, 8, 0, 0), groupVotes(1, 3, 0, 0)])).toBeCloseTo(
      Math.sqrt((9 / 10) * (4 / 5)),
      12,
    );
  });

  it('needs agreement in every group', () => {
    const bridge = [groupVotes(0, 70, 30, 0), groupVotes(1, 14, 6, 0)];
    const oneSided = [groupVotes(0, 100, 0, 0), groupVotes(1, 2, 18, 0)];
    expect(consensusScore(bridge)).toBeGreaterThan(consensusScore(oneSided));
  });

  it('neither lets a tiny group dominate nor ignores it', () => {
    const tinyAgainst = [groupVotes(0, 90, 10, 0), groupVotes(1, 0, 1, 0)];
    const largeAgainst = [groupVotes(0, 90, 10, 0), groupVotes(1, 0, 50, 0)];
    const allFor = [groupVotes(0, 90, 10, 0), groupVotes(1, 1, 0, 0)];
    expect(consensusScore(tinyAgainst)).toBeGreaterThan(consensusScore(largeAgainst) * 3);
    expect(consensusScore(tinyAgainst)).toBeLessThan(consensusScore(allFor));
  });

  it('is 0 without groups', () => {
    expect(consensusScore([])).toBe(0);
  });
});

describe('divisivenessScore', () => {
  it('is high when groups vote opposite ways, low when they agree', () => {
    const split = [groupVotes(0, 50, 0, 0), groupVotes(1, 0, 50, 0)];
    const agreed = [groupVotes(0, 50, 0, 0), groupVotes(1, 50, 0, 0)];
    expect(divisivenessScore(split)).toBeCloseTo(50 / 52, 12);
    expect(divisivenessScore(agreed)).toBeCloseTo(0, 12);
  });

  it('counts an opposition less than a vote against', () => {
    const againstNeutral = [groupVotes(0, 50, 0, 0), groupVotes(1, 0, 0, 50)];
    const againstAgainst = [groupVotes(0, 50, 0, 0), groupVotes(1, 0, 50, 0)];
    expect(divisivenessScore(againstNeutral)).toBeCloseTo(
      divisivenessScore(againstAgainst) / 2,
      12,
    );
  });

  it('weights groups by their votes on the proposal', () => {
    const balanced = [groupVotes(0, 50, 0, 0), groupVotes(1, 0, 50, 0)];
    const handful = [groupVotes(0, 97, 0, 0), groupVotes(1, 0, 3, 0)];
    expect(divisivenessScore(handful)).toBeLessThan(divisivenessScore(balanced) / 2);
  });

  it('is 0 without votes or with a single group', () => {
    expect(divisivenessScore([])).toBe(0);
    expect(divisivenessScore([groupVotes(0, 0, 0, 0), groupVotes(1, 0, 0, 0)])).toBe(0);
    expect(divisivenessScore([groupVotes(0, 5, 5, 0)])).toBe(0);
  });
});

describe('groupLabel', () => {
  it('names groups with capital letters', () => {
    expect([0, 1, 2, 25].map(groupLabel)).toEqual(['A', 'B', 'C', 'Z']);
  });
});

describe('explainGroupVotes', () => {
  const cases: [string, Parameters<typeof groupVotes>[], string, string][] = [
    [
      'approved by every group',
      [
        [0, 78, 20, 2],
        [1, 71, 29, 0],
      ],
      `Approuvée par 78${NBSP}% du groupe A et 71${NBSP}% du groupe B`,
      'Approved by 78% of group A and 71% of group B',
    ],
    [
      'approved by three groups',
      [
        [0, 9, 1, 0],
        [1, 8, 2, 0],
        [2, 2, 1, 0],
      ],
      `Approuvée par 90${NBSP}% du groupe A, 80${NBSP}% du groupe B et 67${NBSP}% du groupe C`,
      'Approved by 90% of group A, 80% of group B and 67% of group C',
    ],
    [
      'approved by one group, rejected by the other',
      [
        [0, 90, 10, 0],
        [1, 15, 85, 0],
      ],
      `Approuvée par 90${NBSP}% du groupe A, rejetée par 85${NBSP}% du groupe B`,
      'Approved by 90% of group A, rejected by 85% of group B',
    ],
    [
      'rejected, split and unvoted',
      [
        [0, 1, 4, 0],
        [1, 5, 5, 0],
        [2, 0, 0, 0],
      ],
      `Rejetée par 80${NBSP}% du groupe A, partagée dans le groupe B, sans vote du groupe C`,
      'Rejected by 80% of group A, split in group B, no votes from group C',
    ],
    [
      'split in several groups',
      [
        [0, 2, 2, 1],
        [1, 0, 0, 3],
        [2, 0, 0, 0],
        [3, 0, 0, 0],
      ],
      'Partagée dans les groupes A et B, sans vote des groupes C et D',
      'Split in groups A and B, no votes from groups C and D',
    ],
  ];

  it.each(cases)('explains a proposal %s', (_, groups, fr, en) => {
    const perGroup = groups.map((args) => groupVotes(...args));
    expect(explainGroupVotes(perGroup, 'fr')).toBe(fr);
    expect(explainGroupVotes(perGroup, 'en')).toBe(en);
  });

  it('says when there are no groups yet', () => {
    expect(explainGroupVotes([], 'fr')).toBe(
      'Pas encore assez de votes pour former des groupes d’opinion',
    );
    expect(explainGroupVotes([], 'en')).toBe('Not enough votes yet to form opinion groups');
  });
});
