import {
  DEFAULT_CONSULTATION_SETTINGS,
  PHASE_ORDER,
  type FieldError,
  type PhaseKind,
} from '@passerelle/domain';
import type {
  AdminConsultation,
  TerritoryRef,
  VoteValue,
} from '../../../shared/graphql/schema-types';
import type {
  ConsultationSettingsInput,
  CreateConsultationInput,
  PhaseInput,
  UpdateConsultationInput,
} from '../graphql/admin.documents';

/** Vote values in the order the API stores them; FOR is always offered. */
export const VOTE_VALUES: readonly VoteValue[] = ['FOR', 'AGAINST', 'NEUTRAL'];
export const REQUIRED_VOTE_VALUE: VoteValue = 'FOR';

/** A NumberInput's value: a number, or '' when emptied. */
export type NumberValue = number | string;

export interface PhaseState {
  enabled: boolean;
  /** `datetime-local` values (local time, `YYYY-MM-DDTHH:mm`); '' when empty. */
  startsAt: string;
  endsAt: string;
  /** The dates as loaded: kept to the millisecond when the admin leaves them unchanged. */
  loadedStartsAt: string | null;
  loadedEndsAt: string | null;
}

export interface ConsultationFormState {
  title: string;
  slug: string;
  description: string;
  isNational: boolean;
  territory: TerritoryRef | null;
  /** The carrying organisation's id (a local space); '' for none. */
  organisationId: string;
  /** The consultation had a carrying organisation when loaded: emptying the field removes it. */
  hadOrganisation: boolean;
  themeIds: string[];
  phases: Record<PhaseKind, PhaseState>;
  reportThreshold: NumberValue;
  preModeration: boolean;
  voteValues: VoteValue[];
  /** Shown as a percentage (50 to 100); sent as a share (0.5 to 1). */
  minForSharePercent: NumberValue;
  minColleges: NumberValue;
  minVotesPerCollege: NumberValue;
}

/** Form order: focus goes to the first invalid field in this order. */
export const CONSULTATION_FORM_FIELDS = [
  'title',
  'slug',
  'description',
  'territoryId',
  'organisationId',
  'themeIds',
  'phases',
  'PROPOSING_startsAt',
  'PROPOSING_endsAt',
  'VOTING_startsAt',
  'VOTING_endsAt',
  'CURATING_startsAt',
  'CURATING_endsAt',
  'CLOSED_startsAt',
  'CLOSED_endsAt',
  'settings',
  'reportThreshold',
  'preModeration',
  'voteValues',
  'minForShare',
  'minColleges',
  'minVotesPerCollege',
] as const;
export type ConsultationFormField = (typeof CONSULTATION_FORM_FIELDS)[number];

export const phaseField = (kind: PhaseKind, end: 'startsAt' | 'endsAt') =>
  `${kind}_${end}` as ConsultationFormField;

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as a `datetime-local` value in the browser's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

/**
 * A `datetime-local` value as an ISO instant: '' is null, an unchanged loaded date keeps its exact
 * instant, and an unreadable value is passed on as typed so that validation names it.
 */
