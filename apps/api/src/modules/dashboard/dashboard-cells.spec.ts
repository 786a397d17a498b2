import {
  everyCollege,
  isDashboardPeriod,
  minimumCellSizeOf,
  PUBLIC_MINIMUM_CELL_SIZE,
  suppressBreakdown,
  suppressSmallCell,
} from './dashboard-cells';

const cell = (participants: number) => ({ proposals: 2, votes: 7, comments: 3, participants });
const hidden = { proposals: null, votes: null, comments: null, participants: null };

describe('dashboard cells', () => {
  it('uses a minimum cell size of 5 in the PUBLIC scope and none for curators', () => {
    expect(PUBLIC_MINIMUM_CELL_SIZE).toBe(5);
    expect(minimumCellSizeOf('PUBLIC')).toBe(5);
    expect(minimumCellSizeOf('CURATOR')).toBeNull();
  });

  it.each([
    [0, 'shown', cell(0)],
    [1, 'suppressed', hidden],
    [2, 'suppressed', hidden],
    [4, 'suppressed', hidden],
    [5, 'shown', cell(5)],
    [40, 'shown', cell(40)],
  ])('with %i participants, a PUBLIC cell is %s', (participants, _, expected) => {
    expect(suppressSmallCell(cell(participants), 5)).toEqual(expected);
  });

  it('shows every cell exactly when there is no minimum size', () => {
    expect(suppressSmallCell(cell(1), null)).toEqual(cell(1));
  });

  it('never hands back the row it was given (extra columns are dropped)', () => {
    const row = { ...cell(9), code: '2A' };
    expect(suppressSmallCell(row, 5)).toEqual(cell(9));
  });

  it('recognises the periods', () => {
    expect(['DAY', 'WEEK', 'MONTH'].every(isDashboardPeriod)).toBe(true);
    expect(isDashboardPeriod('YEAR')).toBe(false);
    expect(isDashboardPeriod('toString')).toBe(false);
    expect(isDashboardPeriod(undefined)).toBe(false);
  });

  it('lists every collège in order, with zeros where nobody took part', () => {
    const colleges = everyCollege([{ actorType: 'SME', ...cell(6), extra: true }]);
    expect(colleges.map((college) => college.actorType)).toEqual([
      'CITIZEN',
      'ASSOCIATION',
      'ESS_ENTERPRISE',
      'SME',
      'LOCAL_AUTHORITY',
      'UNIVERSITY',
      'PTCE',
    ]);
    expect(colleges[3]?.counts).toEqual(cell(6));
    expect(colleges[0]?.counts).toEqual({ proposals: 0, votes: 0, comments: 0, participants: 0 });
  });

  describe('suppressBreakdown', () => {
    it('hides the smallest other non-empty cell with a lone small cell, so totals cannot reveal it', () => {
      const shown = suppressBreakdown([cell(9), cell(0), cell(3), cell(6), cell(12)], 5);
      expect(shown).toEqual([cell(9), cell(0), hidden, hidden, cell(12)]);
    });

    it('leaves two or more small cells alone: their sum is all the totals tell', () => {
      const shown = suppressBreakdown([cell(2), cell(4), cell(7)], 5);
      expect(shown).toEqual([hidden, hidden, cell(7)]);
    });

    it('has no partner to hide when every other cell is empty', () => {
      expect(suppressBreakdown([cell(0), cell(3)], 5)).toEqual([cell(0), hidden]);
    });

    it('takes the first of equally small partners and hides nothing for curators', () => {
      expect(suppressBreakdown([cell(8), cell(1), cell(8)], 5)).toEqual([hidden, hidden, cell(8)]);
      expect(suppressBreakdown([cell(8), cell(1)], null)).toEqual([cell(8), cell(1)]);
    });
  });
});
