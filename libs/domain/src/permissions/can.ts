import { DomainError, DomainErrorCode } from '../shared/errors';
import { type Role } from '../shared/enums';
import { DEFAULT_LANGUAGE, type Language } from '../shared/language';

/** Who is acting: a signed-in account, or null for an anonymous visitor. */
export type Actor = { id: string; role: Role } | null;

export type Action =
  | 'proposal.submit'
  | 'proposal.edit'
  | 'proposal.withdraw'
  | 'proposal.answer'
  | 'vote.cast'
  | 'comment.create'
  | 'moderation.act'
  | 'brief.edit'
  | 'dashboard.readExact'
  | 'consultation.manage'
  | 'user.readEmail'
  | 'user.manageRoles'
  | 'mail.readOutbox'
  | 'audit.readAuthEvents'
  | 'experiment.checkFigures';

/** What an action applies to, when ownership matters. */
export interface Resource {
  ownerId?: string | null;
}

type SignedIn = NonNullable<Actor>;
const anyone = () => true;
const owner = (actor: SignedIn, resource?: Resource) =>
  !!resource?.ownerId && resource.ownerId === actor.id;
const roles =
  (...allowed: Role[]) =>
  (actor: SignedIn) =>
    allowed.includes(actor.role);

/** One readable rule per action. Anonymous visitors may do none of them. */
const RULES: Record<Action, (actor: SignedIn, resource?: Resource) => boolean> = {
  'proposal.submit': anyone,
  'proposal.edit': owner,
  'proposal.withdraw': owner,
  'proposal.answer': roles('MODERATOR', 'ADMIN'),
  'vote.cast': anyone,
  'comment.create': anyone,
  'moderation.act': roles('MODERATOR', 'ADMIN'),
  'brief.edit': roles('CURATOR', 'ADMIN'),
  /** The participation dashboard without small-cell suppression. */
  'dashboard.readExact': roles('CURATOR', 'ADMIN'),
  'consultation.manage': roles('ADMIN'),
  'user.readEmail': (actor, resource) => owner(actor, resource) || actor.role === 'ADMIN',
  'user.manageRoles': roles('ADMIN'),
  /** Every e-mail written, with its links: the demo outbox. */
  'mail.readOutbox': roles('ADMIN'),
  /** Sign-ins and their failures, sign-outs, role changes… with IP addresses: administrators. */
  'audit.readAuthEvents': roles('ADMIN'),
  /** Marks an experiment's measurements as checked against their sources. */
  'experiment.checkFigures': roles('MODERATOR', 'ADMIN'),
};

/** Whether `actor` may perform `action` on `resource`. */
export function can(actor: Actor, action: Action, resource?: Resource): boolean {
  return actor !== null && RULES[action](actor, resource);
}

/**
 * What is known of the actor in one consultation: whether they are one of its local moderators
 * (a row of consultation_moderators), and whether their account is suspended now.
 */
export interface ConsultationModeration {
  isLocalModerator: boolean;
  isSuspended?: boolean;
}

/**
 * Who moderates a consultation's proposals, comments and their reports: platform moderators and
 * administrators everywhere (`moderation.act`), and that consultation's local moderators unless
 * their account is suspended. Platform-wide actions (suspending accounts, roles, the audit log)
 * stay with `moderation.act`.
 */
export function canModerateConsultation(actor: Actor, context: ConsultationModeration): boolean {
  if (can(actor, 'moderation.act')) return true;
  return actor !== null && context.isLocalModerator && context.isSuspended !== true;
}

/** Like canModerateConsultation: SIGN_IN_REQUIRED for an anonymous visitor, else NOT_ALLOWED. */
export function assertCanModerateConsultation(
  actor: Actor,
  context: ConsultationModeration,
  lang: Language = DEFAULT_LANGUAGE,
): void {
  if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
  if (!canModerateConsultation(actor, context)) {
    throw new DomainError(DomainErrorCode.NOT_ALLOWED, undefined, lang);
  }
}

/** Throws SIGN_IN_REQUIRED for an anonymous visitor, NOT_ALLOWED for an account lacking the right. */
export function assertCan(actor: Actor, action: Action, resource?: Resource): void {
  if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED);
  if (!can(actor, action, resource)) throw new DomainError(DomainErrorCode.NOT_ALLOWED);
}
