import { DEFAULT_CONSULTATION_SETTINGS } from '../consultations/settings';
import {
  COLLEGE_COUNT,
  collegeQualifies,
  collegeSupport,
  type CollegeCounts,
  meetsBreadth,
  supportBreadth,
} from './breadth';

const defaults = DEFAULT_CONSULTATION_SETTINGS.collegeThresholds; // 60 %, 3 collèges, 10 votes

const row = (
  actorType: CollegeCounts['actorType'],
  votesFor: number,
  votesAgainst: number,
  votesNeutral = 0,
): CollegeCounts => ({ actorType, votesFor, votesAgainst, votesNeutral });

describe('collegeSupport', () => {
  it('gives counts and shares of FOR, AGAINST and NEUTRAL over all votes, and the FOR share over FOR and AGAINST', () => {
    const [citizens] = collegeSupport([row('CITIZEN', 6, 2, 2)]);
    expect(citizens).toEqual({
      actorType: 'CITIZEN',
      votesFor: 6,
      votesAgainst: 2,
      votesNeutral: 2,
      total: 10,
      forShareOfTotal: 0.6,
      againstShareOfTotal: 0.2,
      neutralShareOfTotal: 0.2,
      forShare: 0.75,
    });
  });

  it('gives a FOR share of 0 when a collège only voted NEUTRAL', () => {
    const [support] = collegeSupport([row('SME', 0, 0, 4)]);
    expect(support).toMatchObject({ total: 4, forShare: 0, neutralShareOfTotal: 1 });
  });

  it('leaves out collèges without votes and sorts the others in ActorType order', () => {
    const supports = collegeSupport([
      row('PTCE', 1, 0),
      row('UNIVERSITY', 0, 0, 0),
      row('CITIZEN', 0, 1),
      row('ASSOCIATION', 2, 2),
    ]);
    expect(supports.map((support) => support.actorType)).toEqual([
      'CITIZEN',
      'ASSOCIATION',
      'PTCE',
    ]);
  });

  it('adds up rows of the same collège', () => {
    const [support] = collegeSupport([row('SME', 1, 2, 3), row('SME', 4, 0, 1)]);
    expect(support).toMatchObject({ votesFor: 5, votesAgainst: 2, votesNeutral: 4, total: 11 });
  });
});

describe('collegeQualifies', () => {
  const qualifies = (votesFor: number, votesAgainst: number, votesNeutral = 0) =>
    collegeQualifies(collegeSupport([row('CITIZEN', votesFor, votesAgainst, votesNeutral)])[0], {
      ...defaults,
    });

  it.each([
    ['exactly 60 % FOR with exactly 10 votes', true, 6, 4, 0],
    ['just under 60 % FOR (59 of 100)', false, 59, 41, 0],
    ['exactly 60 % FOR (3 of 5) with NEUTRAL votes making 10', true, 3, 2, 5],
    ['100 % FOR with 9 votes', false, 9, 0, 0],
    ['100 % FOR with exactly 10 votes', true, 10, 0, 0],
    ['NEUTRAL votes count towards the 10 but not in the share', false, 5, 4, 1],
  ] as const)('%s → qualifies: %p', (_label, expected, votesFor, votesAgainst, votesNeutral) => {
    expect(qualifies(votesFor, votesAgainst, votesNeutral)).toBe(expected);
  });

  it('never counts a collège that only voted NEUTRAL, whatever the share asked', () => {
    const [neutral] = collegeSupport([row('SME', 0, 0, 20)]);
    expect(collegeQualifies(neutral, { ...defaults, minForShare: 0 })).toBe(false);
  });
});

describe('supportBreadth / meetsBreadth', () => {
  const broad = [
    row('CITIZEN', 6, 4),
    row('ASSOCIATION', 12, 0, 3),
    row('ESS_ENTERPRISE', 7, 3),
    row('SME', 2, 8),
    row('PTCE', 5, 0),
  ];

  it('is broad with exactly minColleges qualifying collèges, and names them', () => {
    expect(supportBreadth(broad, defaults)).toEqual({
      isBroad: true,
      qualifyingColleges: ['CITIZEN', 'ASSOCIATION', 'ESS_ENTERPRISE'],
    });
    expect(meetsBreadth(broad, defaults)).toBe(true);
  });

  it('is not broad with one qualifying collège too few', () => {
    const narrow = broad.map((counts) =>
      counts.actorType === 'ESS_ENTERPRISE' ? row('ESS_ENTERPRISE', 5, 4) : counts,
    );
    expect(supportBreadth(narrow, defaults)).toEqual({
      isBroad: false,
      qualifyingColleges: ['CITIZEN', 'ASSOCIATION'],
    });
    expect(meetsBreadth(narrow, defaults)).toBe(false);
  });

  it('follows the consultation thresholds', () => {
    const strict = { minForShare: 0.7, minColleges: 2, minVotesPerCollege: 10 };
    expect(supportBreadth(broad, strict).qualifyingColleges).toEqual([
      'ASSOCIATION',
      'ESS_ENTERPRISE',
    ]);
    expect(meetsBreadth(broad, strict)).toBe(true);
    expect(meetsBreadth(broad, { ...strict, minColleges: 3 })).toBe(false);
    expect(meetsBreadth(broad, { minForShare: 1, minColleges: 2, minVotesPerCollege: 5 })).toBe(
      true,
    );
  });

  it('is not broad without votes', () => {
    expect(supportBreadth([], defaults)).toEqual({ isBroad: false, qualifyingColleges: [] });
  });

  it('counts seven collèges', () => {
    expect(COLLEGE_COUNT).toBe(7);
  });
});
