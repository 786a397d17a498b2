import { z } from 'zod';
import { assertCan, type Actor } from '../permissions/can';
import { ExperimentStatus, IndicatorKind, IndicatorUnit, membersOf } from '../shared/enums';
import { DomainError, DomainErrorCode } from '../shared/errors';
import { DEFAULT_LANGUAGE, type Language } from '../shared/language';
import { id, optionalText, territoryId, text } from '../shared/schemas';
import { validateInput } from '../shared/validation';
import { type Membership } from '../organisations/organisations';

/**
 * Territorial experiments (issue 10): what an organisation — often a PTCE with its SMEs, ESS
 * enterprises, local authority and university — tries on the ground, and the impact indicators
 * that measure it. Proposals cite experiments as evidence; briefs freeze their checked figures.
 */
export const EXPERIMENT_LIMITS = {
  nameMin: 3,
  nameMax: 160,
  descriptionMin: 20,
  descriptionMax: 10_000,
  territoriesMin: 1,
  territoriesMax: 50,
  partnersMax: 30,
  themesMin: 1,
  themesMax: 5,
  linksMax: 10,
  urlMax: 500,
  indicatorNameMin: 3,
  indicatorNameMax: 120,
  indicatorDescriptionMax: 1_000,
  sourceMin: 3,
  sourceMax: 300,
  /** Larger figures are typing mistakes (a trillion euros, kWh or jobs). */
  valueMax: 1e12,
  /** Older dates are typing mistakes too. */
  earliestYear: 1950,
} as const;

const L = EXPERIMENT_LIMITS;

/** The units each kind of indicator accepts; OTHER takes any. */
export const UNITS_BY_KIND: Readonly<Record<IndicatorKind, readonly IndicatorUnit[]>> = {
  JOBS: ['FTE', 'JOBS'],
  RENEWABLE_ENERGY: ['KWH', 'MWH'],
  LOCAL_SAVINGS: ['EUR'],
  CO2_AVOIDED: ['TONNE_CO2E'],
  WASTE_AVOIDED: ['TONNE'],
  PEOPLE_REACHED: ['PEOPLE', 'HOUSEHOLDS'],
  OTHER: membersOf(IndicatorUnit),
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar day written YYYY-MM-DD (no 31 February). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= L.earliestYear &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** The calendar day of `now` in Paris, YYYY-MM-DD: "today" for dates people type. */
export function parisDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
}

/** A day written YYYY-MM-DD, not after today (Paris). */
const pastDay = (now: Date) =>
  z
    .string()
    .trim()
    .refine(isIsoDate, { params: { rule: 'date' } })
    .refine((day) => day <= parisDay(now), { params: { rule: 'notFuture' } });

