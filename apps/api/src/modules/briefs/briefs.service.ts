import { Injectable } from '@nestjs/common';
import {
  type Actor,
  assertBriefRevision,
  assertBriefTransition,
  assertCan,
  type BriefStatus,
  briefTransitionInputSchema,
  type CitationInput,
  createBriefInputSchema,
  DomainError,
  DomainErrorCode,
  errorMessage,
  type FieldError,
  isExactQuote,
  isPubliclyVisible,
  type Language,
  statusAfterEdit,
  updateBriefInputSchema,
  validateInput,
} from '@passerelle/domain';
import { isUuid, unknownReference } from '../../common/graphql/ids';
import { renderMarkdown } from '../../common/markdown/markdown';
import { isUniqueViolation } from '../../common/prisma/prisma-errors';
import { assertSectionsSources, sourceLinkOf } from './brief-sources';
import {
  type BriefEdit,
  type BriefRecord,
  BriefsRepository,
  type CitableComment,
  type CitableProposal,
  type NewSection,
} from './briefs.repository';

const fieldError = (
  field: string,
  code: 'QUOTE_NOT_IN_SOURCE' | 'CITATION_SOURCE_INVALID',
  lang: Language,
): FieldError => ({
  field,
  rule: code === 'QUOTE_NOT_IN_SOURCE' ? 'exactQuote' : 'citableSource',
  message: errorMessage(code, lang),
});

const isShownProposal = (
  proposal: Pick<CitableProposal, 'status' | 'hiddenAt' | 'consultationId'>,
  consultationIds: ReadonlySet<string>,
) =>
  isPubliclyVisible(proposal.status) &&
  proposal.hiddenAt === null &&
  consultationIds.has(proposal.consultationId);

const isShownComment = (comment: CitableComment, consultationIds: ReadonlySet<string>) =>
  comment.deletedAt === null &&
  comment.hiddenAt === null &&
  isShownProposal(comment.proposal, consultationIds);

/** Drafting of curation briefs: curators and administrators only. */
@Injectable()
export class BriefsService {
  constructor(private readonly repository: BriefsRepository) {}

  list(actor: Actor, status: BriefStatus | null | undefined): Promise<BriefRecord[]> {
    assertCan(actor, 'brief.edit');
    return this.repository.list(status ?? null);
  }

  async get(actor: Actor, id: string, lang: Language): Promise<BriefRecord> {
    assertCan(actor, 'brief.edit');
    return this.load(id, lang);
  }

