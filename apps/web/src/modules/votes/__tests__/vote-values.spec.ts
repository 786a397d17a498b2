import { offeredVoteValues } from '../vote-values';

describe('offeredVoteValues', () => {
  it.each<[Parameters<typeof offeredVoteValues>[0], string[]]>([
    [
      ['FOR', 'AGAINST', 'NEUTRAL'],
      ['FOR', 'NEUTRAL', 'AGAINST'],
    ],
    [
      ['FOR', 'AGAINST'],
      ['FOR', 'AGAINST'],
    ],
    [['FOR'], ['FOR']],
    [
      ['NEUTRAL', 'FOR'],
      ['FOR', 'NEUTRAL'],
    ],
    [null, ['FOR', 'NEUTRAL', 'AGAINST']],
    [undefined, ['FOR', 'NEUTRAL', 'AGAINST']],
    [[], ['FOR', 'NEUTRAL', 'AGAINST']],
  ])('offers %j as %j', (allowed, expected) => {
    expect(offeredVoteValues(allowed)).toEqual(expected);
  });
});
