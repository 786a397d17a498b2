import { Injectable } from '@nestjs/common';
import { type ActorType } from '@passerelle/domain';
import { PrismaService } from '../../../common/prisma/prisma.service';
import { type OidcLoginAttempt, type Prisma } from '../../../generated/prisma/client';
import { type UserRecord } from '../../users/users.repository';

export type OidcAttemptRecord = OidcLoginAttempt;

export interface NewOidcAttempt {
  stateHash: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: Date;
}

export interface OidcNewUser {
  email: string;
  displayName: string;
  actorType: ActorType;
  emailVerifiedAt: Date | null;
  termsAcceptedAt: Date | null;
  termsVersion: string | null;
}

/** What runs inside the same transaction as a link or an account creation (its auth events). */
export type InTransaction = (tx: Prisma.TransactionClient, userId: string) => Promise<void>;

const OMIT_PASSWORD = { passwordHash: true } as const;

/** Sign-in attempts in progress and the accounts' identities at the OpenID Connect provider. */
@Injectable()
export class OidcRepository {
  constructor(private readonly prisma: PrismaService) {}

  async createAttempt(attempt: NewOidcAttempt): Promise<void> {
    await this.prisma.oidcLoginAttempt.create({ data: attempt });
  }

  /**
   * Uses an attempt: one conditional UPDATE, so a state replayed (even concurrently) is used
   * once only. Null when unknown, already used or expired.
   */
  async claimAttempt(stateHash: string, now: Date): Promise<OidcAttemptRecord | null> {
    const claimed = await this.prisma.oidcLoginAttempt.updateMany({
      where: { stateHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return null;
    return this.prisma.oidcLoginAttempt.findUnique({ where: { stateHash } });
  }

  /** The account linked to this identity (deleted accounts included: the caller refuses them). */
  async findIdentityUser(
    issuer: string,
    subject: string,
  ): Promise<{ identityId: string; user: UserRecord } | null> {
    const identity = await this.prisma.userIdentity.findUnique({
      where: { issuer_subject: { issuer, subject } },
      include: { user: { omit: OMIT_PASSWORD } },
    });
    return identity ? { identityId: identity.id, user: identity.user } : null;
  }

  async touchIdentity(identityId: string, now: Date): Promise<void> {
    await this.prisma.userIdentity.update({
      where: { id: identityId },
      data: { lastSignInAt: now },
    });
  }

  findUserByEmail(email: string): Promise<UserRecord | null> {
    return this.prisma.user.findUnique({ where: { email }, omit: OMIT_PASSWORD });
  }

  /**
   * Links an identity to an existing account, with `inTransaction` (its event) in one
   * transaction. With `takeOver` (the account's address was never verified, the provider has just
   * proved it), the address becomes verified and the password and sessions of whoever created the
   * account without proving the address are removed: a squatter's account cannot become the
   * owner's.
   */
  linkIdentity(
    userId: string,
    identity: { issuer: string; subject: string },
    now: Date,
    takeOver: boolean,
    inTransaction: InTransaction,
  ): Promise<void> {
    return this.prisma.$transaction(async (tx) => {
      await tx.userIdentity.create({
        data: { userId, issuer: identity.issuer, subject: identity.subject, lastSignInAt: now },
      });
      if (takeOver) {
        await tx.user.update({
          where: { id: userId },
          data: { emailVerifiedAt: now, passwordHash: null },
        });
        await tx.refreshToken.updateMany({
          where: { userId, revokedAt: null },
          data: { revokedAt: now },
        });
      }
      await inTransaction(tx, userId);
    });
  }

  /**
   * Creates an account without a password and its identity, with `inTransaction` in the same
   * transaction. A taken e-mail or identity fails on the unique indexes (P2002).
   */
  createUserWithIdentity(
    user: OidcNewUser,
    identity: { issuer: string; subject: string },
    now: Date,
    inTransaction: InTransaction,
  ): Promise<UserRecord> {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { ...user, passwordHash: null },
        omit: OMIT_PASSWORD,
      });
      await tx.userIdentity.create({
        data: {
          userId: created.id,
          issuer: identity.issuer,
          subject: identity.subject,
          lastSignInAt: now,
        },
      });
      await inTransaction(tx, created.id);
      return created;
    });
  }
}
