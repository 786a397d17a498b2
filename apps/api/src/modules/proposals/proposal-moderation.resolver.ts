import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, canModerateConsultation } from '@passerelle/domain';
import { CurrentUser } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Loaders } from '../../common/graphql/graphql-context';
import { ViewerModeration } from '../consultations/viewer-moderation';
import { Proposal } from './models/proposal.model';
import { type ProposalRecord } from './proposals.repository';

@Resolver(() => Proposal)
export class ProposalModerationResolver {
  constructor(private readonly viewer: ViewerModeration) {}

  @ResolveField(() => Boolean, {
    description:
      "Whether the viewer may hide or restore this proposal and its comments: platform moderators and administrators, and its consultation's local moderators (not suspended); false for anonymous visitors.",
  })
  async viewerCanModerate(
    @Parent() proposal: ProposalRecord,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> {
    if (actor === null) return false;
    const moderation = await this.viewer.in(actor, proposal.consultationId, loaders);
    return canModerateConsultation(actor, moderation);
  }
}
