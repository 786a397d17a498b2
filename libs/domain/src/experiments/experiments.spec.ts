import { DomainError } from '../shared/errors';
import { fieldErrors } from '../shared/validation';
import {
  assertCanCheckFigures,
  assertCanEditExperiment,
  changedFields,
  checkAfterChange,
  formatFigure,
  freezeFigures,
  indicatorInputSchema,
  isIsoDate,
  measurementChanges,
  parisDay,
  parseCheckMeasurementInput,
  parseIndicatorInput,
  parseMeasurementInput,
  parseUpdateIndicatorInput,
  parseUpdateMeasurementInput,
  parseRecordExperimentInput,
  parseUpdateExperimentInput,
  recordExperimentInputSchema,
  type StoredMeasurement,
  summariseIndicator,
  UNITS_BY_KIND,
} from './experiments';

const NOW = new Date('2026-11-26T10:00:00Z');
const ORG = '7f0c2c58-3f1e-4c1b-9d43-2b8f0f6d5a01';
const THEME = '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9';
const INDICATOR = '0e8d7c6b-5a49-4837-a625-140f3e2d1c0b';

const experiment = (overrides: Record<string, unknown> = {}) => ({
  organisationId: ORG,
  name: 'Centrale villageoise du Trièves',
  description:
    'Une SCIC installe des panneaux solaires sur les toits communaux avec les habitants.',
  territoryIds: ['COMMUNE-38456', 'DEPARTEMENT-38'],
  themeIds: [THEME],
  status: 'RUNNING',
  startedOn: '2023-04-01',
  ...overrides,
});

const errorsOf = (input: unknown, lang: 'fr' | 'en' = 'fr') =>
  fieldErrors(recordExperimentInputSchema(NOW), input, lang).map(({ field, rule }) => ({
    field,
    rule,
  }));

const measurement = (overrides: Partial<StoredMeasurement> = {}): StoredMeasurement => ({
  id: 'm1',
  value: 100,
  measuredOn: '2025-12-31',
  source: 'Rapport annuel 2025 de la SCIC',
  sourceUrl: null,
  recordedAt: new Date('2026-01-10T09:00:00Z'),
  checkedAt: null,
  ...overrides,
});

