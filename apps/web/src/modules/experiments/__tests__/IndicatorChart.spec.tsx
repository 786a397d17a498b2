import { screen, within } from '@testing-library/react';
import { renderWithApp } from '../../../testing/render';
import { IndicatorChart, type ChartIndicator } from '../components/IndicatorChart';
import type { MeasurementDetail } from '../graphql/experiments.documents';
import { chartGeometry, niceMax } from '../lib/chart';

const measurement = (
  id: string,
  value: number,
  measuredOn: string,
  checkedAt: string | null,
  sourceUrl: string | null = null,
): MeasurementDetail => ({
  __typename: 'Measurement',
  id,
  value,
  measuredOn,
  source: `Rapport d’activité ${measuredOn.slice(0, 4)}`,
  sourceUrl,
  recordedAt: `${measuredOn}T10:00:00Z`,
  checkedAt,
  recordedBy: { __typename: 'Participant', id: 'u1', displayName: 'Camille' },
});

/** Intl's figures use no-break and narrow no-break spaces. */
const spaces = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

const energy: ChartIndicator = {
  name: 'Électricité citoyenne produite',
  unit: 'KWH',
  baseline: 2000,
  baselineOn: '2022-01-01',
  measurements: [
    measurement('m1', 8000, '2023-01-01', '2023-02-01T09:00:00Z', 'https://example.org/rapport'),
    measurement('m2', 12500, '2024-01-01', null),
  ],
};

describe('chartGeometry', () => {
  it('rounds the value axis up and places the points by date and value', () => {
    expect(niceMax(12500)).toBe(20000);
    expect(niceMax(3)).toBe(5);
    expect(niceMax(0)).toBe(1);
    const geometry = chartGeometry(energy);
    const [first, second] = geometry.points;
    if (!first || !second) throw new Error('two points expected');
    expect(first.checked).toBe(true);
    expect(second.checked).toBe(false);
    // Later is further right, larger is higher (smaller y).
    expect(second.x).toBeGreaterThan(first.x);
    expect(second.y).toBeLessThan(first.y);
    // The baseline day starts the time axis; the baseline sits below the first figure.
    expect(geometry.xTicks[0]?.day).toBe('2022-01-01');
    expect(geometry.baselineY).toBeGreaterThan(first.y);
    expect(geometry.yTicks.at(-1)?.value).toBe(20000);
  });

  it('centres a single measurement on a two-month axis', () => {
    const geometry = chartGeometry({
      measurements: [measurement('m1', 3, '2024-06-15', null)],
      baseline: null,
      baselineOn: null,
    });
    const { plot } = geometry;
    expect(geometry.points[0]?.x).toBeCloseTo((plot.left + plot.right) / 2, 0);
    expect(geometry.baselineY).toBeNull();
  });
});

describe('IndicatorChart', () => {
  it('draws the measurements, the dashed baseline and checked figures with their own mark', () => {
    renderWithApp(<IndicatorChart indicator={energy} />);
    const chart = screen.getByRole('img', {
      name: 'Évolution de « Électricité citoyenne produite »',
    });
    const description = document.getElementById(chart.getAttribute('aria-describedby') ?? '');
    expect(spaces(description?.textContent)).toBe(
      '2 mesures ; la dernière : 12 500 kWh le 1 janvier 2024.',
    );
    expect(within(chart).getByTestId('baseline')).toHaveAttribute('stroke-dasharray');
    const points = chart.querySelectorAll('[data-checked]');
    expect([...points].map((point) => point.getAttribute('data-checked'))).toEqual([
      'true',
      'false',
    ]);
    // Not by colour alone: the checked point carries a tick, the other is a hollow ring.
    expect(points[0]?.querySelector('path')).not.toBeNull();
    expect(points[1]?.querySelector('path')).toBeNull();
    expect(
      screen.getByText('Chiffre vérifié par la modération (disque plein coché)'),
    ).toBeVisible();
    expect(screen.getByText('Valeur de référence (tirets)')).toBeVisible();
  });

  it('lists the same figures in a table with units, sources and checks', () => {
    renderWithApp(<IndicatorChart indicator={energy} />);
    const table = screen.getByRole('table', {
      name: 'Mesures de « Électricité citoyenne produite »',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => spaces(cell.textContent)),
      ),
    ).toEqual([
      ['1 janvier 2022', '2 000 kWh', 'Valeur de référence', '—'],
      ['1 janvier 2023', '8 000 kWh', 'Rapport d’activité 2023', 'Vérifié le 1 février 2023'],
      ['1 janvier 2024', '12 500 kWh', 'Rapport d’activité 2024', 'Non vérifié'],
    ]);
    expect(within(table).getByRole('link', { name: 'Rapport d’activité 2023' })).toHaveAttribute(
      'href',
      'https://example.org/rapport',
    );
  });

  it('shows the action column when actions are given, and says when nothing is measured', () => {
    renderWithApp(
      <IndicatorChart
        indicator={{ ...energy, baseline: null, baselineOn: null, measurements: [] }}
        renderActions={() => <button type="button">Modifier</button>}
      />,
    );
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Actions' })).toBeInTheDocument();
    expect(
      screen.getByRole('cell', { name: 'Aucune mesure enregistrée pour le moment.' }),
    ).toBeVisible();
  });

  it('speaks English with English figures', () => {
    renderWithApp(<IndicatorChart indicator={energy} />, { language: 'en' });
    expect(screen.getByRole('cell', { name: /^12,500\sKWh$/i })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Not checked' })).toBeInTheDocument();
  });
});
