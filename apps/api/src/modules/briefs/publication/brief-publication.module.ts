import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { BriefPublicationRepository } from './brief-publication.repository';
import { BriefPublicationService } from './brief-publication.service';
import { BriefVersionDiffResolver } from './brief-version-diff.resolver';
import { BriefVersionDiffService } from './brief-version-diff.service';
import { NotificationBriefResolver } from './notification-brief.resolver';
import { ProposalCitedInResolver, PublishedBriefResolver } from './published-brief.resolver';

/** Publication of briefs (frozen versions) and the public brief. */
@Module({
  imports: [AuditModule],
  providers: [
    PublishedBriefResolver,
    ProposalCitedInResolver,
    NotificationBriefResolver,
    BriefPublicationService,
    BriefPublicationRepository,
    BriefVersionDiffResolver,
    BriefVersionDiffService,
  ],
})
export class BriefPublicationModule {}
