import { z } from 'zod';
import { assertCan, type Actor } from '../permissions/can';
import { type Role } from '../shared/enums';
import { DomainError, DomainErrorCode } from '../shared/errors';
import { DEFAULT_LANGUAGE, type Language } from '../shared/language';
import { id, text } from '../shared/schemas';

export const SUSPENSION_LIMITS = {
  reasonMin: 3,
  reasonMax: 1_000,
  durationDaysMin: 1,
  durationDaysMax: 3_650,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

export const suspendUserInputSchema = z.strictObject({
  userId: id(),
  reason: text(SUSPENSION_LIMITS.reasonMin, SUSPENSION_LIMITS.reasonMax),
  durationDays: z
    .number()
    .int()
    .min(SUSPENSION_LIMITS.durationDaysMin)
    .max(SUSPENSION_LIMITS.durationDaysMax)
    .nullable()
    .optional(),
});
export type SuspendUserInput = z.infer<typeof suspendUserInputSchema>;

export const reinstateUserInputSchema = z.strictObject({
  userId: id(),
  reason: text(SUSPENSION_LIMITS.reasonMin, SUSPENSION_LIMITS.reasonMax),
});
export type ReinstateUserInput = z.infer<typeof reinstateUserInputSchema>;

/** The suspension columns of an account. */
export interface SuspensionState {
  suspendedAt: Date | null;
  /** Null with suspendedAt set: until a moderator reinstates the account. */
  suspendedUntil: Date | null;
}

/** Roles only an administrator may suspend. */
const STAFF_ROLES: readonly Role[] = ['MODERATOR', 'ADMIN'];

/** The mutations a suspended account may still run: its session and its notices. */
export const SUSPENSION_EXEMPT_MUTATIONS: readonly string[] = [
  'signIn',
  'signOut',
  'refreshSession',
  'markNotificationsRead',
  // Proving one's address and recovering one's password are not contributions.
  'verifyEmail',
  'resendVerificationEmail',
  'requestPasswordReset',
  'resetPassword',
];

/**
 * Who may suspend (or reinstate) whom: moderators and administrators; never oneself
 * (OWN_ACCOUNT_SUSPENSION); moderators not other moderators or administrators (NOT_ALLOWED).
 */
export function assertCanSuspend(
  actor: Actor,
  target: { id: string; role: Role },
  lang: Language = DEFAULT_LANGUAGE,
): void {
  assertCan(actor, 'moderation.act');
  const moderator = actor as NonNullable<Actor>;
  if (moderator.id === target.id) {
    throw new DomainError(DomainErrorCode.OWN_ACCOUNT_SUSPENSION, undefined, lang);
  }
  if (moderator.role !== 'ADMIN' && STAFF_ROLES.includes(target.role)) {
    throw new DomainError(DomainErrorCode.NOT_ALLOWED, undefined, lang);
  }
}

/** Whether `actor` may suspend `target` (same rule as assertCanSuspend). */
export function canSuspend(actor: Actor, target: { id: string; role: Role }): boolean {
  try {
    assertCanSuspend(actor, target);
    return true;
  } catch {
    return false;
  }
}

/** When a suspension starting `now` ends: `durationDays` later, or never (null). */
export function suspensionEnd(now: Date, durationDays: number | null | undefined): Date | null {
  return durationDays ? new Date(now.getTime() + durationDays * DAY_MS) : null;
}

/** A suspension is over once its end has passed; no job is needed to lift it. */
export function isSuspended(state: SuspensionState, now: Date): boolean {
  return (
    state.suspendedAt !== null && (state.suspendedUntil === null || state.suspendedUntil > now)
  );
}

/** Throws ACCOUNT_SUSPENDED (with `suspendedUntil` when the suspension has an end). */
export function assertNotSuspended(
  state: SuspensionState,
  now: Date,
  lang: Language = DEFAULT_LANGUAGE,
): void {
  if (!isSuspended(state, now)) return;
  throw new DomainError(
    DomainErrorCode.ACCOUNT_SUSPENDED,
    undefined,
    lang,
    state.suspendedUntil ? { suspendedUntil: state.suspendedUntil.toISOString() } : undefined,
  );
}

/** Reinstating needs a running suspension (NOT_SUSPENDED otherwise). */
export function assertSuspended(
  state: SuspensionState,
  now: Date,
  lang: Language = DEFAULT_LANGUAGE,
): void {
  if (!isSuspended(state, now)) {
    throw new DomainError(DomainErrorCode.NOT_SUSPENDED, undefined, lang);
  }
}

/** Whether a mutation is blocked for a suspended account. */
export function isBlockedWhenSuspended(mutation: string): boolean {
  return !SUSPENSION_EXEMPT_MUTATIONS.includes(mutation);
}