describe('experiment dates', () => {
  it('accepts real calendar days only, from 1950 on', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('1949-12-31')).toBe(false);
    expect(isIsoDate('24-01-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
  });

  it('takes today in Paris, not in UTC', () => {
    expect(parisDay(new Date('2026-11-25T23:30:00Z'))).toBe('2026-11-26');
    expect(parisDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });
});

describe('recording an experiment', () => {
  it('normalises absent lists and the end date', () => {
    const parsed = parseRecordExperimentInput(experiment({ name: '  Centrale du Trièves  ' }), NOW);
    expect(parsed).toMatchObject({
      name: 'Centrale du Trièves',
      partnerOrganisationIds: [],
      links: [],
      endedOn: null,
    });
  });

  it('keeps partners, links and an end that follows the start', () => {
    const parsed = parseRecordExperimentInput(
      experiment({
        status: 'ENDED',
        endedOn: '2025-06-30',
        partnerOrganisationIds: ['2a3b4c5d-6e7f-4809-9a1b-2c3d4e5f6071'],
        links: ['https://centrales-villageoises.fr/trieves'],
      }),
      NOW,
    );
    expect(parsed.endedOn).toBe('2025-06-30');
    expect(parsed.links).toEqual(['https://centrales-villageoises.fr/trieves']);
  });

  it('refuses a running experiment with an end, and an ended one without', () => {
    expect(errorsOf(experiment({ endedOn: '2025-01-01' }))).toEqual([
      { field: 'endedOn', rule: 'runningHasNoEnd' },
    ]);
    expect(errorsOf(experiment({ status: 'STOPPED' }))).toEqual([
      { field: 'endedOn', rule: 'required' },
    ]);
    expect(errorsOf(experiment({ status: 'ENDED', endedOn: '2022-12-31' }))).toEqual([
      { field: 'endedOn', rule: 'endsAfterStart' },
    ]);
  });

  it('refuses future and impossible dates, with messages in both languages', () => {
    const future = fieldErrors(
      recordExperimentInputSchema(NOW),
      experiment({ startedOn: '2026-11-27' }),
      'en',
    );
    expect(future).toEqual([
      { field: 'startedOn', rule: 'notFuture', message: expect.stringContaining('future') },
    ]);
    expect(errorsOf(experiment({ startedOn: '2026-11-26' }))).toEqual([]);
    const impossible = fieldErrors(
      recordExperimentInputSchema(NOW),
      experiment({ startedOn: '2023-02-30' }),
      'fr',
    );
    expect(impossible[0]).toMatchObject({ field: 'startedOn', rule: 'date' });
    expect(impossible[0]?.message).toContain('AAAA-MM-JJ');
    expect(
      fieldErrors(recordExperimentInputSchema(NOW), experiment({ startedOn: 'hier' }), 'en')[0]
        ?.message,
    ).toContain('YYYY-MM-DD');
    expect(
      fieldErrors(
        recordExperimentInputSchema(NOW),
        experiment({ status: 'ENDED', endedOn: '2022-01-01' }),
        'en',
      )[0]?.message,
    ).toContain('after the start');
    expect(
      fieldErrors(recordExperimentInputSchema(NOW), experiment({ endedOn: '2024-01-01' }), 'en')[0]
        ?.message,
    ).toContain('running experiment');
    expect(
      fieldErrors(
        recordExperimentInputSchema(NOW),
        experiment({ startedOn: '2030-01-01' }),
        'fr',
      )[0]?.message,
    ).toContain('futur');
    expect(
      fieldErrors(recordExperimentInputSchema(NOW), experiment({ endedOn: '2024-01-01' }), 'fr')[0]
        ?.message,
    ).toContain('en cours');
  });

  it('refuses links that are not web addresses, duplicates and empty territories', () => {
    expect(
      errorsOf(
        experiment({ links: ['javascript:alert(1)', 'https://a.fr', 'https://a.fr', 'https://'] }),
      ),
    ).toEqual([
      { field: 'links.0', rule: 'url' },
      { field: 'links.3', rule: 'url' },
      { field: 'links', rule: 'unique' },
    ]);
    expect(
      fieldErrors(recordExperimentInputSchema(NOW), experiment({ links: ['ftp://a.fr'] }), 'fr')[0]
        ?.message,
    ).toContain('https://');
    expect(
      fieldErrors(recordExperimentInputSchema(NOW), experiment({ links: ['nope'] }), 'en')[0]
        ?.message,
    ).toContain('https://');
    expect(errorsOf(experiment({ territoryIds: [] }))).toEqual([
      { field: 'territoryIds', rule: 'minItems' },
    ]);
    expect(errorsOf(experiment({ territoryIds: ['COMMUNE-38456', 'COMMUNE-38456'] }))).toEqual([
      { field: 'territoryIds', rule: 'unique' },
    ]);
  });

  it('throws INVALID_INPUT naming the fields', () => {
    expect(() => parseRecordExperimentInput(experiment({ name: 'A' }), NOW, 'en')).toThrow(
      DomainError,
    );
    try {
      parseRecordExperimentInput(experiment({ name: 'A', unknown: 1 }), NOW);
    } catch (error) {
      expect((error as DomainError).code).toBe('INVALID_INPUT');
      expect((error as DomainError).fields?.map((f) => f.field).sort()).toEqual(['', 'name']);
    }
  });

  it('asks a change for the version it was made on', () => {
    const { organisationId: _org, ...fields } = experiment();
    const parsed = parseUpdateExperimentInput(
      { ...fields, experimentId: ORG, expectedVersion: 3 },
      NOW,
    );
    expect(parsed.expectedVersion).toBe(3);
    expect(() =>
      parseUpdateExperimentInput({ ...fields, experimentId: ORG, expectedVersion: 0 }, NOW),
    ).toThrow(DomainError);
    expect(() =>
      parseUpdateExperimentInput(
        { ...fields, experimentId: ORG, expectedVersion: 2, status: 'ENDED' },
        NOW,
      ),
    ).toThrow(DomainError);
  });
});

describe('indicators', () => {
  const indicator = (overrides: Record<string, unknown> = {}) => ({
    experimentId: ORG,
    name: 'Énergie renouvelable produite',
    kind: 'RENEWABLE_ENERGY',
    unit: 'KWH',
    ...overrides,
  });
  const rulesOf = (input: unknown) =>
    fieldErrors(indicatorInputSchema(NOW), input).map(({ field, rule }) => ({ field, rule }));

  it('accepts only the units of its kind; OTHER takes any', () => {
    expect(parseIndicatorInput(indicator(), NOW)).toMatchObject({
      unit: 'KWH',
      baseline: null,
      baselineOn: null,
      description: null,
    });
    expect(rulesOf(indicator({ unit: 'EUR' }))).toEqual([{ field: 'unit', rule: 'unitOfKind' }]);
    expect(
      fieldErrors(indicatorInputSchema(NOW), indicator({ unit: 'EUR' }), 'en')[0]?.message,
    ).toContain('unit');
    expect(
      fieldErrors(indicatorInputSchema(NOW), indicator({ unit: 'EUR' }), 'fr')[0]?.message,
    ).toContain('unité');
    expect(rulesOf(indicator({ kind: 'OTHER', unit: 'HOUSEHOLDS' }))).toEqual([]);
    expect(UNITS_BY_KIND.OTHER).toContain('COUNT');
    expect(UNITS_BY_KIND.JOBS).toEqual(['FTE', 'JOBS']);
  });

  it('takes a baseline only with its date, and never a negative one', () => {
    expect(rulesOf(indicator({ baseline: 1200 }))).toEqual([
      { field: 'baselineOn', rule: 'required' },
    ]);
    expect(rulesOf(indicator({ baselineOn: '2022-12-31' }))).toEqual([
      { field: 'baseline', rule: 'required' },
    ]);
    expect(rulesOf(indicator({ baseline: -1, baselineOn: '2022-12-31' }))).toEqual([
      { field: 'baseline', rule: 'minValue' },
    ]);
    expect(
      parseIndicatorInput(
        indicator({ baseline: 0, baselineOn: '2022-12-31', description: '  ' }),
        NOW,
      ),
    ).toMatchObject({ baseline: 0, baselineOn: '2022-12-31', description: null });
  });

  it('applies the same rules to a change, which names the indicator', () => {
    const { experimentId: _experimentId, ...fields } = indicator();
    expect(parseUpdateIndicatorInput({ indicatorId: INDICATOR, ...fields }, NOW)).toMatchObject({
      indicatorId: INDICATOR,
      unit: 'KWH',
      baseline: null,
    });
    expect(() =>
      parseUpdateIndicatorInput({ indicatorId: INDICATOR, ...fields, unit: 'TONNE' }, NOW),
    ).toThrow(DomainError);
    expect(() => parseUpdateIndicatorInput({ ...fields, indicatorId: 'nope' }, NOW)).toThrow(
      DomainError,
    );
  });
});

describe('measurements', () => {
  const input = (overrides: Record<string, unknown> = {}) => ({
    indicatorId: INDICATOR,
    value: 48_250.5,
    measuredOn: '2025-12-31',
    source: 'Rapport d’activité 2025, page 12',
    ...overrides,
  });

  it('needs a source, a finite non-negative value and a past day', () => {
    expect(parseMeasurementInput(input(), NOW)).toMatchObject({ value: 48_250.5, sourceUrl: null });
    expect(() => parseMeasurementInput(input({ source: '' }), NOW)).toThrow(DomainError);
    expect(() => parseMeasurementInput(input({ value: Number.POSITIVE_INFINITY }), NOW)).toThrow(
      DomainError,
    );
    expect(() => parseMeasurementInput(input({ value: 2e12 }), NOW)).toThrow(DomainError);
    expect(() => parseMeasurementInput(input({ measuredOn: '2027-01-01' }), NOW)).toThrow(
      DomainError,
    );
    expect(
      parseMeasurementInput(input({ sourceUrl: 'https://insee.fr/fr/statistiques' }), NOW)
        .sourceUrl,
    ).toBe('https://insee.fr/fr/statistiques');
  });

  it('applies the same rules to a correction, which names the measurement', () => {
    const { indicatorId: _indicatorId, ...fields } = input();
    expect(parseUpdateMeasurementInput({ measurementId: INDICATOR, ...fields }, NOW)).toMatchObject(
      { measurementId: INDICATOR, value: 48_250.5, sourceUrl: null },
    );
    expect(() =>
      parseUpdateMeasurementInput(
        { measurementId: INDICATOR, ...fields, measuredOn: '2026-11-27' },
        NOW,
      ),
    ).toThrow(DomainError);
    expect(() =>
      parseUpdateMeasurementInput(
        { measurementId: INDICATOR, ...fields, measuredOn: '2025-02-30' },
        NOW,
      ),
    ).toThrow(DomainError);
  });

  it('takes a check or its withdrawal as a boolean', () => {
    expect(parseCheckMeasurementInput({ measurementId: INDICATOR, checked: true })).toEqual({
      measurementId: INDICATOR,
      checked: true,
    });
    expect(() => parseCheckMeasurementInput({ measurementId: INDICATOR, checked: 'yes' })).toThrow(
      DomainError,
    );
  });

  it('names the fields a change touched, every one on a creation', () => {
    const after = { name: 'B', links: ['https://a.fr'], endedOn: null };
    expect(changedFields(null, after)).toEqual(['endedOn', 'links', 'name']);
    expect(changedFields({ name: 'A', links: ['https://a.fr'], endedOn: null }, after)).toEqual([
      'name',
    ]);
    expect(changedFields(after, { ...after, links: ['https://a.fr'] })).toEqual([]);
    expect(changedFields({ ...after, gone: 1 }, after)).toEqual(['gone']);
  });

  it('lists what a change touches and withdraws the check when anything changed', () => {
    const checked = measurement({ checkedAt: new Date('2026-02-01T00:00:00Z') });
    expect(measurementChanges(checked, { ...checked })).toEqual([]);
    expect(checkAfterChange(checked, { ...checked })).toBe(checked.checkedAt);
    const corrected = { ...checked, value: 120, sourceUrl: 'https://a.fr' };
    expect(measurementChanges(checked, corrected)).toEqual(['value', 'sourceUrl']);
    expect(checkAfterChange(checked, corrected)).toBeNull();
  });

  it('summarises an indicator: series, newest, newest checked and change from baseline', () => {
    const older = measurement({ id: 'old', value: 80, measuredOn: '2024-12-31', checkedAt: NOW });
    const newer = measurement({ id: 'new', value: 130, measuredOn: '2025-12-31' });
    const correction = measurement({
      id: 'fix',
      value: 125,
      measuredOn: '2025-12-31',
      recordedAt: new Date('2026-03-01T00:00:00Z'),
    });
    const summary = summariseIndicator({ baseline: 50 }, [newer, older, correction]);
    expect(summary.series.map((m) => m.id)).toEqual(['old', 'new', 'fix']);
    expect(summary.latest?.id).toBe('fix');
    expect(summary.latestChecked?.id).toBe('old');
    expect(summary.changeFromBaseline).toBe(30);
    expect(summariseIndicator({ baseline: null }, [older]).changeFromBaseline).toBeNull();
    expect(summariseIndicator({ baseline: 10 }, [])).toEqual({
      series: [],
      latest: null,
      latestChecked: null,
      changeFromBaseline: null,
    });
  });

  it('freezes the newest checked figure of every indicator for a brief', () => {
    const frozen = freezeFigures([
      {
        id: 'e1',
        name: 'Centrale villageoise',
        indicators: [
          {
            name: 'Énergie produite',
            unit: 'KWH',
            baseline: 0,
            measurements: [
              measurement({ id: 'a', value: 10, checkedAt: NOW, sourceUrl: 'https://a.fr' }),
              measurement({ id: 'b', value: 99, measuredOn: '2026-06-30' }),
            ],
          },
          { name: 'Emplois créés', unit: 'FTE', baseline: null, measurements: [] },
        ],
      },
    ]);
    expect(frozen).toEqual([
      {
        experimentId: 'e1',
        experimentName: 'Centrale villageoise',
        indicatorName: 'Énergie produite',
        unit: 'KWH',
        baseline: 0,
        value: 10,
        measuredOn: '2025-12-31',
        source: 'Rapport annuel 2025 de la SCIC',
        sourceUrl: 'https://a.fr',
      },
      {
        experimentId: 'e1',
        experimentName: 'Centrale villageoise',
        indicatorName: 'Emplois créés',
        unit: 'FTE',
        baseline: null,
        value: null,
        measuredOn: null,
        source: null,
        sourceUrl: null,
      },
    ]);
  });

  it('writes figures with their units as people read them', () => {
    expect(formatFigure(12_500, 'KWH', 'fr')).toBe('12\u202f500\u00a0kWh');
    expect(formatFigure(3.5, 'FTE', 'fr')).toBe('3,5\u00a0ETP');
    expect(formatFigure(3.5, 'FTE', 'en')).toBe('3.5\u00a0FTE');
    expect(formatFigure(1.234, 'TONNE_CO2E', 'en')).toBe('1.23\u00a0t CO₂e');
    expect(formatFigure(42, 'COUNT', 'fr')).toBe('42');
  });
});

describe('who edits and who checks', () => {
  it('lets any member of the carrying organisation edit, and nobody else', () => {
    expect(() => assertCanEditExperiment({ userId: 'u', role: 'MEMBER' })).not.toThrow();
    expect(() => assertCanEditExperiment({ userId: 'u', role: 'MANAGER' })).not.toThrow();
    expect(() => assertCanEditExperiment(null)).toThrow(
      expect.objectContaining({ code: 'NOT_AN_EXPERIMENT_MEMBER' }),
    );
  });

  it('lets moderators check figures, except their own organisation’s', () => {
    expect(() => assertCanCheckFigures({ id: 'm', role: 'MODERATOR' }, null)).not.toThrow();
    expect(() => assertCanCheckFigures({ id: 'a', role: 'ADMIN' }, undefined)).not.toThrow();
    expect(() =>
      assertCanCheckFigures({ id: 'm', role: 'MODERATOR' }, { userId: 'm', role: 'MEMBER' }),
    ).toThrow(expect.objectContaining({ code: 'OWN_FIGURE_CHECK' }));
    expect(() => assertCanCheckFigures({ id: 'p', role: 'PARTICIPANT' }, null)).toThrow(
      expect.objectContaining({ code: 'NOT_ALLOWED' }),
    );
    expect(() => assertCanCheckFigures(null, null)).toThrow(DomainError);
  });
});
