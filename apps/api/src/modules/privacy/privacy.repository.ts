import { Injectable } from '@nestjs/common';
import {
  type AccountDeletionMode,
  ANONYMOUS_DISPLAY_NAME,
  type DeletionContext,
  ERASED_PROPOSAL,
  ERASED_TEXT,
  proposalScores,
  type RetentionCutoffs,
  tombstoneEmail,
} from '@passerelle/domain';
import { PrismaService } from '../../common/prisma/prisma.service';
import { Prisma } from '../../generated/prisma/client';

/** Keys of notification payloads that name or quote someone else: left out of an export. */
const FOREIGN_PAYLOAD_KEYS = ['authorName', 'actorName', 'excerpt'];

/** Rows deleted per statement by the retention job (a bounded, index-driven DELETE). */
const PURGE_BATCH = 5_000;

/** What a deletion needs from its account, read under the row lock. */
export interface DeletedAccount {
  email: string;
  displayName: string;
  passwordHash: string | null;
}

/** Rows removed by one run of the retention job, per table. */
export interface PurgeCounts {
  authEvents: number;
  emails: number;
  refreshTokens: number;
  accountTokens: number;
  oidcLoginAttempts: number;
}

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** The inside of a JSON string literal (how a text appears in a json column's text). */
const jsonInner = (text: string) => JSON.stringify(text).slice(1, -1);

const ERASED_HTML = `<p>${escapeHtml(ERASED_PROPOSAL.body)}</p>`;
const REDACTED_EMAIL = '[Message expurgé : il citait un compte supprimé]';

interface SnapshotLike {
  sections?: { citations?: SnapshotCitation[] }[];
  proposals?: { id: string; title: string }[];
}
interface SnapshotCitation {
  proposalId: string | null;
  commentId: string | null;
  quote: string | null;
  sourceProposalId: string;
  proposalTitle: string;
}

@Injectable()
export class PrivacyRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Everything stored about one account, and nothing about anyone else: other people appear
   * only as ids (a proposal voted on, a comment upvoted), never by name or e-mail.
   */
  async exportData(userId: string) {
    const p = this.prisma;
    const user = await p.user.findUnique({
      where: { id: userId },
      omit: { passwordHash: true },
      include: { territory: { select: { id: true, name: true } } },
    });
    if (!user) return null;
    const hasPassword =
      (await p.user.count({ where: { id: userId, passwordHash: { not: null } } })) > 0;
    const [
      proposals,
      comments,
      votes,
      commentUpvotes,
      follows,
      reports,
      notifications,
      notificationPreferences,
      memberships,
      invitations,
      authEvents,
      emails,
      opinionGroups,
      identities,
      amendments,
      amendmentVotes,
      coAuthorships,
      coAuthoredRevisions,
    ] = await Promise.all([
      p.proposal.findMany({
        where: { authorId: userId },
        orderBy: { createdAt: 'asc' },
        omit: { searchTitle: true },
        include: {
          themes: { select: { themeId: true } },
          revisions: {
            orderBy: { version: 'asc' },
            select: {
              version: true,
              title: true,
              summary: true,
              body: true,
              experiment: true,
              measuredImpact: true,
              editorId: true,
              createdAt: true,
            },
          },
        },
      }),
      p.comment.findMany({
        where: { authorId: userId },
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          proposalId: true,
          parentId: true,
          body: true,
          stance: true,
          upvotes: true,
          createdAt: true,
          editedAt: true,
          deletedAt: true,
          hiddenAt: true,
          revisions: {
            orderBy: { createdAt: 'asc' },
            select: { body: true, editorId: true, createdAt: true },
          },
        },
      }),
      p.vote.findMany({
        where: { userId },
        orderBy: { createdAt: 'asc' },
        select: {
          proposalId: true,
          value: true,
          actorType: true,
          createdAt: true,
          updatedAt: true,
        },
      }),
      p.commentUpvote.findMany({
        where: { userId },
        select: { commentId: true, createdAt: true },
      }),
      p.proposalFollow.findMany({
        where: { userId },
        select: { proposalId: true, createdAt: true },
      }),
      p.report.findMany({
        where: { reporterId: userId },
        orderBy: { createdAt: 'asc' },
        select: {
          targetType: true,
          targetId: true,
          reason: true,
          details: true,
          status: true,
          createdAt: true,
          resolvedAt: true,
        },
      }),
      p.notification.findMany({
        where: { userId },
        orderBy: { createdAt: 'asc' },
        select: { kind: true, payload: true, createdAt: true, readAt: true, emailedAt: true },
      }),
      p.notificationPreference.findMany({
        where: { userId },
        select: { kind: true, frequency: true, updatedAt: true },
      }),
      p.organisationMembership.findMany({
        where: { userId },
        select: {
          role: true,
          createdAt: true,
          organisation: { select: { id: true, name: true } },
        },
      }),
      p.organisationInvitation.findMany({
        where: { inviteeId: userId },
        select: {
          organisationId: true,
          role: true,
          createdAt: true,
          acceptedAt: true,
          declinedAt: true,
          revokedAt: true,
        },
      }),
      p.authEvent.findMany({
        where: { userId },
        orderBy: { createdAt: 'asc' },
        select: { kind: true, ip: true, userAgent: true, detail: true, createdAt: true },
      }),
      p.emailMessage.findMany({
        where: { userId },
        orderBy: { createdAt: 'asc' },
        select: {
          toAddress: true,
          subject: true,
          text: true,
          category: true,
          createdAt: true,
          sentAt: true,
        },
      }),
      p.opinionGroupMember.findMany({
        where: { userId },
        select: { consultationId: true, groupId: true, isClustered: true },
      }),
      p.userIdentity.findMany({
        where: { userId },
        select: { issuer: true, subject: true, createdAt: true, lastSignInAt: true },
      }),
      // Issue 11: the account's amendments (the decider named only as "me" or not), its votes on
      // amendments, its co-authorships and invitations, and what it wrote in others' proposals.
      p.amendment.findMany({
        where: { authorId: userId },
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          proposalId: true,
          baseVersion: true,
          title: true,
          summary: true,
          body: true,
          reason: true,
          status: true,
          votesFor: true,
          votesAgainst: true,
          version: true,
          decidedAt: true,
          decisionReason: true,
          erasedAt: true,
          createdAt: true,
          updatedAt: true,
          revision: { select: { version: true } },
        },
      }),
      p.amendmentVote.findMany({
        where: { userId },
        orderBy: { createdAt: 'asc' },
        select: { amendmentId: true, value: true, createdAt: true, updatedAt: true },
      }),
      p.proposalCoAuthor.findMany({
        where: { userId },
        orderBy: { invitedAt: 'asc' },
        select: {
          proposalId: true,
          status: true,
          amendmentId: true,
          invitedAt: true,
          answeredAt: true,
        },
      }),
      p.proposalRevision.findMany({
        // Not the revisions applying someone else's amendment it accepted: those words are theirs.
        where: { editorId: userId, amendmentId: null, proposal: { authorId: { not: userId } } },
        orderBy: [{ createdAt: 'asc' }, { version: 'asc' }],
        select: {
          proposalId: true,
          version: true,
          title: true,
          summary: true,
          body: true,
          experiment: true,
          measuredImpact: true,
          createdAt: true,
        },
      }),
    ]);
    const mine = (editorId: string) => editorId === userId;
    return {
      profile: { ...user, hasPassword },
      identities,
      proposals: proposals.map(({ revisions, themes, ...proposal }) => ({
        ...proposal,
        themeIds: themes.map((theme) => theme.themeId),
        revisions: revisions.map(({ editorId, ...revision }) => ({
          ...revision,
          editedByMe: mine(editorId),
        })),
      })),
      comments: comments.map(({ revisions, ...comment }) => ({
        ...comment,
        revisions: revisions.map(({ editorId, ...revision }) => ({
          ...revision,
          editedByMe: mine(editorId),
        })),
      })),
      votes,
      commentUpvotes,
      follows,
      reportsFiled: reports,
      notifications: notifications.map((notification) => ({
        ...notification,
        payload: withoutForeignKeys(notification.payload),
      })),
      notificationPreferences,
      organisationMemberships: memberships,
      organisationInvitations: invitations,
      authEvents,
      emails,
      opinionGroupMemberships: opinionGroups,
      amendments: amendments.map(({ revision, ...amendment }) => ({
        ...amendment,
        appliedVersion: revision?.version ?? null,
      })),
      amendmentVotes,
      coAuthorships,
      coAuthoredRevisions,
    };
  }

  /**
   * Deletes an account in one transaction (see PrivacyService.deleteMyAccount for the rules).
   * `check` sees the account and the deletion context under lock and throws to refuse. False
   * when the account is unknown or already deleted.
   */
  async deleteAccount(
    userId: string,
    mode: AccountDeletionMode,
    now: Date,
    check: (account: DeletedAccount, context: DeletionContext) => Promise<void>,
  ): Promise<boolean> {
    return this.prisma.$transaction(
      async (tx) => {
        // The append-only tables (brief versions, audit log) accept redactions in this
        // transaction only (see the gdpr_erasure migration).
        await tx.$executeRaw`SELECT set_config('passerelle.erasure', 'on', true)`;
        // Administrators are locked in id order, so two of them deleting at once cannot both
        // pass the "last administrator" check.
        await tx.$queryRaw`SELECT id FROM users WHERE role = 'ADMIN' AND "deletedAt" IS NULL
          ORDER BY id FOR UPDATE`;
        const [account] = await tx.$queryRaw<
          (DeletedAccount & { role: string; deletedAt: Date | null })[]
        >`SELECT email, "displayName", "passwordHash", role::text AS role, "deletedAt"
          FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
        if (!account || account.deletedAt) return false;
        const [counts] = await tx.$queryRaw<{ otherAdmins: number; lonelyManager: number }[]>`
          SELECT
            (SELECT count(*)::int FROM users WHERE role = 'ADMIN' AND "deletedAt" IS NULL
              AND id <> ${userId}::uuid) AS "otherAdmins",
            (SELECT count(*)::int FROM organisation_memberships m
              WHERE m."userId" = ${userId}::uuid AND m.role = 'MANAGER'
              AND NOT EXISTS (SELECT 1 FROM organisation_memberships o
                WHERE o."organisationId" = m."organisationId" AND o.role = 'MANAGER'
                AND o."userId" <> ${userId}::uuid)) AS "lonelyManager"`;
        await check(account, {
          isLastAdmin: account.role === 'ADMIN' && (counts?.otherAdmins ?? 0) === 0,
          organisationsWithoutOtherManager: counts?.lonelyManager ?? 0,
        });

        const proposalIds = (
          await tx.proposal.findMany({ where: { authorId: userId }, select: { id: true } })
        ).map((row) => row.id);
        const commentIds = (
          await tx.comment.findMany({ where: { authorId: userId }, select: { id: true } })
        ).map((row) => row.id);
        const amendmentIds = (
          await tx.amendment.findMany({ where: { authorId: userId }, select: { id: true } })
        ).map((row) => row.id);

        if (mode === 'ERASE_CONTRIBUTIONS') {
          await this.retractVotes(tx, userId);
          await this.eraseContributions(tx, userId, proposalIds, commentIds, now, amendmentIds);
          await this.eraseAmendments(tx, userId, proposalIds, amendmentIds, now);
        }
        await this.endCoAuthorInvitations(tx, userId, proposalIds);
        await this.redactCopies(tx, userId, account, commentIds);

        // What only this account had: removed.
        await tx.refreshToken.deleteMany({ where: { userId } });
        await tx.accountToken.deleteMany({ where: { userId } });
        await tx.userIdentity.deleteMany({ where: { userId } });
        await tx.notificationPreference.deleteMany({ where: { userId } });
        await tx.notification.deleteMany({ where: { userId } });
        await tx.emailMessage.deleteMany({
          where: { OR: [{ userId }, { toAddress: account.email }] },
        });
        await tx.proposalFollow.deleteMany({ where: { userId } });
        await tx.organisationMembership.deleteMany({ where: { userId } });
        await tx.organisationInvitation.deleteMany({
          where: { OR: [{ inviteeId: userId }, { invitedById: userId }] },
        });
        await tx.opinionGroupMember.deleteMany({ where: { userId } });
        await tx.organisation.updateMany({
          where: { createdById: userId },
          data: { createdById: null },
        });
        await tx.authEvent.deleteMany({ where: { userId } });
        await tx.authEvent.updateMany({ where: { actorId: userId }, data: { actorId: null } });

        // The tombstone: kept contributions and counters still point at it.
        await tx.user.update({
          where: { id: userId },
          data: {
            email: tombstoneEmail(userId),
            displayName: ANONYMOUS_DISPLAY_NAME,
            passwordHash: null,
            role: 'PARTICIPANT',
            territoryId: null,
            suspendedAt: null,
            suspendedUntil: null,
            suspensionReason: null,
            trustedAt: null,
            emailVerifiedAt: null,
            termsAcceptedAt: null,
            termsVersion: null,
            deletedAt: now,
          },
        });
        await tx.authEvent.create({
          data: { kind: 'ACCOUNT_DELETED', userId, detail: { mode } },
        });
        return true;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  }

  /**
   * Retracts every vote of the account with the counters kept exact: the proposals are locked in
   * id order (like every vote), then one statement deletes the votes and moves the proposals'
   * totals and the collèges' counters, and the stored scores are recomputed from the new totals.
   */
  private async retractVotes(tx: Prisma.TransactionClient, userId: string): Promise<void> {
    await tx.$queryRaw`SELECT p.id FROM proposals p
      WHERE p.id IN (SELECT "proposalId" FROM votes WHERE "userId" = ${userId}::uuid)
      ORDER BY p.id FOR UPDATE OF p`;
    const totals = await tx.$queryRaw<
      {
        id: string;
        votesFor: number;
        votesAgainst: number;
        votesNeutral: number;
        publishedAt: Date | null;
        createdAt: Date;
      }[]
    >`WITH gone AS (
        DELETE FROM votes WHERE "userId" = ${userId}::uuid
        RETURNING "proposalId", value, "actorType"
      ),
      colleges AS (
        UPDATE proposal_college_counts c SET
          "votesFor" = c."votesFor" - g.f,
          "votesAgainst" = c."votesAgainst" - g.a,
          "votesNeutral" = c."votesNeutral" - g.n
        FROM (SELECT "proposalId", "actorType",
            count(*) FILTER (WHERE value = 'FOR')::int AS f,
            count(*) FILTER (WHERE value = 'AGAINST')::int AS a,
            count(*) FILTER (WHERE value = 'NEUTRAL')::int AS n
          FROM gone GROUP BY "proposalId", "actorType") g
        WHERE c."proposalId" = g."proposalId" AND c."actorType" = g."actorType"
      )
      UPDATE proposals p SET
        "votesFor" = p."votesFor" - g.f,
        "votesAgainst" = p."votesAgainst" - g.a,
        "votesNeutral" = p."votesNeutral" - g.n
      FROM (SELECT "proposalId",
          count(*) FILTER (WHERE value = 'FOR')::int AS f,
          count(*) FILTER (WHERE value = 'AGAINST')::int AS a,
          count(*) FILTER (WHERE value = 'NEUTRAL')::int AS n
        FROM gone GROUP BY "proposalId") g
      WHERE p.id = g."proposalId"
      RETURNING p.id::text AS id, p."votesFor", p."votesAgainst", p."votesNeutral",
        p."publishedAt", p."createdAt"`;
    for (const row of totals) {
      const scores = proposalScores(row, row.publishedAt ?? row.createdAt);
      await tx.$executeRaw`UPDATE proposals SET "scoreTop" = ${scores.scoreTop},
        "scoreHot" = ${scores.scoreHot}, "scoreControversial" = ${scores.scoreControversial}
        WHERE id = ${row.id}::uuid`;
    }
    // Comment upvotes are retracted the same way.
    await tx.$executeRaw`WITH gone AS (
        DELETE FROM comment_upvotes WHERE "userId" = ${userId}::uuid RETURNING "commentId"
      )
      UPDATE comments c SET upvotes = c.upvotes - g.n
      FROM (SELECT "commentId", count(*)::int AS n FROM gone GROUP BY "commentId") g
      WHERE c.id = g."commentId"`;
  }

  /** Placeholders instead of the account's texts, everywhere a copy of them is kept. */
  private async eraseContributions(
    tx: Prisma.TransactionClient,
    userId: string,
    proposalIds: string[],
    commentIds: string[],
    now: Date,
    amendmentIds: string[],
  ): Promise<void> {
    await tx.proposal.updateMany({
      where: { authorId: userId },
      data: {
        erasedAt: now,
        title: ERASED_PROPOSAL.title,
        summary: ERASED_PROPOSAL.summary,
        body: ERASED_PROPOSAL.body,
        bodyHtml: ERASED_HTML,
        experiment: null,
        measuredImpact: null,
      },
    });
    await tx.proposalRevision.updateMany({
      where: {
        OR: [
          { proposalId: { in: proposalIds } },
          // Revisions they wrote (as a co-author too), not those applying someone else's
          // amendment they accepted; and those applying their own accepted amendments.
          { editorId: userId, amendmentId: null },
          { amendmentId: { in: amendmentIds } },
        ],
      },
      data: {
        title: ERASED_PROPOSAL.title,
        summary: ERASED_PROPOSAL.summary,
        body: ERASED_TEXT,
        bodyHtml: ERASED_TEXT,
        experiment: null,
        measuredImpact: null,
      },
    });
    // A live comment leaves its proposal's count, as when its author deletes it.
    await tx.$executeRaw`WITH live AS (
        UPDATE comments SET "deletedAt" = ${now}, "deletedById" = ${userId}::uuid
        WHERE "authorId" = ${userId}::uuid AND "deletedAt" IS NULL
        RETURNING "proposalId"
      )
      UPDATE proposals p SET "commentsCount" = p."commentsCount" - g.n
      FROM (SELECT "proposalId", count(*)::int AS n FROM live GROUP BY "proposalId") g
      WHERE p.id = g."proposalId"`;
    await tx.comment.updateMany({
      where: { authorId: userId },
      data: { body: ERASED_TEXT, bodyHtml: ERASED_TEXT },
    });
    await tx.commentRevision.updateMany({
      where: { OR: [{ commentId: { in: commentIds } }, { editorId: userId }] },
      data: { body: ERASED_TEXT },
    });
    await tx.report.updateMany({ where: { reporterId: userId }, data: { details: null } });
    await tx.briefCitation.updateMany({
      where: { OR: [{ proposalId: { in: proposalIds } }, { commentId: { in: commentIds } }] },
      data: { quote: null },
    });

    // Others' notifications about these texts lose their titles and excerpts.
    await tx.$executeRaw`UPDATE notifications SET payload = jsonb_set(payload, '{title}',
        to_jsonb(${ERASED_PROPOSAL.title}::text))
      WHERE payload ? 'title' AND payload->>'proposalId' = ANY(${proposalIds}::text[])`;
    await tx.$executeRaw`UPDATE notifications SET payload = jsonb_set(payload, '{proposalTitle}',
        to_jsonb(${ERASED_PROPOSAL.title}::text))
      WHERE payload ? 'proposalTitle' AND payload->>'proposalId' = ANY(${proposalIds}::text[])`;
    await tx.$executeRaw`UPDATE notifications SET payload = jsonb_set(payload, '{excerpt}', '""')
      WHERE payload ? 'excerpt' AND payload->>'commentId' = ANY(${commentIds}::text[])`;
    // E-mails to others that linked to them are expurgated (their texts were quoted there).
    const ids = [...proposalIds, ...commentIds];
    if (ids.length > 0) {
      await tx.$executeRaw`UPDATE email_messages SET subject = ${REDACTED_EMAIL},
          text = ${REDACTED_EMAIL}, html = ${`<p>${escapeHtml(REDACTED_EMAIL)}</p>`}
        WHERE EXISTS (SELECT 1 FROM unnest(${ids}::text[]) AS id
          WHERE strpos(email_messages.text, id) > 0 OR strpos(email_messages.html, id) > 0)`;
    }

    // Published brief versions keep their figures; titles and quotes of these texts go.
    const erasedProposals = new Set(proposalIds);
    const erasedComments = new Set(commentIds);
    const versions =
      ids.length === 0
        ? []
        : await tx.$queryRaw<{ id: string; snapshot: unknown }[]>`SELECT id::text AS id, snapshot
            FROM brief_versions v WHERE EXISTS (SELECT 1 FROM unnest(${ids}::text[]) AS id
              WHERE strpos(v.snapshot::text, id) > 0)`;
    for (const version of versions) {
      const snapshot = version.snapshot as unknown as SnapshotLike;
      for (const proposal of snapshot.proposals ?? []) {
        if (erasedProposals.has(proposal.id)) proposal.title = ERASED_PROPOSAL.title;
      }
      for (const section of snapshot.sections ?? []) {
        for (const citation of section.citations ?? []) {
          const erasedSource =
            (citation.proposalId !== null && erasedProposals.has(citation.proposalId)) ||
            (citation.commentId !== null && erasedComments.has(citation.commentId));
          if (erasedSource) citation.quote = null;
          if (erasedProposals.has(citation.sourceProposalId)) {
            citation.proposalTitle = ERASED_PROPOSAL.title;
          }
        }
      }
      await tx.briefVersion.update({
        where: { id: version.id },
        data: { snapshot: snapshot as unknown as Prisma.InputJsonValue },
      });
    }
  }

  /**
   * Issue 11, erasure: the account's votes on amendments are retracted with the counters kept
   * exact (one statement); its amendments keep their place in the history (who proposed what
   * when, and the decision) without their texts, and a pending one is withdrawn, so that nobody
   * can accept the placeholders into a proposal. The co-authors of its erased proposals go with
   * them (nobody may write an erased proposal again).
   */
  private async eraseAmendments(
    tx: Prisma.TransactionClient,
    userId: string,
    proposalIds: string[],
    amendmentIds: string[],
    now: Date,
  ): Promise<void> {
    await tx.$executeRaw`WITH gone AS (
        DELETE FROM amendment_votes WHERE "userId" = ${userId}::uuid
        RETURNING "amendmentId", value
      )
      UPDATE amendments a SET
        "votesFor" = a."votesFor" - g.f,
        "votesAgainst" = a."votesAgainst" - g.n
      FROM (SELECT "amendmentId",
          count(*) FILTER (WHERE value = 'FOR')::int AS f,
          count(*) FILTER (WHERE value = 'AGAINST')::int AS n
        FROM gone GROUP BY "amendmentId") g
      WHERE a.id = g."amendmentId"`;
    if (amendmentIds.length > 0) {
      await tx.amendment.updateMany({
        where: { id: { in: amendmentIds }, status: 'PENDING' },
        data: { status: 'WITHDRAWN' },
      });
      await tx.amendment.updateMany({
        where: { id: { in: amendmentIds } },
        data: {
          erasedAt: now,
          title: ERASED_PROPOSAL.title,
          summary: ERASED_PROPOSAL.summary,
          body: ERASED_PROPOSAL.body,
          reason: ERASED_TEXT,
        },
      });
    }
    if (proposalIds.length > 0) {
      await tx.proposalCoAuthor.deleteMany({ where: { proposalId: { in: proposalIds } } });
    }
  }

  /**
   * Co-author invitations that only mattered to this account: those it received and did not
   * accept, and the pending ones it sent as an author. Accepted co-authorships stay as credits
   * (the revisions they wrote name the account, as its tombstone).
   */
  private async endCoAuthorInvitations(
    tx: Prisma.TransactionClient,
    userId: string,
    proposalIds: string[],
  ): Promise<void> {
    await tx.proposalCoAuthor.deleteMany({
      where: {
        OR: [
          { userId, status: { not: 'ACCEPTED' } },
          { proposalId: { in: proposalIds }, status: 'INVITED' },
        ],
      },
    });
  }

  /**
   * Copies of the account's name or e-mail in rows about others (their notifications and
   * e-mails naming the author of a reply, report details, audit reasons and metadata) become the
   * anonymous label.
   */
  private async redactCopies(
    tx: Prisma.TransactionClient,
    userId: string,
    account: DeletedAccount,
    commentIds: string[],
  ): Promise<void> {
    const label = ANONYMOUS_DISPLAY_NAME;
    await tx.$executeRaw`UPDATE notifications SET payload = jsonb_set(payload, '{authorName}',
        to_jsonb(${label}::text))
      WHERE payload ? 'authorName' AND payload->>'commentId' = ANY(${commentIds}::text[])`;
    for (const secret of [account.email, account.displayName]) {
      if (secret.trim().length < 2) continue;
      const html = escapeHtml(secret);
      const json = jsonInner(secret);
      await tx.$executeRaw`UPDATE email_messages SET
          subject = replace(subject, ${secret}, ${label}),
          text = replace(text, ${secret}, ${label}),
          html = replace(replace(html, ${html}, ${escapeHtml(label)}), ${secret}, ${label})
        WHERE "userId" IS DISTINCT FROM ${userId}::uuid
          AND (strpos(subject, ${secret}) > 0 OR strpos(text, ${secret}) > 0
            OR strpos(html, ${html}) > 0 OR strpos(html, ${secret}) > 0)`;
      await tx.$executeRaw`UPDATE notifications
          SET payload = replace(payload::text, ${json}, ${jsonInner(label)})::jsonb
        WHERE strpos(payload::text, ${json}) > 0`;
      await tx.$executeRaw`UPDATE reports SET details = replace(details, ${secret}, ${label})
        WHERE strpos(details, ${secret}) > 0`;
      await tx.$executeRaw`UPDATE audit_log_entries SET
          reason = replace(reason, ${secret}, ${label}),
          metadata = replace(metadata::text, ${json}, ${jsonInner(label)})::jsonb
        WHERE strpos(reason, ${secret}) > 0 OR strpos(metadata::text, ${json}) > 0`;
      await tx.$executeRaw`UPDATE auth_events
          SET detail = replace(detail::text, ${json}, ${jsonInner(label)})::jsonb
        WHERE strpos(detail::text, ${json}) > 0`;
    }
  }

  /**
   * Deletes, in bounded statements, what the retention periods no longer justify keeping.
   * Callable directly (tests) or from the daily job.
   */
  async purge(cutoffs: RetentionCutoffs): Promise<PurgeCounts> {
    const batches = async (statement: () => Promise<number>) => {
      let total = 0;
      for (;;) {
        const removed = await statement();
        total += removed;
        if (removed < PURGE_BATCH) return total;
      }
    };
    const authEvents = await batches(
      () => this.prisma.$executeRaw`DELETE FROM auth_events WHERE id IN (
        SELECT id FROM auth_events WHERE "createdAt" < ${cutoffs.authEvents} LIMIT ${PURGE_BATCH})`,
    );
    const emails = await batches(
      () => this.prisma.$executeRaw`DELETE FROM email_messages WHERE id IN (
        SELECT id FROM email_messages WHERE "createdAt" < ${cutoffs.emails}
          AND ("sentAt" IS NOT NULL OR error IS NOT NULL) LIMIT ${PURGE_BATCH})`,
    );
    const refreshTokens = await batches(
      () => this.prisma.$executeRaw`DELETE FROM refresh_tokens WHERE id IN (
        SELECT id FROM refresh_tokens WHERE "expiresAt" < ${cutoffs.tokens}
          OR "revokedAt" < ${cutoffs.tokens} LIMIT ${PURGE_BATCH})`,
    );
    const accountTokens = await batches(
      () => this.prisma.$executeRaw`DELETE FROM account_tokens WHERE id IN (
        SELECT id FROM account_tokens WHERE "expiresAt" < ${cutoffs.tokens}
          OR "usedAt" < ${cutoffs.tokens} LIMIT ${PURGE_BATCH})`,
    );
    const oidcLoginAttempts = await batches(
      () => this.prisma.$executeRaw`DELETE FROM oidc_login_attempts WHERE "stateHash" IN (
        SELECT "stateHash" FROM oidc_login_attempts WHERE "expiresAt" < ${cutoffs.tokens}
        LIMIT ${PURGE_BATCH})`,
    );
    return { authEvents, emails, refreshTokens, accountTokens, oidcLoginAttempts };
  }
}

function withoutForeignKeys(payload: unknown): unknown {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return payload;
  return Object.fromEntries(
    Object.entries(payload).filter(([key]) => !FOREIGN_PAYLOAD_KEYS.includes(key)),
  );
}
