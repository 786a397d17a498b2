import { Injectable } from '@nestjs/common';
import {
  assertComparableVersions,
  diffBriefVersions,
  DomainError,
  DomainErrorCode,
  errorMessage,
  type Language,
} from '@passerelle/domain';
import { BriefPublicationRepository } from './brief-publication.repository';
import { type BriefVersionDiff } from './models/brief-version-diff.model';

/** Comparison of two published versions of a brief, for everyone. */
@Injectable()
export class BriefVersionDiffService {
  constructor(private readonly repository: BriefPublicationRepository) {}

  /**
   * The diff from version `from` to version `to` of a published brief: INVALID_INPUT unless
   * both are whole numbers from 1 and differ, BRIEF_NOT_FOUND before the first publication,
   * BRIEF_VERSION_NOT_FOUND when either version does not exist.
   */
  async diff(slug: string, from: number, to: number, lang: Language): Promise<BriefVersionDiff> {
    assertComparableVersions(from, to, lang);
    const brief = await this.repository.findPublishedVersions(slug, [from, to]);
    if (!brief) throw new DomainError(DomainErrorCode.BRIEF_NOT_FOUND, undefined, lang);
    const older = brief.versions.find((version) => version.number === from);
    const newer = brief.versions.find((version) => version.number === to);
    if (!older || !newer) {
      // Name the missing side(s), so a form can point at the wrong choice.
      const fields = [...(older ? [] : ['from']), ...(newer ? [] : ['to'])].map((field) => ({
        field,
        rule: 'published',
        message: errorMessage(DomainErrorCode.BRIEF_VERSION_NOT_FOUND, lang),
      }));
      throw new DomainError(DomainErrorCode.BRIEF_VERSION_NOT_FOUND, fields, lang);
    }
    const summary = (version: typeof older) => ({
      number: version.number,
      publishedAt: version.publishedAt,
      title: version.snapshot.title,
    });
    return {
      slug,
      from: summary(older),
      to: summary(newer),
      ...diffBriefVersions(older.snapshot, newer.snapshot),
    };
  }
}
