import { Args, ID, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, type Language } from '@passerelle/domain';
import { type GraphQLResolveInfo } from 'graphql';
import { CurrentUser, Public } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { fieldsNamed } from '../../common/graphql/selection';
import { ConsultationsLoaders } from '../consultations/consultations.loaders';
import { ProposalsArgs, SimilarProposalsArgs } from './dto/proposals.args';
import { SubmitProposalInput } from './dto/submit-proposal.input';
import {
  PublishProposalInput,
  UpdateProposalInput,
  WithdrawProposalInput,
} from './dto/update-proposal.input';
import { ProposalConnection, SimilarProposal } from './models/proposal-connection.model';
import { Proposal } from './models/proposal.model';
import {
  type ProposalPage,
  ProposalListService,
  type SimilarProposalResult,
} from './proposal-list.service';
import { ProposalRelationsPrimer } from './proposal-relations.primer';
import { type ProposalRecord } from './proposals.repository';
import { ProposalsLoaders } from './proposals.loaders';
import { ProposalsService } from './proposals.service';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';

/** Queries and mutations on proposals; their fields are in proposal-fields.resolver.ts. */
@Resolver(() => Proposal)
export class ProposalsResolver {
  constructor(
    private readonly service: ProposalsService,
    private readonly lists: ProposalListService,
    private readonly primer: ProposalRelationsPrimer,
    private readonly consultationLoaders: ConsultationsLoaders,
    private readonly proposalLoaders: ProposalsLoaders,
  ) {}

  @Public()
  @Query(() => ProposalConnection, {
    description:
      'Publicly visible proposals: filters, French full-text search and sort keys, with keyset pagination (`first`, `after`).',
  })
  async proposals(
    @Args() args: ProposalsArgs,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ProposalPage> {
    const page = await this.lists.list(args, lang, actor);
    this.primer.prime(loaders, page.relations, actor);
    return page;
  }

  @Public()
  @Query(() => [SimilarProposal], {
    description:
      'Public proposals whose title looks like `title` (trigram similarity and French full text), for duplicate warnings.',
  })
  similarProposals(
    @Args() args: SimilarProposalsArgs,
    @Lang() lang: Language,
  ): Promise<SimilarProposalResult[]> {
    return this.lists.similar(args, lang);
  }

  @Public()
  @Query(() => Proposal, {
    description:
      'NOT_FOUND (reason PROPOSAL_NOT_FOUND) when missing or not public (authors still see their own).',
  })
  async proposal(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
    @Loaders() loaders: LoaderRegistry,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ProposalRecord> {
    // What the fields read through DataLoaders comes with the proposal (issue 9, the page).
    const asks = (name: string) =>
      info.fieldNodes.some(
        (field) => fieldsNamed(field.selectionSet, name, info.fragments).length > 0,
      );
    const found = await this.service.getWithRelations(
      actor,
      id,
      lang,
      {
        revisions: asks('revisions'),
        statusChanges: asks('statusHistory'),
      },
      loaders,
    );
    const { proposal } = found;
    this.primer.prime(loaders, [found.relations], actor);
    this.consultationLoaders
      .phasesByConsultationId(loaders)
      .prime(proposal.consultationId, found.phases);
    if (found.revisions) {
      this.proposalLoaders.revisionsByProposalId(loaders).prime(proposal.id, found.revisions);
    }
    if (found.statusChanges) {
      this.proposalLoaders
        .statusChangesByProposalId(loaders)
        .prime(proposal.id, found.statusChanges);
    }
    return proposal;
  }

  @Mutation(() => Proposal, {
    description:
      "Publishes a proposal while the consultation's PROPOSING phase is open, or saves it as a DRAFT (asDraft).",
  })
  @RateLimit('submitProposal')
  submitProposal(
    @Args('input', { type: () => SubmitProposalInput }) input: SubmitProposalInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<ProposalRecord> {
    return this.service.submit(actor, input, lang);
  }

  @Mutation(() => Proposal, {
    description:
      'The author edits a DRAFT or PUBLISHED proposal; CONFLICT / STALE_VERSION when `expectedVersion` is not the current one.',
  })
  updateProposal(
    @Args('input', { type: () => UpdateProposalInput }) input: UpdateProposalInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<ProposalRecord> {
    return this.service.update(actor, input, lang);
  }

  @Mutation(() => Proposal, {
    description:
      "Its author publishes a DRAFT while the consultation's PROPOSING phase is open (pre-moderation applies as at submission).",
  })
  @RateLimit('submitProposal')
  publishProposal(
    @Args('input', { type: () => PublishProposalInput }) input: PublishProposalInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<ProposalRecord> {
    return this.service.publish(actor, input, lang);
  }

  @Mutation(() => Proposal, {
    description: 'The author withdraws a proposal; it leaves public lists but stays in history.',
  })
  withdrawProposal(
    @Args('input', { type: () => WithdrawProposalInput }) input: WithdrawProposalInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<ProposalRecord> {
    return this.service.withdraw(actor, input, lang);
  }
}
