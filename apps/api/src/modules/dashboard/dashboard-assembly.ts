import { type ActorType } from '@passerelle/domain';
import { type ThemeRecord } from '../themes/themes.repository';
import {
  countsOf,
  type DashboardScope,
  everyCollege,
  minimumCellSizeOf,
  type ShownCounts,
  suppressBreakdown,
  suppressSmallCell,
  ZERO_COUNTS,
} from './dashboard-cells';
import { type DashboardRows } from './dashboard.repository';

/** The dashboard's figures as shown in one scope. */
export interface DashboardFigures {
  minimumCellSize: number | null;
  totals: ShownCounts;
  overTime: { periodStart: Date; counts: ShownCounts }[];
  byTheme: { theme: ThemeRecord; counts: ShownCounts }[];
  byCollege: { actorType: ActorType; counts: ShownCounts }[];
  byDepartement: { code: string; name: string; counts: ShownCounts }[];
  unlocated: ShownCounts;
}

/**
 * The database's rows as the dashboard shows them in `scope`: every collège (zeros included),
 * départements by code, and in the PUBLIC scope every cell of 1 to 4 participants suppressed,
 * with a complementary cell in each breakdown that partitions the totals (suppressBreakdown). Totals are never suppressed.
 */
export function assembleDashboard(rows: DashboardRows, scope: DashboardScope): DashboardFigures {
  const minimumCellSize = minimumCellSizeOf(scope);
  const shownAll = (cells: readonly Parameters<typeof countsOf>[0][]) =>
    suppressBreakdown(cells.map(countsOf), minimumCellSize);
  const totals = rows.cells.find((row) => row.kind === 'TOTAL');
  const colleges = rows.cells.flatMap((row) =>
    row.kind === 'COLLEGE' && row.actorType !== null ? [{ ...row, actorType: row.actorType }] : [],
  );
  const places = rows.cells.filter((row) => row.kind === 'DEPARTEMENT');
  const located = places
    .flatMap((row) => (row.code === null ? [] : [{ ...row, code: row.code }]))
    .sort((a, b) => (a.code < b.code ? -1 : 1)); // codes are unique
  const periodCounts = shownAll(rows.periods);
  // A proposal may have several themes: themes overlap, so no subtraction isolates one of them.
  const themeCounts = rows.themes.map((row) => suppressSmallCell(countsOf(row), minimumCellSize));
  const college = everyCollege(colleges);
  const collegeCounts = shownAll(college.map(({ counts }) => counts));
  // The unlocated cell belongs to the département breakdown: it is suppressed with them.
  const placeCounts = shownAll([
    ...located,
    places.find((row) => row.code === null) ?? ZERO_COUNTS,
  ]);
  return {
    minimumCellSize,
    totals: countsOf(totals ?? ZERO_COUNTS),
    overTime: rows.periods.map((row, index) => ({
      periodStart: row.periodStart,
      counts: periodCounts[index],
    })),
    byTheme: rows.themes.map((row, index) => ({
      theme: {
        id: row.id,
        slug: row.slug,
        nameFr: row.nameFr,
        nameEn: row.nameEn,
        descriptionFr: row.descriptionFr,
        position: row.position,
      },
      counts: themeCounts[index],
    })),
    byCollege: college.map(({ actorType }, index) => ({
      actorType,
      counts: collegeCounts[index],
    })),
    byDepartement: located.map((row, index) => ({
      code: row.code,
      name: row.name ?? row.code,
      counts: placeCounts[index],
    })),
    unlocated: placeCounts[located.length],
  };
}
