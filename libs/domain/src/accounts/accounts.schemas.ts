import { z } from 'zod';
import { ActorType, membersOf } from '../shared/enums';
import { territoryId, text } from '../shared/schemas';

export const ACCOUNT_LIMITS = {
  passwordMin: 10,
  passwordMax: 128,
  displayNameMin: 2,
  displayNameMax: 60,
  emailMax: 254,
} as const;

/** Trims, applies Unicode NFC and lower-cases an e-mail address, so one person has one account. */
export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

const email = () =>
  z.string().trim().min(1).max(ACCOUNT_LIMITS.emailMax).pipe(z.email()).transform(normaliseEmail);

export const signUpInputSchema = z.strictObject({
  email: email(),
  password: z.string().min(ACCOUNT_LIMITS.passwordMin).max(ACCOUNT_LIMITS.passwordMax),
  displayName: text(ACCOUNT_LIMITS.displayNameMin, ACCOUNT_LIMITS.displayNameMax),
  actorType: z.enum(membersOf(ActorType)),
  territoryId: territoryId(),
  /** Consent to the terms of use and privacy policy (TERMS_VERSION): must be true. */
  acceptTerms: z.boolean().refine((accepted) => accepted, { params: { rule: 'acceptTerms' } }),
});
export type SignUpInput = z.infer<typeof signUpInputSchema>;

export const signInInputSchema = z.strictObject({
  email: email(),
  password: z.string().min(1).max(ACCOUNT_LIMITS.passwordMax),
});
export type SignInInput = z.infer<typeof signInInputSchema>;

/** The new password follows the sign-up rules. */
export const changePasswordInputSchema = z.strictObject({
  currentPassword: z.string().min(1).max(ACCOUNT_LIMITS.passwordMax),
  newPassword: z.string().min(ACCOUNT_LIMITS.passwordMin).max(ACCOUNT_LIMITS.passwordMax),
});
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;
