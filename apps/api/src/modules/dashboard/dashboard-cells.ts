// Pure helpers of the participation dashboard: periods, scopes and small-cell suppression.
import { ActorType } from '@passerelle/domain';

export const DashboardPeriod = { DAY: 'DAY', WEEK: 'WEEK', MONTH: 'MONTH' } as const;
export type DashboardPeriod = keyof typeof DashboardPeriod;

export const DashboardScope = { PUBLIC: 'PUBLIC', CURATOR: 'CURATOR' } as const;
export type DashboardScope = keyof typeof DashboardScope;

/** Cells of fewer distinct participants than this are suppressed in the PUBLIC scope. */
export const PUBLIC_MINIMUM_CELL_SIZE = 5;

/** The time series never holds more periods than this (the most recent ones). */
export const MAX_PERIODS = 400;

/** Exact counts of one cell, as aggregated by the database. */
export interface CellCounts {
  proposals: number;
  votes: number;
  comments: number;
  participants: number;
}

/** Counts as shown: null when the cell is suppressed. */
export interface ShownCounts {
  proposals: number | null;
  votes: number | null;
  comments: number | null;
  participants: number | null;
}

export const ZERO_COUNTS: Readonly<CellCounts> = Object.freeze({
  proposals: 0,
  votes: 0,
  comments: 0,
  participants: 0,
});

const SUPPRESSED: Readonly<ShownCounts> = Object.freeze({
  proposals: null,
  votes: null,
  comments: null,
  participants: null,
});

export function isDashboardPeriod(value: unknown): value is DashboardPeriod {
  return typeof value === 'string' && Object.hasOwn(DashboardPeriod, value);
}

/** The smallest cell shown with its counts: 5 in the PUBLIC scope, none (null) for curators. */
export function minimumCellSizeOf(scope: DashboardScope): number | null {
  return scope === 'PUBLIC' ? PUBLIC_MINIMUM_CELL_SIZE : null;
}

/**
 * A cell's counts as shown: every count is null when 1 to (minimumCellSize − 1) distinct
 * participants make the cell (a handful of people could be singled out); empty cells and cells
 * large enough keep their counts. `minimumCellSize` null shows everything (curators).
 */
export function suppressSmallCell(
  counts: Readonly<CellCounts>,
  minimumCellSize: number | null,
): ShownCounts {
  const isSmall =
    minimumCellSize !== null && counts.participants > 0 && counts.participants < minimumCellSize;
  return isSmall
    ? { ...SUPPRESSED }
    : {
        proposals: counts.proposals,
        votes: counts.votes,
        comments: counts.comments,
        participants: counts.participants,
      };
}

/**
 * The cells of one breakdown (periods, themes, collèges, or départements with the unlocated
 * cell) as shown: small cells suppressed as by suppressSmallCell, then, when exactly one cell of
 * the breakdown is suppressed, the smallest other non-empty cell too (complementary suppression):
 * the totals are always shown, so a lone suppressed cell could be recovered by subtracting the
 * shown cells from them.
 */
export function suppressBreakdown(
  cells: readonly Readonly<CellCounts>[],
  minimumCellSize: number | null,
): ShownCounts[] {
  const shown = cells.map((counts) => suppressSmallCell(counts, minimumCellSize));
  const suppressedCount = shown.filter((counts) => counts.participants === null).length;
  if (suppressedCount !== 1) return shown;
  let partner = -1;
  cells.forEach((counts, index) => {
    const isCandidate = shown[index].participants !== null && counts.participants > 0;
    if (isCandidate && (partner < 0 || counts.participants < cells[partner].participants)) {
      partner = index;
    }
  });
  if (partner >= 0) shown[partner] = { ...SUPPRESSED };
  return shown;
}

/** One row per collège in the domain's order, with zeros for the collèges without activity. */
export function everyCollege<T extends { actorType: string } & CellCounts>(
  rows: readonly T[],
): { actorType: ActorType; counts: CellCounts }[] {
  return Object.values(ActorType).map((actorType) => {
    const row = rows.find((candidate) => candidate.actorType === actorType);
    return { actorType, counts: row ? countsOf(row) : { ...ZERO_COUNTS } };
  });
}

/** Only the four counts of a row that carries more columns. */
export function countsOf(row: Readonly<CellCounts>): CellCounts {
  return {
    proposals: row.proposals,
    votes: row.votes,
    comments: row.comments,
    participants: row.participants,
  };
}
