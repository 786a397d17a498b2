import { assembleDashboard } from './dashboard-assembly';
import { type DashboardRows } from './dashboard.repository';

const counts = (participants: number, votes = participants * 2) => ({
  proposals: 1,
  votes,
  comments: 1,
  participants,
});
const zero = { proposals: 0, votes: 0, comments: 0, participants: 0 };
const hidden = { proposals: null, votes: null, comments: null, participants: null };
const theme = {
  id: '0b6f1f4e-7a43-4c2e-9f55-1f4d4c3a2b10',
  slug: 'energie-citoyenne',
  nameFr: 'Énergie citoyenne',
  nameEn: 'Community energy',
  descriptionFr: 'Production d’énergies renouvelables.',
  position: 3,
};

const rows: DashboardRows = {
  cells: [
    { kind: 'TOTAL', actorType: null, code: null, name: null, ...counts(12) },
    { kind: 'COLLEGE', actorType: 'CITIZEN', code: null, name: null, ...counts(9) },
    { kind: 'COLLEGE', actorType: 'PTCE', code: null, name: null, ...counts(3) },
    { kind: 'DEPARTEMENT', actorType: null, code: '971', name: 'Guadeloupe', ...counts(5) },
    { kind: 'DEPARTEMENT', actorType: null, code: '2A', name: 'Corse-du-Sud', ...counts(2) },
    { kind: 'DEPARTEMENT', actorType: null, code: null, name: null, ...counts(4) },
    { kind: 'DEPARTEMENT', actorType: null, code: '01', name: 'Ain', ...counts(6) },
  ],
  periods: [
    { periodStart: new Date('2026-11-02T00:00:00+01:00'), ...counts(8) },
    { periodStart: new Date('2026-11-09T00:00:00+01:00'), ...zero },
  ],
  themes: [{ ...theme, ...counts(1) }],
};

describe('assembleDashboard', () => {
  it('suppresses the small cells of the PUBLIC scope but never the totals', () => {
    const dashboard = assembleDashboard(
      {
        ...rows,
        cells: rows.cells.map((row) => (row.kind === 'TOTAL' ? { ...row, ...counts(2) } : row)),
      },
      'PUBLIC',
    );
    expect(dashboard.minimumCellSize).toBe(5);
    expect(dashboard.totals).toEqual(counts(2));
    // PTCE is small; CITIZEN is hidden with it, or totals minus CITIZEN would give PTCE away.
    expect(dashboard.byCollege.find((c) => c.actorType === 'CITIZEN')?.counts).toEqual(hidden);
    expect(dashboard.byCollege.find((c) => c.actorType === 'PTCE')?.counts).toEqual(hidden);
    expect(dashboard.byCollege.find((c) => c.actorType === 'SME')?.counts).toEqual(zero);
    expect(dashboard.byDepartement).toEqual([
      { code: '01', name: 'Ain', counts: counts(6) },
      { code: '2A', name: 'Corse-du-Sud', counts: hidden },
      { code: '971', name: 'Guadeloupe', counts: counts(5) },
    ]);
    expect(dashboard.unlocated).toEqual(hidden);
    expect(dashboard.overTime.map((point) => point.counts)).toEqual([counts(8), zero]);
    expect(dashboard.byTheme).toEqual([{ theme, counts: hidden }]);
  });

  it('shows exact counts to curators', () => {
    const dashboard = assembleDashboard(rows, 'CURATOR');
    expect(dashboard.minimumCellSize).toBeNull();
    expect(dashboard.byCollege.find((c) => c.actorType === 'PTCE')?.counts).toEqual(counts(3));
    expect(dashboard.byDepartement[1]?.counts).toEqual(counts(2));
    expect(dashboard.unlocated).toEqual(counts(4));
    expect(dashboard.byTheme[0]?.counts).toEqual(counts(1));
  });

  it('names a département by its code when its name is unknown', () => {
    const place = { kind: 'DEPARTEMENT' as const, actorType: null, code: '975', name: null };
    const dashboard = assembleDashboard(
      { cells: [{ ...place, ...counts(6) }], periods: [], themes: [] },
      'PUBLIC',
    );
    expect(dashboard.byDepartement).toEqual([{ code: '975', name: '975', counts: counts(6) }]);
  });

  it('answers zeros when nothing happened', () => {
    const dashboard = assembleDashboard({ cells: [], periods: [], themes: [] }, 'PUBLIC');
    expect(dashboard.totals).toEqual(zero);
    expect(dashboard.unlocated).toEqual(zero);
    expect(dashboard.byCollege).toHaveLength(7);
    expect(dashboard.byDepartement).toEqual([]);
  });
});
