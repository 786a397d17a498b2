import type { FieldError } from '@passerelle/domain';
import type {
  Brief,
  BriefRef,
  CommentNode,
  CuratedProposal,
  Participant,
} from '../../../shared/graphql/schema-types';
import type { UpdateBriefInput } from '../graphql/curation.documents';
import type { WithOpinions } from './opinions';
import { remapSourceMarkers } from './source-markers';

/** A citation as edited: the source as loaded (for display) and the quote being typed. */
export interface CitationState {
  /** Stable React key (not sent). */
  key: string;
  /** The cited proposal, with its opinion-group figures once computed. */
  proposal: WithOpinions | null;
  commentId: string | null;
  commentBody: string | null;
  /** The cited comment's author (null for a proposal, or once the comment is deleted). */
  commentAuthor: Participant | null;
  /** The proposal a cited comment belongs to (its link), and its title when known. */
  commentProposalId: string | null;
  commentProposalTitle: string | null;
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
            commentAuthor: citation.comment?.author ?? null,
            commentProposalId: citation.comment?.proposalId ?? null,
            commentProposalTitle: citation.comment
              ? (citation.sourceProposal?.title ?? null)
              : null,
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

export const proposalCitation = (proposal: WithOpinions<CuratedProposal>): CitationState => ({
  key: newKey('citation'),
  proposal,
  commentId: null,
  commentBody: null,
  commentAuthor: null,
  commentProposalId: null,
  commentProposalTitle: null,
  quote: '',
  otherBriefs: [],
});

/** A citation of a public comment, picked under its proposal (`proposalTitle`) in the picker. */
export const commentCitation = (comment: CommentNode, proposalTitle: string): CitationState => ({
  key: newKey('citation'),
  proposal: null,
  commentId: comment.id,
  commentBody: comment.body,
  commentAuthor: comment.author,
  commentProposalId: comment.proposalId,
  commentProposalTitle: proposalTitle,
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

/** The list with the item at `from` moved to `to` (dnd-kit's arrayMove, kept free of React). */
export function moveTo<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/**
 * The section with its citations replaced by `citations`: the synthesis's markers are rewritten
 * so that each still names the same source (see remapSourceMarkers).
 */
export function withCitations(section: SectionState, citations: CitationState[]): SectionState {
  return {
    ...section,
    citations,
    synthesis: remapSourceMarkers(
      section.synthesis,
      section.citations.map((c) => c.key),
      citations.map((c) => c.key),
    ),
  };
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
