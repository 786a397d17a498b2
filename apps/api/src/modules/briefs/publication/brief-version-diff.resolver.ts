import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { type Language } from '@passerelle/domain';
import { Public } from '../../../common/auth/auth.decorators';
import { Lang } from '../../../common/graphql/graphql-context';
import { BriefVersionDiffService } from './brief-version-diff.service';
import { BriefVersionDiff } from './models/brief-version-diff.model';

/** The public comparison of two published versions of a brief. */
@Resolver(() => BriefVersionDiff)
export class BriefVersionDiffResolver {
  constructor(private readonly service: BriefVersionDiffService) {}

  @Public()
  @Query(() => BriefVersionDiff, {
    description:
      'What changed from version `from` to version `to` of a published brief: word diffs of the text, sections added, removed or changed, citations gained or lost, and the frozen votes of the proposals cited in both. BAD_USER_INPUT unless the versions are whole numbers from 1 and differ; NOT_FOUND (BRIEF_NOT_FOUND, BRIEF_VERSION_NOT_FOUND) otherwise.',
  })
  briefVersionDiff(
    @Args('slug') slug: string,
    @Args('from', { type: () => Int }) from: number,
    @Args('to', { type: () => Int }) to: number,
    @Lang() lang: Language,
  ): Promise<BriefVersionDiff> {
    return this.service.diff(slug, from, to, lang);
  }
}
