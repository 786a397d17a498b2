import { Injectable } from '@nestjs/common';
import { type Membership, type MembershipRole } from '@passerelle/domain';
import { byKey, groupByKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import {
  type ActorType,
  type Organisation as OrganisationRow,
  type OrganisationInvitation as InvitationRow,
  type Prisma,
} from '../../generated/prisma/client';

export type OrganisationRecord = Pick<
  OrganisationRow,
  'id' | 'name' | 'actorType' | 'territoryId' | 'siret' | 'createdById'
>;

export interface MemberRecord {
  organisationId: string;
  userId: string;
  role: MembershipRole;
  joinedAt: Date;
}

export type InvitationRecord = InvitationRow;

export interface NewOrganisation {
  name: string;
  actorType: ActorType;
  siret: string | null;
  territoryId: string;
  createdById: string;
}

const COLUMNS = {
  id: true,
  name: true,
  actorType: true,
  territoryId: true,
  siret: true,
  createdById: true,
} as const;

type Tx = Prisma.TransactionClient;

/** Serialises membership changes of one organisation (invitations, answers, removals). */
async function lockOrganisation(tx: Tx, organisationId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM organisations WHERE id = ${organisationId}::uuid FOR UPDATE`;
  return rows.length > 0;
}

async function membershipOf(tx: Tx, userId: string, organisationId: string): Promise<Membership> {
  return tx.organisationMembership.findUnique({
    where: { userId_organisationId: { userId, organisationId } },
    select: { userId: true, role: true },
  });
}

@Injectable()
export class OrganisationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findByIds(ids: readonly string[]): Promise<(OrganisationRecord | null)[]> {
    const rows = await this.prisma.organisation.findMany({
      where: { id: { in: [...ids] } },
      select: COLUMNS,
    });
    return byKey(ids, rows, (row) => row.id);
  }

  findById(id: string): Promise<OrganisationRecord | null> {
    return this.prisma.organisation.findUnique({ where: { id }, select: COLUMNS });
  }

  /**
   * Organisations whose name contains `query`, ignoring case and accents, by name (then id, so
   * that equal names keep a stable order). `query` is taken literally (LIKE wildcards escaped).
   */
  async searchByName(query: string, first: number): Promise<OrganisationRecord[]> {
    const pattern = `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT o."id" FROM "organisations" o
      WHERE unaccent(o."name") ILIKE unaccent(${pattern})
      ORDER BY lower(unaccent(o."name")), o."id"
      LIMIT ${first}`;
    const found = await this.findByIds(rows.map((row) => row.id));
    return found.filter((row): row is OrganisationRecord => row !== null);
  }

  /** The organisations each user belongs to, in key order (for DataLoader). */
  async findByMemberIds(userIds: readonly string[]): Promise<OrganisationRecord[][]> {
    const memberships = await this.prisma.organisationMembership.findMany({
      where: { userId: { in: [...userIds] } },
      select: { userId: true, organisation: { select: COLUMNS } },
      orderBy: { organisation: { name: 'asc' } },
    });
    return groupByKey(userIds, memberships, (m) => m.userId).map((list) =>
      list.map((m) => m.organisation),
    );
  }

  /** The members of each organisation, managers first then by date joined (for DataLoader). */
  async findMembersByOrganisationIds(ids: readonly string[]): Promise<MemberRecord[][]> {
    const rows = await this.prisma.organisationMembership.findMany({
      where: { organisationId: { in: [...ids] } },
      orderBy: [{ role: 'desc' }, { createdAt: 'asc' }, { userId: 'asc' }],
    });
    const members = rows.map((row) => ({
      organisationId: row.organisationId,
      userId: row.userId,
      role: row.role,
      joinedAt: row.createdAt,
    }));
    return groupByKey(ids, members, (m) => m.organisationId);
  }

  async exists(id: string): Promise<boolean> {
    return (await this.prisma.organisation.count({ where: { id } })) > 0;
  }

  async isMember(userId: string, organisationId: string): Promise<boolean> {
    const membership = await this.prisma.organisationMembership.findUnique({
      where: { userId_organisationId: { userId, organisationId } },
      select: { userId: true },
    });
    return membership !== null;
  }

  findMembership(userId: string, organisationId: string): Promise<Membership> {
    return membershipOf(this.prisma, userId, organisationId);
  }

  async isSiretTaken(siret: string): Promise<boolean> {
    return (await this.prisma.organisation.count({ where: { siret } })) > 0;
  }

  /** Creates an organisation with its creator as MANAGER; a taken SIRET fails on P2002. */
  createWithManager(data: NewOrganisation): Promise<OrganisationRecord> {
    return this.prisma.organisation.create({
      data: { ...data, members: { create: { userId: data.createdById, role: 'MANAGER' } } },
      select: COLUMNS,
    });
  }

  async findUserIdByEmail(email: string): Promise<string | null> {
    const user = await this.prisma.user.findUnique({ where: { email }, select: { id: true } });
    return user?.id ?? null;
  }

  /**
   * Invites an account, under the organisation's lock: `check` sees the inviter's and the
   * invitee's memberships first and throws to refuse. A pending invitation of the same person is
   * returned as is. Null when the organisation does not exist.
   */
  async invite(
    input: { organisationId: string; inviteeId: string; invitedById: string; role: MembershipRole },
    check: (inviter: Membership, invitee: Membership) => void,
  ): Promise<InvitationRecord | null> {
    return this.prisma.$transaction(async (tx) => {
      if (!(await lockOrganisation(tx, input.organisationId))) return null;
      check(
        await membershipOf(tx, input.invitedById, input.organisationId),
        await membershipOf(tx, input.inviteeId, input.organisationId),
      );
      const pending = await tx.organisationInvitation.findFirst({
        where: {
          organisationId: input.organisationId,
          inviteeId: input.inviteeId,
          acceptedAt: null,
          declinedAt: null,
          revokedAt: null,
        },
        orderBy: { createdAt: 'asc' },
      });
      return pending ?? tx.organisationInvitation.create({ data: input });
    });
  }

  /**
   * Answers an invitation under a row lock: `decide` returns the timestamp to store (or throws);
   * an acceptance creates the membership in the same transaction. Null when it does not exist.
   */
  async respond(
    invitationId: string,
    decide: (invitation: InvitationRecord) => { acceptedAt: Date } | { declinedAt: Date },
  ): Promise<InvitationRecord | null> {
    return this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM organisation_invitations WHERE id = ${invitationId}::uuid FOR UPDATE`;
      if (locked.length === 0) return null;
      const invitation = await tx.organisationInvitation.findUniqueOrThrow({
        where: { id: invitationId },
      });
      const answer = decide(invitation);
      const updated = await tx.organisationInvitation.update({
        where: { id: invitationId },
        data: answer,
      });
      if ('acceptedAt' in answer) {
        await tx.organisationMembership.createMany({
          data: [
            {
              userId: invitation.inviteeId,
              organisationId: invitation.organisationId,
              role: invitation.role,
            },
          ],
          skipDuplicates: true,
        });
      }
      return updated;
    });
  }

  /**
   * Removes a member under the organisation's lock: `check` sees the actor's and the target's
   * memberships and the number of managers, and throws to refuse. Null when the organisation
   * does not exist.
   */
  async removeMember(
    input: { organisationId: string; actorId: string; userId: string },
    check: (actor: Membership, target: Membership, managerCount: number) => void,
  ): Promise<OrganisationRecord | null> {
    return this.prisma.$transaction(async (tx) => {
      if (!(await lockOrganisation(tx, input.organisationId))) return null;
      const managerCount = await tx.organisationMembership.count({
        where: { organisationId: input.organisationId, role: 'MANAGER' },
      });
      check(
        await membershipOf(tx, input.actorId, input.organisationId),
        await membershipOf(tx, input.userId, input.organisationId),
        managerCount,
      );
      await tx.organisationMembership.delete({
        where: {
          userId_organisationId: { userId: input.userId, organisationId: input.organisationId },
        },
      });
      return tx.organisation.findUniqueOrThrow({
        where: { id: input.organisationId },
        select: COLUMNS,
      });
    });
  }

  /** The pending invitations of an account, newest first. */
  findPendingInvitationsFor(inviteeId: string): Promise<InvitationRecord[]> {
    return this.prisma.organisationInvitation.findMany({
      where: { inviteeId, acceptedAt: null, declinedAt: null, revokedAt: null },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    });
  }
}
