import { Module } from '@nestjs/common';
import { JobsModule } from '../../common/jobs/jobs.module';
import { OpinionGroupsJob } from './opinion-groups.job';
import { OpinionsLoaders } from './opinions.loaders';
import { OpinionsRepository } from './opinions.repository';
import { ConsultationOpinionsResolver, ProposalOpinionsResolver } from './opinions.resolver';

/** Opinion groups per consultation (pg-boss job), CONSENSUS / DIVISIVE figures. */
@Module({
  imports: [JobsModule],
  providers: [
    OpinionGroupsJob,
    OpinionsRepository,
    OpinionsLoaders,
    ProposalOpinionsResolver,
    ConsultationOpinionsResolver,
  ],
  exports: [OpinionGroupsJob],
})
export class OpinionsModule {}
