import { z } from 'zod';
import { CONSULTATION_LIMITS, SLUG_PATTERN } from '../consultations/consultation-admin';
import { DomainError, DomainErrorCode } from '../shared/errors';
import { type Language } from '../shared/language';
import { id, text } from '../shared/schemas';

/** The life cycle of a brief's working copy. */
export const BriefStatus = Object.freeze({
  DRAFT: 'DRAFT',
  IN_REVIEW: 'IN_REVIEW',
  PUBLISHED: 'PUBLISHED',
} as const);
export type BriefStatus = keyof typeof BriefStatus;

export const BRIEF_LIMITS = {
  titleMin: 5,
  titleMax: 200,
  introductionMax: 20_000,
  consultationsMin: 1,
  consultationsMax: 10,
  sectionsMax: 30,
  sectionTitleMin: 1,
  sectionTitleMax: 200,
  synthesisMax: 20_000,
  dissentNoteMax: 5_000,
  citationsMax: 100,
  quoteMin: 1,
  quoteMax: 1_000,
} as const;

/**
 * The moves of a brief between statuses. Editing is not a move: an edit of a PUBLISHED brief
 * sends it back to DRAFT (see `statusAfterEdit`), the public keeping the published version.
 */
export const BRIEF_TRANSITIONS: readonly { from: BriefStatus; to: BriefStatus }[] = [
  { from: 'DRAFT', to: 'IN_REVIEW' },
  { from: 'IN_REVIEW', to: 'DRAFT' },
  { from: 'IN_REVIEW', to: 'PUBLISHED' },
];

/** Whether a brief may move from `from` to `to`. Publishing is only possible from IN_REVIEW. */
export function canTransitionBrief(from: BriefStatus, to: BriefStatus): boolean {
  return BRIEF_TRANSITIONS.some((t) => t.from === from && t.to === to);
}

/** Throws ILLEGAL_TRANSITION (CONFLICT) unless the brief may move from `from` to `to`. */
export function assertBriefTransition(from: BriefStatus, to: BriefStatus, lang?: Language): void {
  if (!canTransitionBrief(from, to)) {
    throw new DomainError(DomainErrorCode.ILLEGAL_TRANSITION, undefined, lang);
  }
}

/** The status after an edit: a PUBLISHED brief becomes a DRAFT again, others keep theirs. */
export function statusAfterEdit(status: BriefStatus): BriefStatus {
  return status === 'PUBLISHED' ? 'DRAFT' : status;
}

/** Throws BRIEF_STALE (CONFLICT) when an edit did not start from the current revision. */
export function assertBriefRevision(expected: number, current: number, lang?: Language): void {
  if (expected !== current) throw new DomainError(DomainErrorCode.BRIEF_STALE, undefined, lang);
}

/**
 * Whether `quote` appears word for word in one of the source texts (a proposal's title,
 * summary or body; a comment's body). No normalisation: case, spaces and punctuation count.
 */
export function isExactQuote(sources: readonly string[], quote: string): boolean {
  return quote.length > 0 && sources.some((source) => source.includes(quote));
}

/** Whether a citation names exactly one source: a proposal or a comment. */
export function hasOneCitationSource(citation: {
  proposalId?: string | null;
  commentId?: string | null;
}): boolean {
  const hasProposal = (citation.proposalId ?? null) !== null;
  const hasComment = (citation.commentId ?? null) !== null;
  return hasProposal !== hasComment;
}

const L = BRIEF_LIMITS;

const briefSlugSchema = z
  .string()
  .trim()
  .min(CONSULTATION_LIMITS.slugMin)
  .max(CONSULTATION_LIMITS.slugMax)
  .refine((slug) => SLUG_PATTERN.test(slug), { params: { rule: 'slug' } });

const uniqueIds = (min: number, max: number) =>
  z
    .array(id())
    .min(min)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, { params: { rule: 'unique' } });

/** Markdown text that may be empty: absent becomes the empty string. */
const longText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((value) => value ?? '');

export const citationInputSchema = z
  .strictObject({
    proposalId: id().nullable().optional(),
    commentId: id().nullable().optional(),
    /** Kept as typed (not trimmed): it must match the source exactly. */
    quote: z.string().min(L.quoteMin).max(L.quoteMax).nullable().optional(),
  })
  .transform((citation) => ({
    proposalId: citation.proposalId ?? null,
    commentId: citation.commentId ?? null,
    quote: citation.quote ?? null,
  }))
  .superRefine((citation, ctx) => {
    if (!hasOneCitationSource(citation)) {
      ctx.addIssue({
        code: 'custom',
        path: ['proposalId'],
        params: { rule: 'oneSource' },
        input: citation.proposalId,
      });
    }
  });
export type CitationInput = z.infer<typeof citationInputSchema>;

export const briefSectionInputSchema = z.strictObject({
  title: text(L.sectionTitleMin, L.sectionTitleMax),
  synthesis: longText(L.synthesisMax),
  dissentNote: longText(L.dissentNoteMax),
  citations: z.array(citationInputSchema).max(L.citationsMax),
});
export type BriefSectionInput = z.infer<typeof briefSectionInputSchema>;

export const createBriefInputSchema = z.strictObject({
  title: text(L.titleMin, L.titleMax),
  slug: briefSlugSchema,
  consultationIds: uniqueIds(L.consultationsMin, L.consultationsMax),
  introduction: longText(L.introductionMax),
});
export type CreateBriefInput = z.infer<typeof createBriefInputSchema>;

/** An edit: absent (or null) fields keep their value; `sections` replaces every section. */
export const updateBriefInputSchema = z.strictObject({
  briefId: id(),
  expectedRevision: z.number().int().min(1),
  title: text(L.titleMin, L.titleMax).nullable().optional(),
  introduction: z.string().trim().max(L.introductionMax).nullable().optional(),
  consultationIds: uniqueIds(L.consultationsMin, L.consultationsMax).nullable().optional(),
  sections: z.array(briefSectionInputSchema).max(L.sectionsMax).nullable().optional(),
});
export type UpdateBriefInput = z.infer<typeof updateBriefInputSchema>;

export const briefTransitionInputSchema = z.strictObject({
  briefId: id(),
  expectedRevision: z.number().int().min(1),
});
export type BriefTransitionInput = z.infer<typeof briefTransitionInputSchema>;
