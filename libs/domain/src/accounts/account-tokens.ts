import { z } from 'zod';
import { DomainError, DomainErrorCode } from '../shared/errors';
import { type Language } from '../shared/language';
import { ACCOUNT_LIMITS, signInInputSchema } from './accounts.schemas';

/** What a single-use token sent by e-mail is for (mirrors the database enum). */
export const AccountTokenPurpose = {
  VERIFY_EMAIL: 'VERIFY_EMAIL',
  PASSWORD_RESET: 'PASSWORD_RESET',
} as const;
export type AccountTokenPurpose = (typeof AccountTokenPurpose)[keyof typeof AccountTokenPurpose];

const HOUR_MS = 60 * 60 * 1000;

/**
 * How long a link stays valid: 48 hours to confirm an address (people read mail late), one hour
 * to reset a password (a leaked link must not open the account for long).
 */
export const ACCOUNT_TOKEN_LIFETIME_MS: Readonly<Record<AccountTokenPurpose, number>> = {
  VERIFY_EMAIL: 48 * HOUR_MS,
  PASSWORD_RESET: HOUR_MS,
};

/** When a token issued at `now` for `purpose` stops working. */
export function accountTokenExpiresAt(purpose: AccountTokenPurpose, now: Date): Date {
  return new Date(now.getTime() + ACCOUNT_TOKEN_LIFETIME_MS[purpose]);
}

export type AccountTokenState = 'valid' | 'expired' | 'used';

/** The stored facts that decide whether a token still works. */
export interface AccountTokenFacts {
  expiresAt: Date;
  usedAt: Date | null;
}

/**
 * Whether a token may be used at `now`. A used token is reported as used even once expired, so
 * a person who clicks twice is told the link already served rather than that it expired.
 */
export function accountTokenState(token: AccountTokenFacts, now: Date): AccountTokenState {
  if (token.usedAt !== null) return 'used';
  return token.expiresAt.getTime() > now.getTime() ? 'valid' : 'expired';
}

/**
 * The error for a token that cannot be used: TOKEN_INVALID when unknown (or for another
 * purpose), TOKEN_USED, TOKEN_EXPIRED; null when it is valid.
 */
export function accountTokenError(
  token: AccountTokenFacts | null,
  now: Date,
  lang: Language = 'fr',
): DomainError | null {
  if (!token) return new DomainError(DomainErrorCode.TOKEN_INVALID, undefined, lang);
  const state = accountTokenState(token, now);
  if (state === 'used') return new DomainError(DomainErrorCode.TOKEN_USED, undefined, lang);
  if (state === 'expired') return new DomainError(DomainErrorCode.TOKEN_EXPIRED, undefined, lang);
  return null;
}

/** Tokens are 32 random bytes in base64url (43 characters); anything else is refused early. */
export const ACCOUNT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Whether a string has the shape of a token (a cheap check before any database read). */
export function isAccountTokenShape(value: string): boolean {
  return ACCOUNT_TOKEN_PATTERN.test(value);
}

/** The address is checked and normalised like at sign-in. */
export const requestPasswordResetInputSchema = z.strictObject({
  email: signInInputSchema.shape.email,
});
export type RequestPasswordResetInput = z.infer<typeof requestPasswordResetInputSchema>;

/** The new password follows the sign-up rules; the token's shape is checked by the service. */
export const resetPasswordInputSchema = z.strictObject({
  token: z.string().max(200),
  password: z.string().min(ACCOUNT_LIMITS.passwordMin).max(ACCOUNT_LIMITS.passwordMax),
});
export type ResetPasswordInput = z.infer<typeof resetPasswordInputSchema>;
