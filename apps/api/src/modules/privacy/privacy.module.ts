import { Module } from '@nestjs/common';
import { JobsModule } from '../../common/jobs/jobs.module';
import { AuditModule } from '../audit/audit.module';
import { PasswordService } from '../auth/password.service';
import { SessionCookies } from '../auth/session-cookies';
import { PrivacyExportController } from './privacy-export.controller';
import { PrivacyRepository } from './privacy.repository';
import {
  DeletedParticipantResolver,
  ErasedProposalResolver,
  PrivacyResolver,
} from './privacy.resolver';
import { PrivacyService } from './privacy.service';
import { RetentionJob } from './retention.job';

/**
 * GDPR rights and retention: `GET /api/me/export`, `deleteMyAccount`, the anonymous author
 * (`Participant.deleted`) and erased proposals (`Proposal.erased`), and the daily purge.
 */
@Module({
  imports: [AuditModule, JobsModule],
  controllers: [PrivacyExportController],
  providers: [
    PrivacyRepository,
    PrivacyService,
    PrivacyResolver,
    DeletedParticipantResolver,
    ErasedProposalResolver,
    RetentionJob,
    PasswordService,
    SessionCookies,
  ],
  exports: [PrivacyService],
})
export class PrivacyModule {}
