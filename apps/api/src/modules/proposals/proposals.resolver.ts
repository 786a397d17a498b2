import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, type Language } from '@passerelle/domain';
import { CurrentUser, Public } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { ConsultationsLoaders } from '../consultations/consultations.loaders';
import { type ConsultationRecord } from '../consultations/consultations.repository';
import { Consultation } from '../consultations/models/consultation.model';
import { Organisation } from '../organisations/models/organisation.model';
import { OrganisationsLoaders } from '../organisations/organisations.loaders';
import { type OrganisationRecord } from '../organisations/organisations.repository';
import { Territory } from '../territories/models/territory.model';
import { TerritoriesLoaders } from '../territories/territories.loaders';
import { type TerritoryRecord } from '../territories/territories.repository';
import { Theme } from '../themes/models/theme.model';
import { ThemesLoaders } from '../themes/themes.loaders';
import { type ThemeRecord } from '../themes/themes.repository';
import { Participant } from '../users/models/participant.model';
import { UsersLoaders } from '../users/users.loaders';
import { type UserRecord } from '../users/users.repository';
import { ProposalsArgs } from './dto/proposals.args';
import { SubmitProposalInput } from './dto/submit-proposal.input';
import { Proposal } from './models/proposal.model';
import { ProposalConnection } from './models/proposal-connection.model';
import { type ProposalRecord } from './proposals.repository';
import { type ProposalPage, ProposalsService } from './proposals.service';

/** A related row that must exist (foreign key); missing means the database is inconsistent. */
async function required<T>(value: Promise<T | null>, what: string): Promise<T> {
  const row = await value;
  if (row === null) throw new Error(`Missing ${what}`);
  return row;
}

@Resolver(() => Proposal)
export class ProposalsResolver {
  constructor(
    private readonly service: ProposalsService,
    private readonly themeLoaders: ThemesLoaders,
    private readonly territoryLoaders: TerritoriesLoaders,
    private readonly userLoaders: UsersLoaders,
    private readonly organisationLoaders: OrganisationsLoaders,
    private readonly consultationLoaders: ConsultationsLoaders,
  ) {}

  @Public()
  @Query(() => ProposalConnection, {
    description:
      'Publicly visible proposals, newest first by default; keyset pagination with `first` and `after`.',
  })
  proposals(@Args() args: ProposalsArgs, @Lang() lang: Language): Promise<ProposalPage> {
    return this.service.list(args, lang);
  }

  @Public()
  @Query(() => Proposal, {
    description: 'NOT_FOUND (reason PROPOSAL_NOT_FOUND) when missing or not public.',
  })
  proposal(
    @Args('id', { type: () => ID }) id: string,
    @Lang() lang: Language,
  ): Promise<ProposalRecord> {
    return this.service.get(id, lang);
  }

  @Mutation(() => Proposal, {
    description: "Publishes a proposal while the consultation's PROPOSING phase is open.",
  })
  submitProposal(
    @Args('input', { type: () => SubmitProposalInput }) input: SubmitProposalInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<ProposalRecord> {
    return this.service.submit(actor, input, lang);
  }

  @ResolveField(() => [Theme])
  themes(
    @Parent() proposal: ProposalRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ThemeRecord[]> {
    return this.themeLoaders.byProposalId(loaders).load(proposal.id);
  }

  @ResolveField(() => Territory)
  territory(
    @Parent() proposal: ProposalRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<TerritoryRecord> {
    return required(this.territoryLoaders.byId(loaders).load(proposal.territoryId), 'territory');
  }

  @ResolveField(() => Participant)
  author(
    @Parent() proposal: ProposalRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserRecord> {
    return required(this.userLoaders.byId(loaders).load(proposal.authorId), 'author');
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(
    @Parent() proposal: ProposalRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<OrganisationRecord | null> | null {
    return proposal.organisationId
      ? this.organisationLoaders.byId(loaders).load(proposal.organisationId)
      : null;
  }

  @ResolveField(() => Consultation)
  consultation(
    @Parent() proposal: ProposalRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ConsultationRecord> {
    return required(
      this.consultationLoaders.byId(loaders).load(proposal.consultationId),
      'consultation',
    );
  }
}