/** http(s), a host of letters, digits, dots and dashes (an optional port), then anything but spaces. */
const HTTP_URL = /^https?:\/\/[a-z0-9.-]*[a-z0-9](?::\d{1,5})?(?:[/?#]\S*)?$/i;

const httpUrl = () =>
  z
    .string()
    .trim()
    .max(L.urlMax)
    .refine((value) => HTTP_URL.test(value), { params: { rule: 'url' } });

const uniqueList = <T extends z.ZodType>(item: T, min: number, max: number) =>
  z
    .array(item)
    .min(min)
    .max(max)
    .refine((items) => new Set(items).size === items.length, { params: { rule: 'unique' } });

/** What is written about an experiment (creation and every later change). */
const experimentFields = (now: Date) => ({
  name: text(L.nameMin, L.nameMax),
  description: text(L.descriptionMin, L.descriptionMax),
  territoryIds: uniqueList(territoryId(), L.territoriesMin, L.territoriesMax),
  partnerOrganisationIds: uniqueList(id(), 0, L.partnersMax)
    .nullish()
    .transform((ids) => ids ?? []),
  themeIds: uniqueList(id(), L.themesMin, L.themesMax),
  status: z.enum(membersOf(ExperimentStatus)),
  startedOn: pastDay(now),
  endedOn: pastDay(now)
    .nullish()
    .transform((day) => day ?? null),
  links: uniqueList(httpUrl(), 0, L.linksMax)
    .nullish()
    .transform((links) => links ?? []),
});

type ExperimentFields = z.infer<z.ZodObject<ReturnType<typeof experimentFields>>>;

/**
 * An experiment's dates agree with its status: a running one has no end; an ended or stopped
 * one says when, on or after its start.
 */
function checkDates(value: ExperimentFields, ctx: z.RefinementCtx): void {
  if (value.status === ExperimentStatus.RUNNING && value.endedOn !== null) {
    ctx.addIssue({ code: 'custom', path: ['endedOn'], params: { rule: 'runningHasNoEnd' } });
  } else if (value.status !== ExperimentStatus.RUNNING && value.endedOn === null) {
    ctx.addIssue({ code: 'custom', path: ['endedOn'], params: { rule: 'required' } });
  } else if (value.endedOn !== null && value.endedOn < value.startedOn) {
    ctx.addIssue({ code: 'custom', path: ['endedOn'], params: { rule: 'endsAfterStart' } });
  }
}

export const recordExperimentInputSchema = (now: Date) =>
  z.strictObject({ organisationId: id(), ...experimentFields(now) }).superRefine(checkDates);
export type RecordExperimentInput = z.infer<ReturnType<typeof recordExperimentInputSchema>>;

/** A change names the version it was made on: a change made meanwhile is never overwritten. */
export const updateExperimentInputSchema = (now: Date) =>
  z
    .strictObject({
      experimentId: id(),
      expectedVersion: z.number().int().min(1),
      ...experimentFields(now),
    })
    .superRefine(checkDates);
export type UpdateExperimentInput = z.infer<ReturnType<typeof updateExperimentInputSchema>>;

const figure = () => z.number().finite().min(0).max(L.valueMax);

/** What is written about an indicator (when added and at every later change). */
const indicatorFields = (now: Date) => ({
  name: text(L.indicatorNameMin, L.indicatorNameMax),
  description: optionalText(L.indicatorDescriptionMax).transform((value) => value ?? null),
  kind: z.enum(membersOf(IndicatorKind)),
  unit: z.enum(membersOf(IndicatorUnit)),
  baseline: figure()
    .nullish()
    .transform((value) => value ?? null),
  baselineOn: pastDay(now)
    .nullish()
    .transform((day) => day ?? null),
});

type IndicatorFields = z.infer<z.ZodObject<ReturnType<typeof indicatorFields>>>;

/** A unit of the indicator's kind; a baseline with its date, or neither. */
function checkIndicator(value: IndicatorFields, ctx: z.RefinementCtx): void {
  if (!UNITS_BY_KIND[value.kind].includes(value.unit)) {
    ctx.addIssue({ code: 'custom', path: ['unit'], params: { rule: 'unitOfKind' } });
  }
  // A baseline is a figure at a date: one without the other cannot be compared.
  if (value.baseline !== null && value.baselineOn === null) {
    ctx.addIssue({ code: 'custom', path: ['baselineOn'], params: { rule: 'required' } });
  }
  if (value.baseline === null && value.baselineOn !== null) {
    ctx.addIssue({ code: 'custom', path: ['baseline'], params: { rule: 'required' } });
  }
}

export const indicatorInputSchema = (now: Date) =>
  z.strictObject({ experimentId: id(), ...indicatorFields(now) }).superRefine(checkIndicator);
export type IndicatorInput = z.infer<ReturnType<typeof indicatorInputSchema>>;

/** A change of an indicator: every field is written again (the form shows them all). */
export const updateIndicatorInputSchema = (now: Date) =>
  z.strictObject({ indicatorId: id(), ...indicatorFields(now) }).superRefine(checkIndicator);
export type UpdateIndicatorInput = z.infer<ReturnType<typeof updateIndicatorInputSchema>>;

/** What is written about a measurement (when recorded and at every later change). */
const measurementFields = (now: Date) => ({
  value: figure(),
  measuredOn: pastDay(now),
  source: text(L.sourceMin, L.sourceMax),
  sourceUrl: httpUrl()
    .nullish()
    .transform((url) => url ?? null),
});

/** A dated figure of an indicator, with the source it comes from (required). */
export const measurementInputSchema = (now: Date) =>
  z.strictObject({ indicatorId: id(), ...measurementFields(now) });
export type MeasurementInput = z.infer<ReturnType<typeof measurementInputSchema>>;

/** A corrected figure, day or source (the moderator's check is then withdrawn). */
export const updateMeasurementInputSchema = (now: Date) =>
  z.strictObject({ measurementId: id(), ...measurementFields(now) });
export type UpdateMeasurementInput = z.infer<ReturnType<typeof updateMeasurementInputSchema>>;

/** A moderator marks a figure as checked against its source, or withdraws the mark. */
export const checkMeasurementInputSchema = z.strictObject({
  measurementId: id(),
  checked: z.boolean(),
});
export type CheckMeasurementInput = z.infer<typeof checkMeasurementInputSchema>;

export const parseRecordExperimentInput = (
  input: unknown,
  now: Date,
  lang: Language = DEFAULT_LANGUAGE,
) => validateInput(recordExperimentInputSchema(now), input, lang);
export const parseUpdateExperimentInput = (
  input: unknown,
  now: Date,
  lang: Language = DEFAULT_LANGUAGE,
) => validateInput(updateExperimentInputSchema(now), input, lang);
export const parseIndicatorInput = (input: unknown, now: Date, lang: Language = DEFAULT_LANGUAGE) =>
  validateInput(indicatorInputSchema(now), input, lang);
export const parseUpdateIndicatorInput = (
  input: unknown,
  now: Date,
  lang: Language = DEFAULT_LANGUAGE,
) => validateInput(updateIndicatorInputSchema(now), input, lang);
export const parseUpdateMeasurementInput = (
  input: unknown,
  now: Date,
  lang: Language = DEFAULT_LANGUAGE,
) => validateInput(updateMeasurementInputSchema(now), input, lang);
export const parseCheckMeasurementInput = (input: unknown, lang: Language = DEFAULT_LANGUAGE) =>
  validateInput(checkMeasurementInputSchema, input, lang);
export const parseMeasurementInput = (
  input: unknown,
  now: Date,
  lang: Language = DEFAULT_LANGUAGE,
) => validateInput(measurementInputSchema(now), input, lang);

/**
 * Members of the carrying organisation (any role) record and change its experiments, their
 * indicators and measurements; nobody else does, administrators included (they moderate).
 */
export function assertCanEditExperiment(membership: Membership): void {
  if (!membership) throw new DomainError(DomainErrorCode.NOT_AN_EXPERIMENT_MEMBER);
}

/**
 * Moderators check figures against their sources, but never their own organisation's: a
 * member of the carrying organisation cannot vouch for it.
 */
export function assertCanCheckFigures(actor: Actor, membership: Membership): void {
  assertCan(actor, 'experiment.checkFigures');
  if (membership) throw new DomainError(DomainErrorCode.OWN_FIGURE_CHECK);
}

/** A measurement as stored: `checkedAt` is set while a moderator's check holds. */
export interface StoredMeasurement {
  id: string;
  value: number;
  measuredOn: string;
  source: string;
  sourceUrl: string | null;
  recordedAt: Date;
  checkedAt: Date | null;
}

/** The fields of a measurement a change can touch, in a stable order. */
const MEASUREMENT_FIELDS = ['value', 'measuredOn', 'source', 'sourceUrl'] as const;
export type MeasurementField = (typeof MEASUREMENT_FIELDS)[number];

/** Which fields a change of a measurement touches (for its history). */
export function measurementChanges(
  before: Pick<StoredMeasurement, MeasurementField>,
  after: Pick<StoredMeasurement, MeasurementField>,
): MeasurementField[] {
  return MEASUREMENT_FIELDS.filter((field) => before[field] !== after[field]);
}

/**
 * A check vouches for a figure and its source as they were: any change of either withdraws
 * it, and the new figure waits for its own check.
 */
export function checkAfterChange(
  before: Pick<StoredMeasurement, MeasurementField | 'checkedAt'>,
  after: Pick<StoredMeasurement, MeasurementField>,
): Date | null {
  return measurementChanges(before, after).length > 0 ? null : before.checkedAt;
}

/**
 * The fields a change touched, sorted, for an experiment's history: every field of `after` on
 * a creation (`before` null), else those whose value differs (compared as JSON, so lists and
 * dates compare by content).
 */
export function changedFields(
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>>,
): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  return [...keys]
    .filter((key) => before === null || JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .sort();
}

/** Newest first: by the day measured, then by when it was recorded. */
function newestFirst(a: StoredMeasurement, b: StoredMeasurement): number {
  if (a.measuredOn !== b.measuredOn) return a.measuredOn < b.measuredOn ? 1 : -1;
  return b.recordedAt.getTime() - a.recordedAt.getTime();
}

/** What a page, a proposal and a brief say of one indicator (of the measurements given). */
export interface IndicatorSummary<M extends StoredMeasurement = StoredMeasurement> {
  /** Every measurement, oldest first (the chart and its table). */
  series: M[];
  latest: M | null;
  /** The figure a brief may quote: the newest checked one. */
  latestChecked: M | null;
  /** The newest checked figure minus the baseline, when both exist. */
  changeFromBaseline: number | null;
}

export function summariseIndicator<M extends StoredMeasurement>(
  indicator: { baseline: number | null },
  measurements: readonly M[],
): IndicatorSummary<M> {
  const newest = [...measurements].sort(newestFirst);
  const latestChecked = newest.find((measurement) => measurement.checkedAt !== null) ?? null;
  return {
    series: newest.slice().reverse(),
    latest: newest[0] ?? null,
    latestChecked,
    changeFromBaseline:
      latestChecked && indicator.baseline !== null
        ? latestChecked.value - indicator.baseline
        : null,
  };
}

/** What a brief's annex keeps of an indicator at publication, whatever is measured later. */
export interface FrozenFigure {
  experimentId: string;
  experimentName: string;
  indicatorName: string;
  unit: IndicatorUnit;
  baseline: number | null;
  /** Null when no figure of this indicator was checked at publication. */
  value: number | null;
  measuredOn: string | null;
  source: string | null;
  sourceUrl: string | null;
}

/** The figures a published brief freezes: the newest checked one of every indicator. */
export function freezeFigures(
  experiments: readonly {
    id: string;
    name: string;
    indicators: readonly {
      name: string;
      unit: IndicatorUnit;
      baseline: number | null;
      measurements: readonly StoredMeasurement[];
    }[];
  }[],
): FrozenFigure[] {
  return experiments.flatMap((experiment) =>
    experiment.indicators.map((indicator) => {
      const checked = summariseIndicator(indicator, indicator.measurements).latestChecked;
      return {
        experimentId: experiment.id,
        experimentName: experiment.name,
        indicatorName: indicator.name,
        unit: indicator.unit,
        baseline: indicator.baseline,
        value: checked?.value ?? null,
        measuredOn: checked?.measuredOn ?? null,
        source: checked?.source ?? null,
        sourceUrl: checked?.sourceUrl ?? null,
      };
    }),
  );
}

const UNIT_LABELS: Record<IndicatorUnit, Record<Language, string>> = {
  FTE: { fr: 'ETP', en: 'FTE' },
  JOBS: { fr: 'emplois', en: 'jobs' },
  KWH: { fr: 'kWh', en: 'kWh' },
  MWH: { fr: 'MWh', en: 'MWh' },
  EUR: { fr: '€', en: '€' },
  TONNE_CO2E: { fr: 't CO₂e', en: 't CO₂e' },
  TONNE: { fr: 't', en: 't' },
  PEOPLE: { fr: 'personnes', en: 'people' },
  HOUSEHOLDS: { fr: 'foyers', en: 'households' },
  PERCENT: { fr: '%', en: '%' },
  COUNT: { fr: '', en: '' },
};

const numberFormats = new Map<Language, Intl.NumberFormat>();

/** A figure with its unit as people read it: « 12 500 kWh », « 3,5 ETP », « 1 200 € ». */
export function formatFigure(value: number, unit: IndicatorUnit, lang: Language): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      maximumFractionDigits: 2,
    });
    numberFormats.set(lang, format);
  }
  const label = UNIT_LABELS[unit][lang];
  return label ? `${format.format(value)}\u00a0${label}` : format.format(value);
}
