import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { VotesRepository } from '../votes/votes.repository';
import { ClustersRepository } from './clusters.repository';
import { ClustersResolver, ProposalClusterResolver } from './clusters.resolver';
import { ClustersService } from './clusters.service';

/** Duplicate clusters: merge, undo, moving votes to the lead, combined support. */
@Module({
  imports: [AuditModule],
  providers: [
    ClustersResolver,
    ProposalClusterResolver,
    ClustersService,
    ClustersRepository,
    VotesRepository,
  ],
})
export class ClustersModule {}
