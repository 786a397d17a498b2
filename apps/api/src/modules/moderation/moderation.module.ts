import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UsersModule } from '../users/users.module';
import { ModerationRepository } from './moderation.repository';
import {
  AuditLogEntryResolver,
  CommentModerationResolver,
  ModerationResolver,
  ProposalModerationResolver,
  ReportResolver,
} from './moderation.resolver';
import { ModerationService } from './moderation.service';

/** Reports, automatic hiding, moderator decisions, the queue and the audit log. */
@Module({
  imports: [AuditModule, UsersModule],
  providers: [
    ModerationResolver,
    ReportResolver,
    AuditLogEntryResolver,
    ProposalModerationResolver,
    CommentModerationResolver,
    ModerationService,
    ModerationRepository,
  ],
})
export class ModerationModule {}
