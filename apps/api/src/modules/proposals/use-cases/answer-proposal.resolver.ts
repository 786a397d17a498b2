import {
  Args,
  Field,
  ID,
  InputType,
  Mutation,
  Parent,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { type Actor, type Language, officialAnswerOf } from '@passerelle/domain';
import { CurrentUser } from '../../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../../common/dataloader/loader-registry';
import { ProposalStatus } from '../../../common/graphql/enums';
import { Lang, Loaders } from '../../../common/graphql/graphql-context';
import { Proposal } from '../models/proposal.model';
import { ProposalsLoaders } from '../proposals.loaders';
import { type ProposalRecord } from '../proposals.repository';
import { AnswerProposal } from './answer-proposal';

@InputType()
export class AnswerProposalInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => ProposalStatus, { description: 'UNDER_REVIEW, SELECTED or NOT_RETAINED.' })
  status!: ProposalStatus;

  @Field({ description: 'The official answer, plain text (10 to 5000 characters).' })
  answer!: string;
}

/** Official answers: the mutation and the `officialAnswer` field of a proposal. */
@Resolver(() => Proposal)
export class AnswerProposalResolver {
  constructor(
    private readonly answerProposalUseCase: AnswerProposal,
    private readonly proposalLoaders: ProposalsLoaders,
  ) {}

  @Mutation(() => Proposal, {
    description:
      'Moderators and administrators answer a proposal officially: UNDER_REVIEW, SELECTED or NOT_RETAINED with a required text; CONFLICT / ILLEGAL_TRANSITION when the current status does not allow it.',
  })
  answerProposal(
    @Args('input', { type: () => AnswerProposalInput }) input: AnswerProposalInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<ProposalRecord> {
    return this.answerProposalUseCase.execute(actor, input, lang);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The text of the latest official answer (status change to UNDER_REVIEW, SELECTED or NOT_RETAINED); null when never answered.',
  })
  async officialAnswer(
    @Parent() proposal: ProposalRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<string | null> {
    const rows = await this.proposalLoaders.statusChangesByProposalId(loaders).load(proposal.id);
    return officialAnswerOf(rows.map((row) => ({ to: row.toStatus, reason: row.reason })));
  }
}
