import { z } from 'zod';
import { normaliseEmail } from '../accounts/accounts.schemas';
import { DomainError, DomainErrorCode } from '../shared/errors';
import { DEFAULT_LANGUAGE, type Language } from '../shared/language';

/**
 * Version of the terms of use and privacy policy a new account accepts (stored in
 * users.termsVersion with users.termsAcceptedAt). Change it when the privacy page changes.
 */
export const TERMS_VERSION = '2026-11-26';

/** How an account is deleted: its contributions stay under an anonymous author, or are erased. */
export const AccountDeletionMode = {
  KEEP_CONTRIBUTIONS: 'KEEP_CONTRIBUTIONS',
  ERASE_CONTRIBUTIONS: 'ERASE_CONTRIBUTIONS',
} as const;
export type AccountDeletionMode = (typeof AccountDeletionMode)[keyof typeof AccountDeletionMode];

export const deleteMyAccountInputSchema = z.strictObject({
  mode: z.enum([AccountDeletionMode.KEEP_CONTRIBUTIONS, AccountDeletionMode.ERASE_CONTRIBUTIONS]),
  /** Required when the account has a password (checked by the service). */
  password: z.string().max(128).nullish(),
  /** The account's e-mail address, typed again by its owner. */
  confirmation: z.string().trim().min(1).max(254),
});
export type DeleteMyAccountInput = z.infer<typeof deleteMyAccountInputSchema>;

const CONFIRMATION_MESSAGES: Record<Language, string> = {
  fr: 'Saisissez exactement l’adresse e-mail de votre compte pour confirmer la suppression.',
  en: 'Type your account’s e-mail address exactly to confirm the deletion.',
};

/** Refuses the deletion unless the confirmation is the account's own e-mail address. */
export function assertDeletionConfirmed(
  confirmation: string,
  accountEmail: string,
  lang: Language = DEFAULT_LANGUAGE,
): void {
  if (normaliseEmail(confirmation) === normaliseEmail(accountEmail)) return;
  throw new DomainError(
    DomainErrorCode.INVALID_INPUT,
    [{ field: 'confirmation', rule: 'deletionConfirmation', message: CONFIRMATION_MESSAGES[lang] }],
    lang,
  );
}

/** What decides whether an account may go: the platform and its organisations keep a head. */
export interface DeletionContext {
  /** The account is an administrator and no other (not deleted) administrator exists. */
  isLastAdmin: boolean;
  /** Organisations where the account is the only manager (and other members remain or not). */
  organisationsWithoutOtherManager: number;
}

/** LAST_ADMIN or LAST_MANAGER when deleting the account would leave nobody in charge. */
export function assertAccountDeletable(
  context: DeletionContext,
  lang: Language = DEFAULT_LANGUAGE,
): void {
  if (context.isLastAdmin) throw new DomainError(DomainErrorCode.LAST_ADMIN, undefined, lang);
  if (context.organisationsWithoutOtherManager > 0) {
    throw new DomainError(DomainErrorCode.LAST_MANAGER, undefined, lang);
  }
}

/** The e-mail column of a deleted account: unique, and not an address anyone can receive at. */
export function tombstoneEmail(userId: string): string {
  return `supprime-${userId}@invalid`;
}

/** True for the e-mail column of a deleted account. */
export function isTombstoneEmail(email: string): boolean {
  return /^supprime-[0-9a-f-]+@invalid$/.test(email);
}

/** The stored name of a deleted account (clients show their own translation). */
export const ANONYMOUS_DISPLAY_NAME = 'Participant·e anonyme';

/** The name shown for a deleted account, by language. */
export function anonymousName(lang: Language = DEFAULT_LANGUAGE): string {
  return lang === 'en' ? 'Anonymous participant' : ANONYMOUS_DISPLAY_NAME;
}

/** Texts of an erased proposal (its author deleted the account and erased their contributions). */
export const ERASED_PROPOSAL = {
  title: 'Proposition effacée',
  summary: 'Son auteur·rice a supprimé son compte et effacé ses contributions.',
  body: 'Son auteur·rice a supprimé son compte et effacé ses contributions.',
} as const;

/** What an erased proposal's revisions and an erased comment keep: nothing written. */
export const ERASED_TEXT = '';

/** Replaces a name everywhere in a text (e.g. a copy of the deleted account's name in an e-mail). */
export function redactName(text: string, name: string, replacement: string): string {
  if (name.trim() === '') return text;
  return text.split(name).join(replacement);
}

/** The default retention periods, in days (AppConfig.retention; RETENTION_*_DAYS). */
export const DEFAULT_RETENTION = { authEventsDays: 365, emailDays: 90, tokensDays: 30 } as const;

export interface RetentionPeriods {
  authEventsDays: number;
  emailDays: number;
  tokensDays: number;
}

export interface RetentionCutoffs {
  /** auth_events created before it are deleted. */
  authEvents: Date;
  /** Sent or failed e-mails created before it are deleted. */
  emails: Date;
  /** Tokens expired, used or revoked before it are deleted (OpenID Connect attempts too). */
  tokens: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instants before which the retention job purges each kind of row. */
export function retentionCutoffs(now: Date, periods: RetentionPeriods): RetentionCutoffs {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return {
    authEvents: before(periods.authEventsDays),
    emails: before(periods.emailDays),
    tokens: before(periods.tokensDays),
  };
}

/** File name of a data export, e.g. passerelle-mes-donnees-2026-11-26.json (UTC date). */
export function exportFileName(now: Date): string {
  return `passerelle-mes-donnees-${now.toISOString().slice(0, 10)}.json`;
}

/** Version of the export's JSON shape. */
export const DATA_EXPORT_FORMAT_VERSION = 1;
