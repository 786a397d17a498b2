import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, type Language } from '@passerelle/domain';
import { CurrentUser } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { type ConsultationRecord } from '../consultations/consultations.repository';
import { Consultation } from '../consultations/models/consultation.model';
import { Proposal } from '../proposals/models/proposal.model';
import { type ProposalRecord } from '../proposals/proposals.repository';
import { ConsultationOpinionGroups, ProposalOpinions } from './models/opinions.model';
import { OpinionsLoaders } from './opinions.loaders';
import { consultationOpinionGroupsView, hasOpinions, proposalOpinionsView } from './opinions.views';

/** Proposal.opinions: the figures of the current opinion-groups run, batched per page. */
@Resolver(() => Proposal)
export class ProposalOpinionsResolver {
  constructor(private readonly loaders: OpinionsLoaders) {}

  @ResolveField(() => ProposalOpinions, {
    nullable: true,
    description:
      "Null until the opinion-groups job has computed the proposal's consultation since it was published.",
  })
  async opinions(
    @Parent() proposal: ProposalRecord,
    @Loaders() loaders: LoaderRegistry,
    @Lang() lang: Language,
  ): Promise<ProposalOpinions | null> {
    const [run, groups, votes] = await Promise.all([
      this.loaders.runByConsultationId(loaders).load(proposal.consultationId),
      this.loaders.groupsByConsultationId(loaders).load(proposal.consultationId),
      this.loaders.groupVotesByProposalId(loaders).load(proposal.id),
    ]);
    // The ranks (the page's costliest read: counting the consultation's list) only when shown.
    if (!hasOpinions(run, votes)) return null;
    const rank = await this.loaders.rankByProposalId(loaders).load(proposal.id);
    return proposalOpinionsView(rank, run, groups, votes, lang);
  }
}

/** Consultation.opinionGroups: the latest run, with the viewer's own group only. */
@Resolver(() => Consultation)
export class ConsultationOpinionsResolver {
  constructor(private readonly loaders: OpinionsLoaders) {}

  @ResolveField(() => ConsultationOpinionGroups, {
    nullable: true,
    description: 'Null before the first run of the opinion-groups job.',
  })
  async opinionGroups(
    @Parent() consultation: ConsultationRecord,
    @Loaders() loaders: LoaderRegistry,
    @CurrentUser() actor: Actor,
  ): Promise<ConsultationOpinionGroups | null> {
    const [run, groups, myGroupId] = await Promise.all([
      this.loaders.runByConsultationId(loaders).load(consultation.id),
      this.loaders.groupsByConsultationId(loaders).load(consultation.id),
      actor ? this.loaders.myGroupId(loaders, actor.id).load(consultation.id) : null,
    ]);
    return consultationOpinionGroupsView(run, groups, myGroupId);
  }
}
