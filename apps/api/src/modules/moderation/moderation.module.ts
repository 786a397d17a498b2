import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ConsultationsModule } from '../consultations/consultations.module';
import { UsersModule } from '../users/users.module';
import { ModerationRepository } from './moderation.repository';
import {
  AmendmentModerationResolver,
  AuditLogEntryResolver,
  CommentModerationResolver,
  ModerationResolver,
  ProposalModerationResolver,
  ReportResolver,
} from './moderation.resolver';
import { ModerationService } from './moderation.service';
import { SuspensionsResolver } from './suspensions.resolver';
import { SuspensionsService } from './suspensions.service';

/**
 * Reports, automatic hiding, moderator decisions (and pre-moderation approvals), the queue, the
 * audit log and account suspensions.
 */
@Module({
  imports: [AuditModule, ConsultationsModule, UsersModule],
  providers: [
    ModerationResolver,
    ReportResolver,
    AuditLogEntryResolver,
    ProposalModerationResolver,
    CommentModerationResolver,
    AmendmentModerationResolver,
    ModerationService,
    ModerationRepository,
    SuspensionsResolver,
    SuspensionsService,
  ],
})
export class ModerationModule {}
