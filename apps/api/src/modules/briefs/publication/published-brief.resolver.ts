import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, type Language } from '@passerelle/domain';
import { CurrentUser, Public } from '../../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../../common/dataloader/loader-registry';
import { Lang, Loaders } from '../../../common/graphql/graphql-context';
import { Proposal } from '../../proposals/models/proposal.model';
import { type PublishedBriefRecord } from './brief-publication.repository';
import { BriefPublicationService, versionView } from './brief-publication.service';
import { BriefTransitionInput } from '../dto/brief.inputs';
import {
  BriefCitationRef,
  BriefVersion,
  BriefVersionSummary,
  PublishedBrief,
} from './models/published-brief.model';

/** Publishing a brief, and the public brief with its frozen versions. */
@Resolver(() => PublishedBrief)
export class PublishedBriefResolver {
  constructor(private readonly service: BriefPublicationService) {}

  @Mutation(() => PublishedBrief, {
    description:
      'Curators and administrators publish a brief IN_REVIEW as version n+1, freezing its text and the vote figures of the cited proposals; CONFLICT (BRIEF_STALE, ILLEGAL_TRANSITION) otherwise.',
  })
  publishBrief(
    @Args('input', { type: () => BriefTransitionInput }) input: BriefTransitionInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<PublishedBriefRecord> {
    return this.service.publish(actor, input, lang);
  }

  @Public()
  @Query(() => PublishedBrief, {
    description:
      'A published brief; NOT_FOUND (reason BRIEF_NOT_FOUND) before its first publication.',
  })
  publishedBrief(
    @Args('slug') slug: string,
    @Lang() lang: Language,
  ): Promise<PublishedBriefRecord> {
    return this.service.getPublished(slug, lang);
  }

  @Public()
  @Query(() => [PublishedBrief], {
    description: 'Every published brief (its current version), newest publication first.',
  })
  publishedBriefs(): Promise<PublishedBriefRecord[]> {
    return this.service.listPublished();
  }

  @ResolveField(() => String)
  title(@Parent() brief: PublishedBriefRecord): string {
    return brief.current.snapshot.title;
  }

  @ResolveField(() => BriefVersion)
  currentVersion(@Parent() brief: PublishedBriefRecord): BriefVersion {
    return versionView(brief.current);
  }

  @ResolveField(() => [BriefVersionSummary], {
    description: 'Every published version, newest first.',
  })
  versions(@Parent() brief: PublishedBriefRecord): Promise<BriefVersionSummary[]> {
    return this.service.versions(brief);
  }

  @ResolveField(() => BriefVersion, {
    nullable: true,
    description: 'Null when there is no such version.',
  })
  version(
    @Parent() brief: PublishedBriefRecord,
    @Args('number', { type: () => Int }) number: number,
  ): Promise<BriefVersion | null> {
    return this.service.version(brief, number);
  }
}

/** The `citedIn` field of a proposal: published briefs whose current version cites it. */
@Resolver(() => Proposal)
export class ProposalCitedInResolver {
  constructor(private readonly service: BriefPublicationService) {}

  @ResolveField(() => [BriefCitationRef], {
    description: 'Sections of published briefs whose current version cites this proposal.',
  })
  citedIn(
    @Parent() proposal: { id: string },
    @Loaders() loaders: LoaderRegistry,
  ): Promise<BriefCitationRef[]> {
    return loaders
      .get('briefs.citedInByProposalId', (ids: readonly string[]) => this.service.citedIn(ids))
      .load(proposal.id);
  }
}
