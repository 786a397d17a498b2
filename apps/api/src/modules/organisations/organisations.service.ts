import { Injectable } from '@nestjs/common';
import {
  type Actor,
  assertCanManageOrganisation,
  assertCanRemoveMember,
  DomainError,
  DomainErrorCode,
  inviteOrganisationMemberInputSchema,
  type Language,
  parseCreateOrganisationInput,
  removeOrganisationMemberInputSchema,
  respondToInvitation,
  respondToOrganisationInvitationInputSchema,
  validateInput,
} from '@passerelle/domain';
import { invalidArgument, isUuid, unknownReference } from '../../common/graphql/ids';
import { isUniqueViolation } from '../../common/prisma/prisma-errors';
import { TerritoriesRepository } from '../territories/territories.repository';
import {
  type InvitationRecord,
  type OrganisationRecord,
  OrganisationsRepository,
} from './organisations.repository';

/** The signed-in actor (the global guard already refuses anonymous visitors here). */
function signedIn(actor: Actor, lang: Language): NonNullable<Actor> {
  if (!actor) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
  return actor;
}

/** Organisation search: shortest and longest query, largest page. */
export const SEARCH_MIN_LENGTH = 2;
const SEARCH_MAX_LENGTH = 100;
export const SEARCH_MAX_FIRST = 20;

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly territories: TerritoriesRepository,
  ) {}

  async get(id: string, lang: Language): Promise<OrganisationRecord> {
    const organisation = isUuid(id) ? await this.organisations.findById(id) : null;
    if (!organisation) {
      throw new DomainError(DomainErrorCode.ORGANISATION_NOT_FOUND, undefined, lang);
    }
    return organisation;
  }

  /**
   * Organisations whose name contains `query` (case and accents ignored), by name. The query must
   * have at least 2 characters (spaces trimmed); `first` is between 1 and 20.
   */
  search(query: string, first: number, lang: Language): Promise<OrganisationRecord[]> {
    const text = query.trim();
    if (text.length < SEARCH_MIN_LENGTH) {
      throw invalidArgument(
        'query',
        'minLength',
        {
          fr: `Saisissez au moins ${SEARCH_MIN_LENGTH} caractères.`,
          en: `Type at least ${SEARCH_MIN_LENGTH} characters.`,
        },
        lang,
      );
    }
    if (text.length > SEARCH_MAX_LENGTH) {
      throw invalidArgument(
        'query',
        'maxLength',
        {
          fr: `Saisissez au plus ${SEARCH_MAX_LENGTH} caractères.`,
          en: `Type at most ${SEARCH_MAX_LENGTH} characters.`,
        },
        lang,
      );
    }
    if (!Number.isInteger(first) || first < 1 || first > SEARCH_MAX_FIRST) {
      throw invalidArgument(
        'first',
        'range',
        {
          fr: `first doit être compris entre 1 et ${SEARCH_MAX_FIRST}.`,
          en: `first must be between 1 and ${SEARCH_MAX_FIRST}.`,
        },
        lang,
      );
    }
    return this.organisations.searchByName(text, first);
  }

  /** Creates an organisation; its creator becomes its first MANAGER. */
  async create(actor: Actor, input: unknown, lang: Language): Promise<OrganisationRecord> {
    const creator = signedIn(actor, lang);
    const data = parseCreateOrganisationInput(input, lang);
    if (!(await this.territories.exists(data.territoryId))) {
      throw unknownReference('territoryId', DomainErrorCode.TERRITORY_NOT_FOUND, lang);
    }
    const siretTaken = () => new DomainError(DomainErrorCode.SIRET_TAKEN, undefined, lang);
    if (data.siret && (await this.organisations.isSiretTaken(data.siret))) throw siretTaken();
    try {
      return await this.organisations.createWithManager({ ...data, createdById: creator.id });
    } catch (error) {
      if (isUniqueViolation(error, 'siret')) throw siretTaken(); // a concurrent creation
      throw error;
    }
  }

  /**
   * A manager invites an existing account by e-mail. Inviting someone who already has a pending
   * invitation returns that invitation.
   */
  async invite(actor: Actor, input: unknown, lang: Language): Promise<InvitationRecord> {
    const inviter = signedIn(actor, lang);
    const data = validateInput(inviteOrganisationMemberInputSchema, input, lang);
    const notFound = () => new DomainError(DomainErrorCode.ORGANISATION_NOT_FOUND, undefined, lang);
    const organisation = await this.organisations.findById(data.organisationId);
    if (!organisation) throw notFound();
    // Strangers learn nothing about which e-mail addresses have an account.
    assertCanManageOrganisation(
      await this.organisations.findMembership(inviter.id, organisation.id),
    );
    const inviteeId = await this.organisations.findUserIdByEmail(data.email);
    if (!inviteeId) throw new DomainError(DomainErrorCode.USER_NOT_FOUND, undefined, lang);
    const invitation = await this.organisations.invite(
      { organisationId: organisation.id, inviteeId, invitedById: inviter.id, role: data.role },
      (inviterMembership, inviteeMembership) => {
        assertCanManageOrganisation(inviterMembership);
        if (inviteeMembership) throw new DomainError(DomainErrorCode.ALREADY_MEMBER);
      },
    );
    if (!invitation) throw notFound();
    return invitation;
  }

  /** The invitee accepts (and joins) or declines a pending invitation. */
  async respond(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<InvitationRecord> {
    const invitee = signedIn(actor, lang);
    const data = validateInput(respondToOrganisationInvitationInputSchema, input, lang);
    const invitation = await this.organisations.respond(data.invitationId, (row) =>
      respondToInvitation(row, invitee.id, data.accept, now),
    );
    if (!invitation) throw new DomainError(DomainErrorCode.INVITATION_NOT_FOUND, undefined, lang);
    return invitation;
  }

  /** A manager removes a member, or a member leaves; never the last manager. */
  async removeMember(actor: Actor, input: unknown, lang: Language): Promise<OrganisationRecord> {
    const remover = signedIn(actor, lang);
    const data = validateInput(removeOrganisationMemberInputSchema, input, lang);
    const organisation = await this.organisations.removeMember(
      { organisationId: data.organisationId, actorId: remover.id, userId: data.userId },
      (actorMembership, target, managerCount) =>
        assertCanRemoveMember({
          actorId: remover.id,
          actorMembership,
          targetUserId: data.userId,
          target,
          managerCount,
        }),
    );
    if (!organisation) {
      throw new DomainError(DomainErrorCode.ORGANISATION_NOT_FOUND, undefined, lang);
    }
    return organisation;
  }

  myInvitations(actor: Actor, lang: Language): Promise<InvitationRecord[]> {
    return this.organisations.findPendingInvitationsFor(signedIn(actor, lang).id);
  }
}
