import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { type Actor, type Language } from '@passerelle/domain';
import { CurrentUser } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { AmendmentsService } from './amendments.service';
import {
  DecideAmendmentInput,
  ProposeAmendmentInput,
  RebaseAmendmentInput,
  VoteOnAmendmentInput,
  WithdrawAmendmentInput,
} from './dto/amendment.inputs';
import { Amendment, type AmendmentRecord, amendmentView } from './models/amendment.model';
import { DecideAmendment } from './use-cases/decide-amendment';

/** Amendments' mutations: each maps GraphQL to one use case. */
@Resolver(() => Amendment)
export class AmendmentsResolver {
  constructor(
    private readonly service: AmendmentsService,
    private readonly decide: DecideAmendment,
  ) {}

  @Mutation(() => Amendment, {
    description:
      'Proposes new texts for a published proposal the viewer does not author, against its current revision (BAD_USER_INPUT AMENDMENT_UNCHANGED when nothing changes).',
  })
  @RateLimit('amend')
  async proposeAmendment(
    @Args('input', { type: () => ProposeAmendmentInput }) input: ProposeAmendmentInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<AmendmentRecord> {
    return amendmentView(await this.service.propose(actor, input, lang, loaders));
  }

  @Mutation(() => Amendment, {
    description:
      'Votes FOR or AGAINST an amendment, changes the vote, or withdraws it (null); not on one’s own amendment.',
  })
  @RateLimit('voteOnAmendment')
  async voteOnAmendment(
    @Args('input', { type: () => VoteOnAmendmentInput }) input: VoteOnAmendmentInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<AmendmentRecord> {
    return amendmentView(await this.service.vote(actor, input, lang, loaders));
  }

  @Mutation(() => Amendment, {
    description:
      "The proposal's author, or a moderator giving a reason, applies the amendment as a new revision (its `proposal` is that revision); CONFLICT AMENDMENT_OUTDATED when the proposal changed since it was written (its author rebases it).",
  })
  @RateLimit('decideAmendment')
  async acceptAmendment(
    @Args('input', { type: () => DecideAmendmentInput }) input: DecideAmendmentInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<AmendmentRecord> {
    return amendmentView(await this.decide.accept(actor, input, lang, loaders));
  }

  @Mutation(() => Amendment, {
    description: "The proposal's author, or a moderator giving a reason, rejects the amendment.",
  })
  @RateLimit('decideAmendment')
  async rejectAmendment(
    @Args('input', { type: () => DecideAmendmentInput }) input: DecideAmendmentInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<AmendmentRecord> {
    return amendmentView(await this.decide.reject(actor, input, lang, loaders));
  }

  @Mutation(() => Amendment, {
    description:
      "Its author rewrites a pending amendment against the proposal's current revision (baseVersion becomes it); votes are kept.",
  })
  @RateLimit('amend')
  async rebaseAmendment(
    @Args('input', { type: () => RebaseAmendmentInput }) input: RebaseAmendmentInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<AmendmentRecord> {
    return amendmentView(await this.service.rebase(actor, input, lang, loaders));
  }

  @Mutation(() => Amendment, { description: 'Its author withdraws a pending amendment.' })
  @RateLimit('decideAmendment')
  async withdrawAmendment(
    @Args('input', { type: () => WithdrawAmendmentInput }) input: WithdrawAmendmentInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<AmendmentRecord> {
    return amendmentView(await this.service.withdraw(actor, input, lang, loaders));
  }
}
