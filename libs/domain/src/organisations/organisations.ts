import { z } from 'zod';
import { normaliseEmail } from '../accounts/accounts.schemas';
import { ActorType, membersOf } from '../shared/enums';
import { DomainError, DomainErrorCode, type FieldError } from '../shared/errors';
import { DEFAULT_LANGUAGE, type Language } from '../shared/language';
import { id, territoryId, text } from '../shared/schemas';
import { fieldErrors } from '../shared/validation';
import { isValidSiret } from './siret';

/** A member's role in an organisation: managers invite and remove members. */
export const MembershipRole = Object.freeze({ MEMBER: 'MEMBER', MANAGER: 'MANAGER' } as const);
export type MembershipRole = keyof typeof MembershipRole;

export const ORGANISATION_LIMITS = { nameMin: 2, nameMax: 120, emailMax: 254 } as const;

/** A SIRET without its spaces; blank or absent becomes null. */
const siret = () =>
  z.preprocess(
    (value) => {
      if (typeof value !== 'string') return value;
      const digits = value.replace(/\s/g, '');
      return digits === '' ? null : digits;
    },
    z
      .string()
      .refine(isValidSiret, { params: { rule: 'siret' } })
      .nullish()
      .transform((value) => value ?? null),
  );

export const createOrganisationInputSchema = z.strictObject({
  name: text(ORGANISATION_LIMITS.nameMin, ORGANISATION_LIMITS.nameMax),
  actorType: z.enum(membersOf(ActorType)),
  siret: siret(),
  territoryId: territoryId(),
});
export type CreateOrganisationInput = z.infer<typeof createOrganisationInputSchema>;

export const inviteOrganisationMemberInputSchema = z.strictObject({
  organisationId: id(),
  email: z
    .string()
    .trim()
    .min(1)
    .max(ORGANISATION_LIMITS.emailMax)
    .pipe(z.email())
    .transform(normaliseEmail),
  role: z
    .enum(membersOf(MembershipRole))
    .nullish()
    .transform((role) => role ?? MembershipRole.MEMBER),
});
export type InviteOrganisationMemberInput = z.infer<typeof inviteOrganisationMemberInputSchema>;

export const respondToOrganisationInvitationInputSchema = z.strictObject({
  invitationId: id(),
  accept: z.boolean(),
});
export type RespondToOrganisationInvitationInput = z.infer<
  typeof respondToOrganisationInvitationInputSchema
>;

export const removeOrganisationMemberInputSchema = z.strictObject({
  organisationId: id(),
  userId: id(),
});
export type RemoveOrganisationMemberInput = z.infer<typeof removeOrganisationMemberInputSchema>;

/**
 * Parses a new organisation. A SIRET whose Luhn key is wrong, when it is the only problem, is
 * reported as INVALID_SIRET (still naming the `siret` field); any other problem as INVALID_INPUT.
 */
export function parseCreateOrganisationInput(
  input: unknown,
  lang: Language = DEFAULT_LANGUAGE,
): CreateOrganisationInput {
  const result = createOrganisationInputSchema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldError[] = fieldErrors(createOrganisationInputSchema, input, lang);
  const onlySiret = fields.length === 1 && fields[0].field === 'siret';
  throw new DomainError(
    onlySiret ? DomainErrorCode.INVALID_SIRET : DomainErrorCode.INVALID_INPUT,
    fields,
    lang,
  );
}

/** Someone's membership of an organisation; null or undefined when they are not a member. */
export type Membership = { userId: string; role: MembershipRole } | null | undefined;

/** Only managers manage an organisation (invite and remove members). */
export function assertCanManageOrganisation(actorMembership: Membership): void {
  if (actorMembership?.role !== MembershipRole.MANAGER) {
    throw new DomainError(DomainErrorCode.NOT_A_MANAGER);
  }
}

/**
 * Whether `actorId` may remove `target` from an organisation: managers remove anyone, every member
 * may leave, and the last manager never goes (the organisation would be left unmanaged).
 */
export function assertCanRemoveMember(input: {
  actorId: string;
  actorMembership: Membership;
  targetUserId: string;
  target: Membership;
  managerCount: number;
}): void {
  const { actorId, actorMembership, targetUserId, target, managerCount } = input;
  if (targetUserId !== actorId) assertCanManageOrganisation(actorMembership);
  if (!target) throw new DomainError(DomainErrorCode.NOT_A_MEMBER);
  if (target.role === MembershipRole.MANAGER && managerCount <= 1) {
    throw new DomainError(DomainErrorCode.LAST_MANAGER);
  }
}

export const InvitationStatus = Object.freeze({
  PENDING: 'PENDING',
  ACCEPTED: 'ACCEPTED',
  DECLINED: 'DECLINED',
  REVOKED: 'REVOKED',
} as const);
export type InvitationStatus = keyof typeof InvitationStatus;

export interface InvitationTimestamps {
  acceptedAt: Date | null;
  declinedAt: Date | null;
  revokedAt: Date | null;
}

/** An invitation's state, derived from its timestamps (a revocation wins over everything). */
export function invitationStatus(invitation: InvitationTimestamps): InvitationStatus {
  if (invitation.revokedAt) return InvitationStatus.REVOKED;
  if (invitation.acceptedAt) return InvitationStatus.ACCEPTED;
  if (invitation.declinedAt) return InvitationStatus.DECLINED;
  return InvitationStatus.PENDING;
}

/**
 * The invitee answers a pending invitation once: returns the timestamp to store. Someone else
 * learns nothing about it (INVITATION_NOT_FOUND); a second answer is INVITATION_ALREADY_ANSWERED.
 */
export function respondToInvitation(
  invitation: InvitationTimestamps & { inviteeId: string },
  actorId: string,
  accept: boolean,
  now: Date,
): { acceptedAt: Date } | { declinedAt: Date } {
  if (invitation.inviteeId !== actorId) {
    throw new DomainError(DomainErrorCode.INVITATION_NOT_FOUND);
  }
  if (invitationStatus(invitation) !== InvitationStatus.PENDING) {
    throw new DomainError(DomainErrorCode.INVITATION_ALREADY_ANSWERED);
  }
  return accept ? { acceptedAt: now } : { declinedAt: now };
}
