import { z } from 'zod';
import { membersOf, VoteValue } from '../shared/enums';

/** When a proposal counts as supported across colleges (cross-college consensus). */
// A type alias, not an interface, so it stays assignable to JSON object types.
export type CollegeThresholds = {
  /** Share of FOR among FOR and AGAINST votes needed in a college, 0.5 to 1. */
  minForShare: number;
  /** Colleges that must each reach minForShare, 1 to 7. */
  minColleges: number;
  /** Votes a college needs before it counts, 1 to 10000. */
  minVotesPerCollege: number;
};

/** A consultation's settings, stored as JSON on the consultation. */
export interface ConsultationSettings {
  /** Open reports at which a proposal or comment is hidden until a moderator decides. */
  reportThreshold: number;
  /** Whether a new account's first contribution waits in the moderation queue. */
  preModeration: boolean;
  /** The vote choices offered, always with FOR, in the order FOR, AGAINST, NEUTRAL. */
  voteValues: VoteValue[];
  /** When a proposal counts as supported across colleges. */
  collegeThresholds: CollegeThresholds;
}

export const CONSULTATION_SETTINGS_LIMITS = {
  reportThresholdMin: 1,
  reportThresholdMax: 50,
  minForShareMin: 0.5,
  minForShareMax: 1,
  minCollegesMin: 1,
  minCollegesMax: 7,
  minVotesPerCollegeMin: 1,
  minVotesPerCollegeMax: 10_000,
} as const;

const VOTE_VALUE_ORDER = membersOf(VoteValue);

export const DEFAULT_CONSULTATION_SETTINGS: Readonly<ConsultationSettings> = Object.freeze({
  reportThreshold: 3,
  preModeration: false,
  voteValues: Object.freeze([...VOTE_VALUE_ORDER]) as VoteValue[],
  collegeThresholds: Object.freeze({ minForShare: 0.6, minColleges: 3, minVotesPerCollege: 10 }),
});

const LIMITS = CONSULTATION_SETTINGS_LIMITS;

const reportThreshold = () => z.int().min(LIMITS.reportThresholdMin).max(LIMITS.reportThresholdMax);
const minForShare = () => z.number().min(LIMITS.minForShareMin).max(LIMITS.minForShareMax);
const minColleges = () => z.int().min(LIMITS.minCollegesMin).max(LIMITS.minCollegesMax);
const minVotesPerCollege = () =>
  z.int().min(LIMITS.minVotesPerCollegeMin).max(LIMITS.minVotesPerCollegeMax);

const voteValues = () =>
  z
    .array(z.enum(VOTE_VALUE_ORDER))
    .min(1)
    .refine((values) => new Set(values).size === values.length, { params: { rule: 'unique' } })
    .refine((values) => values.includes(VoteValue.FOR), { params: { rule: 'includesFor' } });

/** What an administrator may send; absent or null keeps the current value. */
export const consultationSettingsInputSchema = z.strictObject({
  reportThreshold: reportThreshold().nullable().optional(),
  preModeration: z.boolean().nullable().optional(),
  voteValues: voteValues().nullable().optional(),
  collegeThresholds: z
    .strictObject({
      minForShare: minForShare().nullable().optional(),
      minColleges: minColleges().nullable().optional(),
      minVotesPerCollege: minVotesPerCollege().nullable().optional(),
    })
    .nullable()
    .optional(),
});
export type ConsultationSettingsInput = z.infer<typeof consultationSettingsInputSchema>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A stored value when it passes its rule, else the default. */
function valueOr<T>(schema: z.ZodType<T>, stored: unknown, fallback: T): T {
  const result = schema.safeParse(stored);
  return result.success ? result.data : fallback;
}

/** Vote values in their canonical order: FOR, AGAINST, NEUTRAL. */
const inOrder = (values: readonly VoteValue[]): VoteValue[] =>
  VOTE_VALUE_ORDER.filter((value) => values.includes(value));

/** The rules stored values are read with: built once, on first use (lists read many rows). */
let storedRules: {
  reportThreshold: z.ZodType<number>;
  preModeration: z.ZodType<boolean>;
  voteValues: z.ZodType<VoteValue[]>;
  minForShare: z.ZodType<number>;
  minColleges: z.ZodType<number>;
  minVotesPerCollege: z.ZodType<number>;
} | null = null;

const rules = () =>
  (storedRules ??= {
    reportThreshold: reportThreshold(),
    preModeration: z.boolean(),
    voteValues: voteValues(),
    minForShare: minForShare(),
    minColleges: minColleges(),
    minVotesPerCollege: minVotesPerCollege(),
  });

/**
 * The settings stored on a consultation, with defaults: a missing or invalid value (e.g. rows
 * written before a setting existed) falls back to its default, key by key.
 */
export function parseConsultationSettings(json: unknown): ConsultationSettings {
  const stored = isRecord(json) ? json : {};
  const defaults = DEFAULT_CONSULTATION_SETTINGS;
  const thresholds = isRecord(stored['collegeThresholds']) ? stored['collegeThresholds'] : {};
  const rule = rules();
  return {
    reportThreshold: valueOr(
      rule.reportThreshold,
      stored['reportThreshold'],
      defaults.reportThreshold,
    ),
    preModeration: valueOr(rule.preModeration, stored['preModeration'], defaults.preModeration),
    voteValues: inOrder(valueOr(rule.voteValues, stored['voteValues'], defaults.voteValues)),
    collegeThresholds: {
      minForShare: valueOr(
        rule.minForShare,
        thresholds['minForShare'],
        defaults.collegeThresholds.minForShare,
      ),
      minColleges: valueOr(
        rule.minColleges,
        thresholds['minColleges'],
        defaults.collegeThresholds.minColleges,
      ),
      minVotesPerCollege: valueOr(
        rule.minVotesPerCollege,
        thresholds['minVotesPerCollege'],
        defaults.collegeThresholds.minVotesPerCollege,
      ),
    },
  };
}

/** The current settings with an administrator's changes applied (null/absent keeps a value). */
export function applyConsultationSettings(
  current: unknown,
  input: ConsultationSettingsInput | null | undefined,
): ConsultationSettings {
  const settings = parseConsultationSettings(current);
  const thresholds = input?.collegeThresholds;
  return {
    reportThreshold: input?.reportThreshold ?? settings.reportThreshold,
    preModeration: input?.preModeration ?? settings.preModeration,
    voteValues: input?.voteValues ? inOrder(input.voteValues) : settings.voteValues,
    collegeThresholds: {
      minForShare: thresholds?.minForShare ?? settings.collegeThresholds.minForShare,
      minColleges: thresholds?.minColleges ?? settings.collegeThresholds.minColleges,
      minVotesPerCollege:
        thresholds?.minVotesPerCollege ?? settings.collegeThresholds.minVotesPerCollege,
    },
  };
}

/** Whether a consultation offers a vote choice (castVote refuses the others). */
export function isVoteValueOffered(settings: ConsultationSettings, value: VoteValue): boolean {
  return settings.voteValues.includes(value);
}
