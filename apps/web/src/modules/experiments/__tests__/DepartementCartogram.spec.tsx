import { screen, within } from '@testing-library/react';
import { renderWithApp } from '../../../testing/render';
import { DepartementCartogram } from '../components/DepartementCartogram';
import type { DepartementExperiments } from '../graphql/experiments.documents';
import {
  DEPARTEMENT_TILES,
  GRID_COLUMNS,
  GRID_ROWS,
  OVERSEAS_ROW,
  intensity,
} from '../lib/departementGrid';
import {
  experimentsSearch,
  parseExperimentSearch,
  toExperimentFilter,
  toExperimentSearchParams,
} from '../lib/experimentSearchParams';

const departement = (code: string, name: string, count: number): DepartementExperiments => ({
  __typename: 'DepartementExperiments',
  departement: {
    __typename: 'Territory',
    id: `DEPARTEMENT-${code}`,
    level: 'DEPARTEMENT',
    code,
    name,
  },
  count,
});

describe('the départements grid', () => {
  it('has every metropolitan département and the five DROM, each on its own square', () => {
    const codes = DEPARTEMENT_TILES.map((tile) => tile.code);
    expect(codes).toHaveLength(101);
    expect(new Set(codes).size).toBe(101);
    expect(codes).toEqual(expect.arrayContaining(['01', '2A', '2B', '69', '95', '971', '976']));
    expect(codes).not.toContain('20');
    const squares = DEPARTEMENT_TILES.map((tile) => `${tile.row},${tile.col}`);
    expect(new Set(squares).size).toBe(101);
    for (const tile of DEPARTEMENT_TILES) {
      expect(tile.row).toBeLessThan(GRID_ROWS);
      expect(tile.col).toBeLessThan(GRID_COLUMNS);
      expect(tile.row === OVERSEAS_ROW).toBe(tile.code.length === 3);
    }
  });

  it('keeps the map recognisable: Finistère west of Bas-Rhin, Nord north of Pyrénées-Orientales', () => {
    const at = (code: string) => {
      const tile = DEPARTEMENT_TILES.find((item) => item.code === code);
      if (!tile) throw new Error(`no tile for ${code}`);
      return tile;
    };
    expect(at('29').col).toBeLessThan(at('67').col);
    expect(at('59').row).toBeLessThan(at('66').row);
    expect(at('2A').row).toBeGreaterThan(at('2B').row);
  });

  it('darkens with the count, from none to the largest', () => {
    expect(intensity(0, 10)).toBe(0);
    expect(intensity(1, 100)).toBe(1);
    expect(intensity(10, 10)).toBe(4);
    expect(intensity(5, 0)).toBe(0);
  });
});

describe('DepartementCartogram', () => {
  const counts = [departement('69', 'Rhône', 3), departement('2A', 'Corse-du-Sud', 1)];
  const hrefFor = (territoryId: string) => `/experiences?territoire=${territoryId}`;

  it('makes each département a link filtering the registry, named with its count', () => {
    renderWithApp(
      <DepartementCartogram
        counts={counts}
        hrefFor={hrefFor}
        selectedTerritoryId="DEPARTEMENT-69"
      />,
    );
    const tiles = within(screen.getByRole('list', { name: 'Départements' })).getAllByRole('link');
    expect(tiles).toHaveLength(101);
    const rhone = screen.getByRole('link', { name: 'Rhône (69) : 3 expériences' });
    expect(rhone).toHaveAttribute('href', '/experiences?territoire=DEPARTEMENT-69');
    expect(rhone).toHaveAttribute('aria-current', 'true');
    expect(screen.getByRole('link', { name: 'Finistère (29) : 0 expérience' })).toHaveAttribute(
      'data-count',
      '0',
    );
    // Colour is not the only cue: the square's name says the count.
    expect(rhone.style.background).not.toBe(
      screen.getByRole('link', { name: 'Corse-du-Sud (2A) : 1 expérience' }).style.background,
    );
  });

  it('lists the same counts in a table, largest first', () => {
    renderWithApp(<DepartementCartogram counts={counts} hrefFor={hrefFor} />);
    const table = screen.getByRole('table', { name: 'Nombre d’expériences par département' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['Rhône (69)3', 'Corse-du-Sud (2A)1']);
    expect(within(table).getByRole('link', { name: 'Rhône (69)' })).toHaveAttribute(
      'href',
      '/experiences?territoire=DEPARTEMENT-69',
    );
  });

  it('says when no experiment is located', () => {
    renderWithApp(<DepartementCartogram counts={[]} hrefFor={hrefFor} />);
    expect(screen.getByText('Aucune expérience localisée pour ces critères.')).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

describe('the registry’s URL', () => {
  it('reads and writes the filters, ignoring unknown values', () => {
    const state = parseExperimentSearch(
      new URLSearchParams(
        'q=solaire&acteur=ptce&indicateur=jobs&statut=nimporte&territoire=DEPARTEMENT-69',
      ),
    );
    expect(state).toEqual({
      query: 'solaire',
      themeId: '',
      territoryId: 'DEPARTEMENT-69',
      actorType: 'PTCE',
      indicatorKind: 'JOBS',
      status: '',
    });
    expect(toExperimentFilter(state)).toEqual({
      query: 'solaire',
      territoryId: 'DEPARTEMENT-69',
      actorType: 'PTCE',
      indicatorKind: 'JOBS',
    });
    expect(toExperimentSearchParams(state).toString()).toBe(
      'q=solaire&territoire=DEPARTEMENT-69&acteur=ptce&indicateur=jobs',
    );
    expect(experimentsSearch({ territoryId: 'DEPARTEMENT-2A' })).toBe('?territoire=DEPARTEMENT-2A');
    expect(experimentsSearch({})).toBe('');
  });
});
