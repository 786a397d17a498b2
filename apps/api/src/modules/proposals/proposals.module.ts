import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ConsultationsModule } from '../consultations/consultations.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { TerritoriesModule } from '../territories/territories.module';
import { ThemesModule } from '../themes/themes.module';
import { UsersModule } from '../users/users.module';
import { VotesModule } from '../votes/votes.module';
import {
  ProposalFieldsResolver,
  ProposalRevisionsResolver,
  ProposalStatusChangesResolver,
} from './proposal-fields.resolver';
import { ProposalConnectionResolver } from './proposal-connection.resolver';
import {
  ExperimentProposalsResolver,
  ProposalExperimentsLoaders,
  ProposalExperimentsResolver,
} from './proposal-experiments.resolver';
import { ProposalExperimentsRepository } from './proposal-experiments.repository';
import { ProposalListRepository } from './proposal-list.repository';
import { ProposalListService } from './proposal-list.service';
import { ProposalRelationsPrimer } from './proposal-relations.primer';
import { ProposalsLoaders } from './proposals.loaders';
import { ProposalsRepository } from './proposals.repository';
import { ProposalsResolver } from './proposals.resolver';
import { ProposalsService } from './proposals.service';
import { UserProposalsResolver } from './user-proposals.resolver';
import { AnswerProposal } from './use-cases/answer-proposal';
import { AnswerProposalResolver } from './use-cases/answer-proposal.resolver';

import { ProposalModerationResolver } from './proposal-moderation.resolver';
import {
  CoAuthorInvitationResolver,
  ProposalCoAuthorsResolver,
} from './proposal-coauthors.resolver';
import { ProposalCoAuthorsRepository } from './proposal-coauthors.repository';
import { ProposalCoAuthorsService } from './proposal-coauthors.service';

@Module({
  imports: [
    AuditModule,
    ConsultationsModule,
    ThemesModule,
    TerritoriesModule,
    UsersModule,
    OrganisationsModule,
    VotesModule,
  ],
  providers: [
    ProposalsResolver,
    AnswerProposalResolver,
    AnswerProposal,
    ProposalFieldsResolver,
    ProposalRevisionsResolver,
    ProposalStatusChangesResolver,
    UserProposalsResolver,
    ProposalConnectionResolver,
    ProposalsService,
    ProposalListService,
    ProposalsRepository,
    ProposalListRepository,
    ProposalsLoaders,
    ProposalRelationsPrimer,
    ProposalExperimentsRepository,
    ProposalExperimentsLoaders,
    ProposalExperimentsResolver,
    ExperimentProposalsResolver,
    ProposalModerationResolver,
    ProposalCoAuthorsRepository,
    ProposalCoAuthorsService,
    ProposalCoAuthorsResolver,
    CoAuthorInvitationResolver,
  ],
  exports: [
    ProposalsRepository,
    ProposalListService,
    ProposalExperimentsRepository,
    ProposalExperimentsLoaders,
  ],
})
export class ProposalsModule {}