export function fromLocalInput(local: string, loaded: string | null = null): string | null {
  if (local.trim() === '') return null;
  if (loaded && toLocalInput(loaded) === local) return loaded;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** A URL-friendly slug from a title: accents dropped, lower case, words joined by dashes. */
export function slugify(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

const emptyPhase = (enabled: boolean): PhaseState => ({
  enabled,
  startsAt: '',
  endsAt: '',
  loadedStartsAt: null,
  loadedEndsAt: null,
});

/** A new consultation: national, proposals phase ticked, the API's default settings. */
export function emptyConsultationForm(): ConsultationFormState {
  const defaults = DEFAULT_CONSULTATION_SETTINGS;
  return {
    title: '',
    slug: '',
    description: '',
    isNational: true,
    territory: null,
    organisationId: '',
    hadOrganisation: false,
    themeIds: [],
    phases: {
      PROPOSING: emptyPhase(true),
      VOTING: emptyPhase(false),
      CURATING: emptyPhase(false),
      CLOSED: emptyPhase(false),
    },
    reportThreshold: defaults.reportThreshold,
    preModeration: defaults.preModeration,
    voteValues: [...VOTE_VALUES],
    minForSharePercent: Math.round(defaults.collegeThresholds.minForShare * 100),
    minColleges: defaults.collegeThresholds.minColleges,
    minVotesPerCollege: defaults.collegeThresholds.minVotesPerCollege,
  };
}

/** The form as loaded from an existing consultation (with its carrying organisation, if read). */
export function consultationToForm(
  consultation: AdminConsultation & { organisation?: { id: string } | null },
): ConsultationFormState {
  const empty = emptyConsultationForm();
  const phases = { ...empty.phases };
  for (const kind of PHASE_ORDER) phases[kind] = emptyPhase(false);
  for (const phase of consultation.phases) {
    phases[phase.kind] = {
      enabled: true,
      startsAt: toLocalInput(phase.startsAt),
      endsAt: toLocalInput(phase.endsAt),
      loadedStartsAt: phase.startsAt,
      loadedEndsAt: phase.endsAt,
    };
  }
  const { settings } = consultation;
  return {
    title: consultation.title,
    slug: consultation.slug,
    description: consultation.description,
    isNational: consultation.territory === null,
    territory: consultation.territory,
    organisationId: consultation.organisation?.id ?? '',
    hadOrganisation: Boolean(consultation.organisation),
    themeIds: consultation.themes.map((theme) => theme.id),
    phases,
    reportThreshold: settings.reportThreshold,
    preModeration: settings.preModeration,
    voteValues: offeredVoteValues(settings.voteValues),
    minForSharePercent: Math.round(settings.collegeThresholds.minForShare * 100),
    minColleges: settings.collegeThresholds.minColleges,
    minVotesPerCollege: settings.collegeThresholds.minVotesPerCollege,
  };
}

/**
 * The vote values to offer from what is ticked: known values only, in API order, and always FOR
 * (a consultation cannot do without it).
 */
export function offeredVoteValues(ticked: readonly string[]): VoteValue[] {
  return VOTE_VALUES.filter((value) => value === REQUIRED_VOTE_VALUE || ticked.includes(value));
}

/** A NumberInput value as a number; null when empty or unreadable. */
export function toNumber(value: NumberValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value.trim() === '') return null;
  const parsed = Number(value.replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : null;
}

/** The kinds of the ticked phases, in step order (the order they are sent in). */
export function enabledPhaseKinds(state: ConsultationFormState): PhaseKind[] {
  return PHASE_ORDER.filter((kind) => state.phases[kind].enabled);
}

export function toPhaseInputs(state: ConsultationFormState): PhaseInput[] {
  return enabledPhaseKinds(state).map((kind) => {
    const phase = state.phases[kind];
    return {
      kind,
      startsAt: fromLocalInput(phase.startsAt, phase.loadedStartsAt) ?? '',
      endsAt: fromLocalInput(phase.endsAt, phase.loadedEndsAt),
    };
  });
}

export function toSettingsInput(state: ConsultationFormState): ConsultationSettingsInput {
  const percent = toNumber(state.minForSharePercent);
  return {
    reportThreshold: toNumber(state.reportThreshold),
    preModeration: state.preModeration,
    voteValues: offeredVoteValues(state.voteValues),
    collegeThresholds: {
      // 66 % → 0.66, without floating-point noise.
      minForShare: percent === null ? null : Math.round(percent * 100) / 10_000,
      minColleges: toNumber(state.minColleges),
      minVotesPerCollege: toNumber(state.minVotesPerCollege),
    },
  };
}

export function toCreateConsultationInput(state: ConsultationFormState): CreateConsultationInput {
  const organisationId = state.organisationId.trim();
  return {
    slug: state.slug.trim(),
    title: state.title,
    description: state.description,
    territoryId: state.isNational ? null : (state.territory?.id ?? ''),
    // Sent only when given (or, in an edit, to remove the organisation the consultation had).
    ...(organisationId
      ? { organisationId }
      : state.hadOrganisation
        ? { organisationId: null }
        : {}),
    themeIds: state.themeIds,
    phases: toPhaseInputs(state),
    settings: toSettingsInput(state),
  };
}

/** Every editable part is sent: the API keeps what did not change out of its audit entry. */
export function toUpdateConsultationInput(
  consultationId: string,
  state: ConsultationFormState,
): UpdateConsultationInput {
  const { slug: _slugIsNotEditable, ...fields } = toCreateConsultationInput(state);
  return { consultationId, ...fields };
}

/** The form field an error path of the API (or of the domain schema) is about. */
function formFieldOf(path: string, phaseKinds: readonly PhaseKind[]): string {
  const [head, ...rest] = path.split('.');
  if (head === 'phases') {
    const kind = rest.length > 0 ? phaseKinds[Number(rest[0])] : undefined;
    if (!kind) return 'phases';
    return phaseField(kind, rest[1] === 'endsAt' ? 'endsAt' : 'startsAt');
  }
  if (head === 'settings') {
    if (rest[0] === 'collegeThresholds') return rest[1] ?? 'settings';
    return rest[0] ?? 'settings';
  }
  return head;
}

/**
 * Error paths as the form names its fields: `phases.1.endsAt` is the end of the second ticked
 * phase, `settings.collegeThresholds.minColleges` is `minColleges`. Unknown paths stay as they are
 * (the form then shows a form-level message).
 */
export function toFormFieldErrors(
  errors: readonly FieldError[],
  phaseKinds: readonly PhaseKind[],
): FieldError[] {
  return errors.map((error) => ({ ...error, field: formFieldOf(error.field, phaseKinds) }));
}

/**
 * What the domain schema cannot tell from the input sent: an empty number or start date, or a
 * territorial consultation without its territory.
 */
export function missingFieldErrors(
  state: ConsultationFormState,
  requiredMessage: string,
): FieldError[] {
  const missing: string[] = [];
  if (!state.isNational && !state.territory) missing.push('territoryId');
  for (const kind of enabledPhaseKinds(state)) {
    if (state.phases[kind].startsAt.trim() === '') missing.push(phaseField(kind, 'startsAt'));
  }
  const numbers: [ConsultationFormField, NumberValue][] = [
    ['reportThreshold', state.reportThreshold],
    ['minForShare', state.minForSharePercent],
    ['minColleges', state.minColleges],
    ['minVotesPerCollege', state.minVotesPerCollege],
  ];
  for (const [field, value] of numbers) if (toNumber(value) === null) missing.push(field);
  return missing.map((field) => ({ field, rule: 'required', message: requiredMessage }));
}