  /** Creates a DRAFT brief at revision 1 (BRIEF_SLUG_TAKEN when the slug is used). */
  async create(actor: Actor, input: unknown, lang: Language): Promise<BriefRecord> {
    assertCan(actor, 'brief.edit'); // before reading the input: strangers learn nothing
    const curator = actor as NonNullable<Actor>;
    const data = validateInput(createBriefInputSchema, input, lang);
    await this.assertConsultationsExist(data.consultationIds, lang);
    try {
      return await this.repository.create({
        slug: data.slug,
        title: data.title,
        introduction: data.introduction,
        introductionHtml: renderMarkdown(data.introduction),
        consultationIds: data.consultationIds,
        authorId: curator.id,
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError(DomainErrorCode.BRIEF_SLUG_TAKEN, undefined, lang);
      throw error;
    }
  }

  /**
   * Edits the working copy from `expectedRevision` (BRIEF_STALE otherwise, checked again
   * atomically by the write); `sections` replaces every section and citation. An edit of a
   * PUBLISHED brief makes it a DRAFT again (the public keeps the published version).
   */
  async update(actor: Actor, input: unknown, lang: Language): Promise<BriefRecord> {
    assertCan(actor, 'brief.edit');
    const curator = actor as NonNullable<Actor>;
    const data = validateInput(updateBriefInputSchema, input, lang);
    const current = await this.load(data.briefId, lang);
    assertBriefRevision(data.expectedRevision, current.revision, lang);
    if (data.consultationIds) await this.assertConsultationsExist(data.consultationIds, lang);
    const consultationIds = new Set(
      data.consultationIds ?? (await this.repository.findConsultationIds(current.id)),
    );
    const edit: BriefEdit = { status: statusAfterEdit(current.status) };
    if (data.title) edit.title = data.title;
    if (data.introduction !== null && data.introduction !== undefined) {
      edit.introduction = data.introduction;
      edit.introductionHtml = renderMarkdown(data.introduction);
    }
    if (data.consultationIds) edit.consultationIds = data.consultationIds;
    if (data.consultationIds && !data.sections) {
      // The stored citations must still come from the brief's consultations.
      const stored = await this.repository.findCitationsOfBrief(current.id);
      await this.assertCitationsValid(stored, consultationIds, lang);
    }
    if (data.sections) {
      // Every marker names one of its section's citations (SOURCE_MARKER_INVALID otherwise).
      assertSectionsSources(
        data.sections.map((section) => ({
          title: section.title,
          synthesis: section.synthesis,
          citationCount: section.citations.length,
        })),
        'markers',
        lang,
      );
      const { proposals, comments } = await this.assertCitationsValid(
        data.sections.map((section) => section.citations),
        consultationIds,
        lang,
      );
      const titles = new Map([
        ...[...comments.values()].map(({ proposal }) => [proposal.id, proposal.title] as const),
        ...[...proposals.values()].map(({ id, title }) => [id, title] as const),
      ]);
      // Markers become footnote links to the section's citations.
      edit.sections = data.sections.map((section): NewSection => {
        const sourceLinks = section.citations.map((citation) =>
          sourceLinkOf(
            citation,
            (id) => comments.get(id)?.proposal.id,
            (id) => titles.get(id),
          ),
        );
        return { ...section, synthesisHtml: renderMarkdown(section.synthesis, { sourceLinks }) };
      });
    }
    const updated = await this.repository.update(
      current.id,
      data.expectedRevision,
      edit,
      curator.id,
    );
    // Another edit landed between the read and the write.
    if (!updated) throw new DomainError(DomainErrorCode.BRIEF_STALE, undefined, lang);
    return updated;
  }

  /** DRAFT → IN_REVIEW or IN_REVIEW → DRAFT (ILLEGAL_TRANSITION otherwise; BRIEF_STALE). */
  async transition(
    actor: Actor,
    input: unknown,
    to: Extract<BriefStatus, 'DRAFT' | 'IN_REVIEW'>,
    lang: Language,
  ): Promise<BriefRecord> {
    assertCan(actor, 'brief.edit');
    const curator = actor as NonNullable<Actor>;
    const data = validateInput(briefTransitionInputSchema, input, lang);
    const current = await this.load(data.briefId, lang);
    assertBriefRevision(data.expectedRevision, current.revision, lang);
    assertBriefTransition(current.status, to, lang);
    if (to === 'IN_REVIEW') {
      // Reviewers read a brief whose every paragraph links to its sources. Sections edited
      // after this read bump the revision, so the guarded write below then refuses as stale.
      assertSectionsSources(await this.repository.findSectionSources(current.id), 'sourced', lang);
    }
    const moved = await this.repository.transition(
      current.id,
      data.expectedRevision,
      current.status,
      to,
      curator.id,
    );
    if (!moved) throw new DomainError(DomainErrorCode.BRIEF_STALE, undefined, lang);
    return moved;
  }

  private async load(id: string, lang: Language): Promise<BriefRecord> {
    const brief = isUuid(id) ? await this.repository.findById(id) : null;
    if (!brief) throw new DomainError(DomainErrorCode.BRIEF_NOT_FOUND, undefined, lang);
    return brief;
  }

  /** Unknown consultations: BAD_USER_INPUT naming each `consultationIds.n`. */
  private async assertConsultationsExist(ids: readonly string[], lang: Language): Promise<void> {
    const known = await this.repository.existingConsultationIds(ids);
    const unknown = ids.flatMap((id, index) =>
      known.has(id)
        ? []
        : (unknownReference(`consultationIds.${index}`, 'CONSULTATION_NOT_FOUND', lang).fields ??
          []),
    );
    if (unknown.length > 0) throw new DomainError(DomainErrorCode.INVALID_INPUT, unknown, lang);
  }

  /**
   * Every citation names a public, visible source of one of the brief's consultations
   * (CITATION_SOURCE_INVALID), and its quote is word for word in that source
   * (QUOTE_NOT_IN_SOURCE); each error names the fields, e.g. `sections.0.citations.2.quote`.
   * `sections` holds the citations of each section, in order. Returns the sources it read.
   */
  private async assertCitationsValid(
    sections: readonly (readonly CitationInput[])[],
    consultationIds: ReadonlySet<string>,
    lang: Language,
  ): Promise<{
    proposals: Map<string, CitableProposal>;
    comments: Map<string, CitableComment>;
  }> {
    const citations = sections.flatMap((section, s) =>
      section.map((citation, c) => ({
        ...citation,
        path: `sections.${s}.citations.${c}`,
      })),
    );
    const [proposals, comments] = await Promise.all([
      this.repository.findCitableProposals(
        citations.flatMap((c) => (c.proposalId ? [c.proposalId] : [])),
      ),
      this.repository.findCitableComments(
        citations.flatMap((c) => (c.commentId ? [c.commentId] : [])),
      ),
    ]);
    const invalidSources: FieldError[] = [];
    const wrongQuotes: FieldError[] = [];
    for (const citation of citations) {
      let sources: string[] | null = null;
      if (citation.proposalId) {
        const proposal = proposals.get(citation.proposalId);
        if (proposal && isShownProposal(proposal, consultationIds)) {
          sources = [proposal.title, proposal.summary, proposal.body];
        } else {
          invalidSources.push(
            fieldError(`${citation.path}.proposalId`, 'CITATION_SOURCE_INVALID', lang),
          );
        }
      } else if (citation.commentId) {
        const comment = comments.get(citation.commentId);
        if (comment && isShownComment(comment, consultationIds)) {
          sources = [comment.body];
        } else {
          invalidSources.push(
            fieldError(`${citation.path}.commentId`, 'CITATION_SOURCE_INVALID', lang),
          );
        }
      }
      if (sources && citation.quote !== null && !isExactQuote(sources, citation.quote)) {
        wrongQuotes.push(fieldError(`${citation.path}.quote`, 'QUOTE_NOT_IN_SOURCE', lang));
      }
    }
    if (invalidSources.length > 0) {
      throw new DomainError(DomainErrorCode.CITATION_SOURCE_INVALID, invalidSources, lang);
    }
    if (wrongQuotes.length > 0) {
      throw new DomainError(DomainErrorCode.QUOTE_NOT_IN_SOURCE, wrongQuotes, lang);
    }
    return { proposals, comments };
  }
}
