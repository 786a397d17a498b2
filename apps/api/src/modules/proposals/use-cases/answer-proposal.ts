import { Injectable } from '@nestjs/common';
import {
  type Actor,
  answerProposalInputSchema,
  assertCan,
  DomainError,
  DomainErrorCode,
  excerpt,
  type Language,
  transitionProposal,
  validateInput,
} from '@passerelle/domain';
import { isUuid } from '../../../common/graphql/ids';
import { PrismaService } from '../../../common/prisma/prisma.service';
import { AuditRepository } from '../../audit/audit.repository';
import { NotificationsRepository } from '../../notifications/notifications.repository';
import { GuardFailed, type ProposalRecord, ProposalsRepository } from '../proposals.repository';

/**
 * A moderator answers a proposal officially (UNDER_REVIEW, SELECTED or NOT_RETAINED with a
 * text): through the state machine, then one transaction that updates the status (guarded on
 * the status read), records the status change with the answer as its reason, appends
 * an ANSWER_PROPOSAL audit entry and tells the author (PROPOSAL_ANSWERED).
 */
@Injectable()
export class AnswerProposal {
  constructor(
    private readonly prisma: PrismaService,
    private readonly proposals: ProposalsRepository,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationsRepository,
  ) {}

  async execute(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<ProposalRecord> {
    assertCan(actor, 'proposal.answer'); // before reading the input: strangers learn nothing
    const moderator = actor as NonNullable<Actor>;
    const data = validateInput(answerProposalInputSchema, input, lang);
    const proposal = isUuid(data.proposalId)
      ? await this.proposals.findById(data.proposalId)
      : null;
    if (!proposal) throw new DomainError(DomainErrorCode.PROPOSAL_NOT_FOUND, undefined, lang);
    const change = transitionProposal({
      from: proposal.status,
      to: data.status,
      actor: moderator,
      isAuthor: proposal.authorId === moderator.id,
      reason: data.answer,
      at: now,
    });
    try {
      return await this.prisma.$transaction(async (tx) => {
        const updated = await tx.proposal.updateMany({
          where: { id: proposal.id, status: proposal.status },
          data: { status: change.to, updatedAt: change.at },
        });
        if (updated.count === 0) throw new GuardFailed();
        await tx.proposalStatusChange.create({
          data: {
            proposalId: proposal.id,
            fromStatus: change.from,
            toStatus: change.to,
            actorId: change.actorId,
            reason: change.reason,
            createdAt: change.at,
          },
        });
        await this.audit.append(
          {
            actorId: moderator.id,
            action: 'ANSWER_PROPOSAL',
            targetType: 'PROPOSAL',
            targetId: proposal.id,
            reason: change.reason,
            metadata: { from: change.from, to: change.to },
          },
          tx,
        );
        await this.notifications.notify(
          [
            {
              userId: proposal.authorId,
              kind: 'PROPOSAL_ANSWERED',
              payload: {
                proposalId: proposal.id,
                title: proposal.title,
                status: change.to,
                reason: excerpt(data.answer),
              },
            },
          ],
          tx,
        );
        return tx.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
      });
    } catch (error) {
      // Another status change landed between the read and the write.
      if (error instanceof GuardFailed) {
        throw new DomainError(DomainErrorCode.ILLEGAL_TRANSITION, undefined, lang);
      }
      throw error;
    }
  }
}
