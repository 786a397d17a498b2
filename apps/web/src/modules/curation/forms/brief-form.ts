import type { FieldError } from '@passerelle/domain';
import type { Brief, BriefRef, CuratedProposal } from '../../../shared/graphql/schema-types';
import type { UpdateBriefInput } from '../graphql/curation.documents';

/** A citation as edited: the source as loaded (for display) and the quote being typed. */
export interface CitationState {
  /** Stable React key (not sent). */
  key: string;
  proposal: CuratedProposal | null;
  commentId: string | null;
  commentBody: string | null;
  quote: string;
  otherBriefs: BriefRef[];
}

export interface SectionState {
  key: string;
  title: string;
  synthesis: string;
  /** The server's rendering as last saved (the live preview is plain text). */
  synthesisHtml: string;
  dissentNote: string;
  citations: CitationState[];
}

export interface BriefFormState {
  title: string;
  introduction: string;
  sections: SectionState[];
}

let nextKey = 0;
/** A key unique within the page, for list items that have no id yet. */
export const newKey = (prefix: string) => `${prefix}-new-${++nextKey}`;

/** The form's starting values for a working copy as loaded. */
export function briefToForm(brief: Brief): BriefFormState {
  return {
    title: brief.title,
    introduction: brief.introduction,
    sections: [...brief.sections]
      .sort((a, b) => a.position - b.position)
      .map((section) => ({
        key: section.id,
        title: section.title,
        synthesis: section.synthesis,
        synthesisHtml: section.synthesisHtml,
        dissentNote: section.dissentNote,
        citations: [...section.citations]
          .sort((a, b) => a.position - b.position)
          .map((citation) => ({
            key: citation.id,
            proposal: citation.proposal,
            commentId: citation.comment?.id ?? null,
            commentBody: citation.comment?.body ?? null,
            quote: citation.quote ?? '',
            otherBriefs: citation.otherBriefs,
          })),
      })),
  };
}

export const emptySection = (): SectionState => ({
  key: newKey('section'),
  title: '',
  synthesis: '',
  synthesisHtml: '',
  dissentNote: '',
  citations: [],
});

export const proposalCitation = (proposal: CuratedProposal): CitationState => ({
  key: newKey('citation'),
  proposal,
  commentId: null,
  commentBody: null,
  quote: '',
  otherBriefs: [],
});

/** The list with the item at `index` moved by `delta` places (unchanged at either end). */
export function move<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target] as T, next[index] as T];
  return next;
}

/** The list without the item at `index`. */
export const removeAt = <T>(list: readonly T[], index: number): T[] =>
  list.filter((_, i) => i !== index);

/** The whole working copy as UpdateBriefInput: sections and citations in their shown order. */
export function toUpdateBriefInput(
  briefId: string,
  expectedRevision: number,
  state: BriefFormState,
): UpdateBriefInput {
  return {
    briefId,
    expectedRevision,
    title: state.title.trim(),
    introduction: state.introduction,
    sections: state.sections.map((section) => ({
      title: section.title.trim(),
      synthesis: section.synthesis,
      dissentNote: section.dissentNote,
      citations: section.citations.map((citation) => ({
        ...(citation.proposal
          ? { proposalId: citation.proposal.id }
          : { commentId: citation.commentId }),
        quote: citation.quote === '' ? null : citation.quote,
      })),
    })),
  };
}

/** Field errors keyed by their full path (`sections.0.citations.1.quote`), first message wins. */
export function toErrorPaths(errors: readonly FieldError[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const error of errors) map[error.field] ??= error.message;
  return map;
}

/** Stable DOM id of a field, from its path. */
export const fieldId = (path: string) => `brief-${path.replace(/\./g, '-')}`;
