import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, type Language } from '@passerelle/domain';
import { type Response } from 'express';
import { CurrentUser } from '../../common/auth/auth.decorators';
import { HttpResponse, Lang } from '../../common/graphql/graphql-context';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { SessionCookies } from '../auth/session-cookies';
import { Proposal } from '../proposals/models/proposal.model';
import { Participant } from '../users/models/participant.model';
import { DeleteMyAccountInput } from './dto/delete-my-account.input';
import { PrivacyService } from './privacy.service';

@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly cookies: SessionCookies,
  ) {}

  @RateLimit('deleteMyAccount')
  @Mutation(() => Boolean, {
    description:
      'Deletes the signed-in account (GDPR right to erasure): it becomes an anonymous tombstone, its sessions end, and its contributions stay anonymous or are erased (mode). Needs the password when the account has one and the e-mail typed again.',
  })
  async deleteMyAccount(
    @Args('input', { type: () => DeleteMyAccountInput }) input: DeleteMyAccountInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
    @HttpResponse() res: Response,
  ): Promise<boolean> {
    await this.privacy.deleteMyAccount(actor, { ...input }, lang);
    this.cookies.clear(res);
    return true;
  }
}

/** A deleted account shows as an anonymous participant (its name is the stored neutral label). */
@Resolver(() => Participant)
export class DeletedParticipantResolver {
  @ResolveField(() => Boolean, {
    description: 'True for a deleted account: clients show “Anonymous participant”.',
  })
  deleted(@Parent() user: { deletedAt?: Date | null }): boolean {
    return Boolean(user.deletedAt);
  }
}

/** An erased proposal keeps its place and figures; its texts are a placeholder. */
@Resolver(() => Proposal)
export class ErasedProposalResolver {
  @ResolveField(() => Boolean, {
    description: 'True when its author deleted their account and erased their contributions.',
  })
  erased(@Parent() proposal: { erasedAt?: Date | null }): boolean {
    return Boolean(proposal.erasedAt);
  }
}
