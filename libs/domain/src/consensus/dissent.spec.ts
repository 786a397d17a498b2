import {
  DISSENT_MIN_GROUP_VOTES,
  draftDissentNote,
  hasDissentingGroup,
  isDissentingGroup,
  type DissentGroupFigures,
} from './dissent';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

const group = (
  label: string,
  groupSize: number,
  agree: number,
  disagree: number,
  pass = 0,
): DissentGroupFigures => ({ label, groupSize, agree, disagree, pass });

describe('isDissentingGroup', () => {
  it.each([
    ['more AGAINST than FOR, enough votes', group('A', 10, 1, 2, 0), true],
    ['more AGAINST than FOR with passes', group('A', 10, 2, 3, 5), true],
    ['as many AGAINST as FOR', group('A', 10, 3, 3, 0), false],
    ['more FOR than AGAINST', group('A', 10, 5, 2, 0), false],
    ['too few votes to speak for the group', group('A', 10, 0, 2, 0), false],
    ['no vote at all', group('A', 10, 0, 0, 0), false],
  ])('%s → %s', (_name, figures, expected) => {
    expect(isDissentingGroup(figures)).toBe(expected);
  });

  it('needs at least DISSENT_MIN_GROUP_VOTES votes of the group', () => {
    expect(DISSENT_MIN_GROUP_VOTES).toBe(3);
    expect(isDissentingGroup(group('A', 5, 0, DISSENT_MIN_GROUP_VOTES - 1))).toBe(false);
    expect(isDissentingGroup(group('A', 5, 0, DISSENT_MIN_GROUP_VOTES))).toBe(true);
  });

  it('tells whether any group of a proposal dissents', () => {
    expect(hasDissentingGroup({ groups: [group('A', 9, 5, 0), group('B', 4, 1, 3)] })).toBe(true);
    expect(hasDissentingGroup({ groups: [group('A', 9, 5, 0)] })).toBe(false);
    expect(hasDissentingGroup({ groups: [] })).toBe(false);
  });
});

describe('draftDissentNote', () => {
  it('names the dissenting group, its size and its shares, in French', () => {
    const note = draftDissentNote(
      [
        {
          title: ' Un fonds régional ',
          marker: 2,
          groups: [group('A', 30, 20, 2, 1), group('B', 42, 6, 16, 3)],
        },
      ],
      'fr',
    );
    expect(note).toBe(
      `Le groupe B (42 participants) est majoritairement opposé à «${NNBSP}Un fonds régional${NNBSP}»${NBSP}[2]${NNBSP}: 64${NBSP}% contre, 24${NBSP}% pour.`,
    );
  });

  it('writes the same in English', () => {
    const note = draftDissentNote(
      [{ title: 'A regional fund', marker: 2, groups: [group('B', 42, 6, 16, 3)] }],
      'en',
    );
    expect(note).toBe(
      `Group B (42 participants) mostly opposes “A regional fund”${NBSP}[2]: 64% against, 24% for.`,
    );
  });

  it('says “more against than for” when AGAINST is no absolute majority', () => {
    const sources = [{ title: 'Titre', marker: null, groups: [group('C', 1, 2, 3, 5)] }];
    expect(draftDissentNote(sources, 'fr')).toBe(
      `Le groupe C (1 participant) est plus opposé que favorable à «${NNBSP}Titre${NNBSP}»${NNBSP}: 30${NBSP}% contre, 20${NBSP}% pour.`,
    );
    expect(draftDissentNote(sources, 'en')).toBe(
      'Group C (1 participant) leans against “Titre”: 30% against, 20% for.',
    );
  });

  it('writes one sentence per proposal, naming every dissenting group', () => {
    const sources = [
      {
        title: 'Premier',
        marker: 1,
        groups: [group('A', 12, 1, 9), group('B', 8, 2, 6), group('C', 5, 4, 0)],
      },
      { title: 'Consensuel', marker: 2, groups: [group('A', 12, 9, 1), group('B', 8, 6, 0)] },
      { title: 'Second', marker: 3, groups: [group('A', 12, 3, 4, 3), group('B', 8, 0, 4)] },
    ];
    expect(draftDissentNote(sources, 'fr').split('\n')).toEqual([
      `Les groupes A (12 participants) et B (8 participants) sont majoritairement opposés à «${NNBSP}Premier${NNBSP}»${NBSP}[1]${NNBSP}: groupe A 90${NBSP}% contre, 10${NBSP}% pour ; groupe B 75${NBSP}% contre, 25${NBSP}% pour.`,
      `Les groupes A (12 participants) et B (8 participants) sont plus opposés que favorables à «${NNBSP}Second${NNBSP}»${NBSP}[3]${NNBSP}: groupe A 40${NBSP}% contre, 30${NBSP}% pour ; groupe B 100${NBSP}% contre, 0${NBSP}% pour.`,
    ]);
    expect(draftDissentNote(sources, 'en').split('\n')).toEqual([
      `Groups A (12 participants) and B (8 participants) mostly oppose “Premier”${NBSP}[1]: group A 90% against, 10% for; group B 75% against, 25% for.`,
      `Groups A (12 participants) and B (8 participants) lean against “Second”${NBSP}[3]: group A 40% against, 30% for; group B 100% against, 0% for.`,
    ]);
  });

  it('is empty when no group disagrees', () => {
    expect(draftDissentNote([], 'fr')).toBe('');
    expect(
      draftDissentNote(
        [
          { title: 'Consensuel', marker: 1, groups: [group('A', 12, 9, 1), group('B', 3, 0, 2)] },
          { title: 'Sans groupes', marker: null, groups: [] },
        ],
        'en',
      ),
    ).toBe('');
  });
});
