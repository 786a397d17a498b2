import { z } from 'zod';

/** A consultation's moderation settings, stored as JSON on the consultation. */
export interface ConsultationSettings {
  /** Open reports at which a proposal or comment is hidden until a moderator decides. */
  reportThreshold: number;
  /** Whether a new account's first contribution waits in the moderation queue. */
  preModeration: boolean;
}

export const CONSULTATION_SETTINGS_LIMITS = {
  reportThresholdMin: 1,
  reportThresholdMax: 50,
} as const;

export const DEFAULT_CONSULTATION_SETTINGS: Readonly<ConsultationSettings> = Object.freeze({
  reportThreshold: 3,
  preModeration: false,
});

const reportThreshold = () =>
  z
    .int()
    .min(CONSULTATION_SETTINGS_LIMITS.reportThresholdMin)
    .max(CONSULTATION_SETTINGS_LIMITS.reportThresholdMax);

/** What an administrator may send; absent or null keeps the current value. */
export const consultationSettingsInputSchema = z.strictObject({
  reportThreshold: reportThreshold().nullable().optional(),
  preModeration: z.boolean().nullable().optional(),
});
export type ConsultationSettingsInput = z.infer<typeof consultationSettingsInputSchema>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The settings stored on a consultation, with defaults: a missing or invalid value (e.g. rows
 * written before a setting existed) falls back to its default, key by key.
 */
export function parseConsultationSettings(json: unknown): ConsultationSettings {
  const stored = isRecord(json) ? json : {};
  const threshold = reportThreshold().safeParse(stored['reportThreshold']);
  const preModeration = z.boolean().safeParse(stored['preModeration']);
  return {
    reportThreshold: threshold.success
      ? threshold.data
      : DEFAULT_CONSULTATION_SETTINGS.reportThreshold,
    preModeration: preModeration.success
      ? preModeration.data
      : DEFAULT_CONSULTATION_SETTINGS.preModeration,
  };
}

/** The current settings with an administrator's changes applied (null/absent keeps a value). */
export function applyConsultationSettings(
  current: unknown,
  input: ConsultationSettingsInput | null | undefined,
): ConsultationSettings {
  const settings = parseConsultationSettings(current);
  return {
    reportThreshold: input?.reportThreshold ?? settings.reportThreshold,
    preModeration: input?.preModeration ?? settings.preModeration,
  };
}
