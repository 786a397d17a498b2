import { DomainError, DomainErrorCode } from '../shared/errors';
import { type Role } from '../shared/enums';

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

/** Throws SIGN_IN_REQUIRED for an anonymous visitor, NOT_ALLOWED for an account lacking the right. */
export function assertCan(actor: Actor, action: Action, resource?: Resource): void {
  if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED);
  if (!can(actor, action, resource)) throw new DomainError(DomainErrorCode.NOT_ALLOWED);
}
