import {
  SUSPENSION_LIMITS,
  fieldErrors,
  reinstateUserInputSchema,
  suspendUserInputSchema,
  type FieldError,
  type Language,
} from '@passerelle/domain';

/** Bounds of a suspension's duration, in days (the API's SuspendUserInput.durationDays). */
export const SUSPENSION_DAYS = {
  min: SUSPENSION_LIMITS.durationDaysMin,
  max: SUSPENSION_LIMITS.durationDaysMax,
} as const;

export type SuspensionMode = 'suspend' | 'reinstate';

/** What the dialog holds: the duration as typed (a number input's text) and whether it applies. */
export interface SuspensionFormValues {
  reason: string;
  isIndefinite: boolean;
  days: string;
}

/** Form order: focus goes to the first invalid field. */
export const SUSPENSION_FIELDS = ['reason', 'durationDays'] as const;

/** Typed text to days: null until further notice; blank stays missing (so "required"). */
export function toDurationDays(values: SuspensionFormValues): number | null | undefined {
  if (values.isIndefinite) return null;
  const text = values.days.trim();
  return text === '' ? undefined : Number(text);
}

/**
 * The form's errors, from the domain's own SuspendUserInput / ReinstateUserInput schemas (the
 * API applies the same), checked before sending so a typo costs no round trip.
 */
export function suspensionFieldErrors(
  mode: SuspensionMode,
  userId: string,
  values: SuspensionFormValues,
  language: Language,
): FieldError[] {
  if (mode === 'reinstate') {
    return fieldErrors(reinstateUserInputSchema, { userId, reason: values.reason }, language);
  }
  // A blank number of days is sent to the schema as blank text, so it reads "required" (the API
  // takes an absent duration as indefinite; here that is an explicit choice).
  const days = toDurationDays(values);
  const durationDays = days === undefined ? '' : days;
  return fieldErrors(
    suspendUserInputSchema,
    { userId, reason: values.reason, durationDays },
    language,
  );
}
