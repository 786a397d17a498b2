import { HIGHLIGHT_START as S, HIGHLIGHT_STOP as E, toFragments } from './search-highlight';

describe('search highlight fragments', () => {
  it('splits plain text and matches', () => {
    expect(toFragments(`Des ${S}énergies${E} citoyennes et ${S}énergie${E}`)).toEqual([
      { text: 'Des ', isMatch: false },
      { text: 'énergies', isMatch: true },
      { text: ' citoyennes et ', isMatch: false },
      { text: 'énergie', isMatch: true },
    ]);
  });

  it('merges adjacent matches and tolerates stray or unbalanced markers', () => {
    expect(toFragments(`${S}a${E}${S}b${E}${E} c ${S}d`)).toEqual([
      { text: 'ab', isMatch: true },
      { text: ' c ', isMatch: false },
      { text: 'd', isMatch: true },
    ]);
    expect(toFragments('')).toEqual([]);
    expect(toFragments(`x${E}y`)).toEqual([{ text: 'xy', isMatch: false }]);
  });

  it('keeps HTML as text', () => {
    expect(toFragments(`<b>${S}x${E}</b>`)).toEqual([
      { text: '<b>', isMatch: false },
      { text: 'x', isMatch: true },
      { text: '</b>', isMatch: false },
    ]);
  });
});
