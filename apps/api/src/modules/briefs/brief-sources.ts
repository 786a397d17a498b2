import {
  assertSectionSourced,
  assertSourceMarkers,
  DomainError,
  type FieldError,
  type Language,
  type SectionSources,
} from '@passerelle/domain';
import { type SourceLink } from '../../common/markdown/markdown';

/** A citation as far as its link is concerned. */
export interface CitationTarget {
  proposalId: string | null;
  commentId: string | null;
}

/**
 * Where a citation's marker leads (the web app's routes): the cited proposal, or the cited
 * comment's anchor on its proposal's page; the title is that proposal's title. Null when the
 * proposal is unknown (the citation checks refuse such a citation before anything is rendered).
 */
export function sourceLinkOf(
  citation: CitationTarget,
  proposalOfComment: (commentId: string) => string | undefined,
  titleOf: (proposalId: string) => string | undefined,
): SourceLink | null {
  const proposalId = citation.proposalId ?? proposalOfComment(citation.commentId ?? '');
  const title = proposalId === undefined ? undefined : titleOf(proposalId);
  if (proposalId === undefined || title === undefined) return null;
  const path = `/propositions/${encodeURIComponent(proposalId)}`;
  return {
    href: citation.proposalId
      ? path
      : `${path}#commentaire-${encodeURIComponent(citation.commentId ?? '')}`,
    title,
  };
}

const RULES = {
  markers: { check: assertSourceMarkers, rule: 'sourceMarkers' },
  sourced: { check: assertSectionSourced, rule: 'sourcedParagraphs' },
} as const;

/**
 * Runs a source rule on every section: `markers` (every marker names one of the section's
 * citations, on every edit) or `sourced` (also: every paragraph carries a marker, before review
 * and publication). Refuses with the first failing section's error (its message names the marker
 * or paragraph and the section), naming each failing section's field `sections.<i>.synthesis`.
 */
export function assertSectionsSources(
  sections: readonly SectionSources[],
  which: keyof typeof RULES,
  lang: Language,
): void {
  const { check, rule } = RULES[which];
  const failures: DomainError[] = [];
  const fields: FieldError[] = [];
  sections.forEach((section, index) => {
    try {
      check(section, lang);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      failures.push(error);
      fields.push({ field: `sections.${index}.synthesis`, rule, message: error.message });
    }
  });
  const [first] = failures;
  if (first) throw new DomainError(first.code, fields, lang, first.params);
}
