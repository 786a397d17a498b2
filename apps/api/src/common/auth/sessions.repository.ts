import { Injectable } from '@nestjs/common';
import { type Role } from '@passerelle/domain';
import { PrismaService } from '../prisma/prisma.service';

/** What a live session says about its account now (not what its access token said). */
export interface LiveSession {
  role: Role;
  /** The account's suspension columns, read by the same statement (SuspensionGuard). */
  suspension?: { suspendedAt: Date | null; suspendedUntil: Date | null };
}

/**
 * Whether a session (a refresh-token family, the `sid` claim of access tokens) is still live:
 * its newest token is neither revoked nor expired, and its account exists and is not deleted.
 * One statement on the `refresh_tokens.familyId` index joined to the account's primary key.
 */
@Injectable()
export class SessionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findLive(sessionId: string, userId: string, now: Date): Promise<LiveSession | null> {
    const rows = await this.prisma.$queryRaw<
      { role: Role; suspendedAt: Date | null; suspendedUntil: Date | null }[]
    >`
      SELECT u."role"::text AS "role",
        u."suspendedAt" AT TIME ZONE 'UTC' AS "suspendedAt",
        u."suspendedUntil" AT TIME ZONE 'UTC' AS "suspendedUntil"
      FROM "refresh_tokens" rt
      JOIN "users" u ON u."id" = rt."userId"
      WHERE rt."familyId" = ${sessionId}::uuid
        AND rt."userId" = ${userId}::uuid
        AND rt."revokedAt" IS NULL
        AND rt."rotatedAt" IS NULL
        AND rt."expiresAt" > (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
        AND u."deletedAt" IS NULL
      LIMIT 1`;
    const row = rows[0];
    if (!row) return null;
    const { role, suspendedAt, suspendedUntil } = row;
    return { role, suspension: { suspendedAt, suspendedUntil } };
  }

  /**
   * The live sessions among many, by session id, with their account's role: one statement for
   * every open WebSocket connection of a process (SubscriptionServer's periodic check).
   */
  async findLiveMany(
    sessions: readonly { sessionId: string; userId: string }[],
    now: Date,
  ): Promise<Map<string, LiveSession>> {
    if (sessions.length === 0) return new Map();
    const rows = await this.prisma.$queryRaw<{ sessionId: string; role: Role }[]>`
      SELECT rt."familyId"::text AS "sessionId", u."role"::text AS "role"
      FROM unnest(${sessions.map((s) => s.sessionId)}::uuid[], ${sessions.map((s) => s.userId)}::uuid[])
        AS wanted("familyId", "userId")
      JOIN "refresh_tokens" rt
        ON rt."familyId" = wanted."familyId" AND rt."userId" = wanted."userId"
      JOIN "users" u ON u."id" = rt."userId"
      WHERE rt."revokedAt" IS NULL
        AND rt."rotatedAt" IS NULL
        AND rt."expiresAt" > (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
        AND u."deletedAt" IS NULL`;
    return new Map(rows.map((row) => [row.sessionId, { role: row.role }]));
  }
}
