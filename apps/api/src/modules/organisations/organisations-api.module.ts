import { Module } from '@nestjs/common';
import { ProposalsModule } from '../proposals/proposals.module';
import { TerritoriesModule } from '../territories/territories.module';
import { UsersModule } from '../users/users.module';
import { OrganisationProposalsResolver } from './organisation-proposals.resolver';
import { OrganisationsModule } from './organisations.module';
import {
  OrganisationInvitationsResolver,
  OrganisationMembersResolver,
  OrganisationsResolver,
} from './organisations.resolver';
import { OrganisationsService } from './organisations.service';

/** The organisations' GraphQL operations: create, invite, answer, remove, and their fields. */
@Module({
  imports: [OrganisationsModule, TerritoriesModule, UsersModule, ProposalsModule],
  providers: [
    OrganisationsResolver,
    OrganisationMembersResolver,
    OrganisationInvitationsResolver,
    OrganisationProposalsResolver,
    OrganisationsService,
  ],
})
export class OrganisationsApiModule {}
