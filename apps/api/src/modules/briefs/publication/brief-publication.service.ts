import { Injectable } from '@nestjs/common';
import {
  type Actor,
  assertBriefRevision,
  assertBriefTransition,
  assertCan,
  briefAnnex,
  briefExperimentsAnnex,
  type BriefSnapshot,
  briefTransitionInputSchema,
  buildBriefSnapshot,
  canTransitionProposal,
  citedProposalIds,
  DomainError,
  DomainErrorCode,
  type Language,
  retainedReason,
  transitionProposal,
  validateInput,
} from '@passerelle/domain';
import { isUuid } from '../../../common/graphql/ids';
import { renderMarkdown } from '../../../common/markdown/markdown';
import { assertSectionsSources, sourceLinkOf } from '../brief-sources';
import { AuditRepository } from '../../audit/audit.repository';
import { NotificationsRepository } from '../../notifications/notifications.repository';
import {
  BriefPublicationRepository,
  type BriefVersionRecord,
  type LockedBrief,
  type PublishedBriefRecord,
  type SectionRow,
} from './brief-publication.repository';
import {
  type BriefCitationRef,
  type BriefVersion,
  type BriefVersionSummary,
} from './models/published-brief.model';

/** The first section citing each proposal: its 1-based number among the sections, and title. */
function firstCitingSections(sections: readonly SectionRow[]) {
  const first = new Map<string, { number: number; title: string }>();
  sections.forEach((section, index) => {
    for (const citation of section.citations) {
      if (citation.proposalId && !first.has(citation.proposalId)) {
        first.set(citation.proposalId, { number: index + 1, title: section.title });
      }
    }
  });
  return first;
}

/**
 * The sections with their synthesis rendered again, its markers linking to the citations with
 * the titles read in the publishing transaction: the frozen links match the frozen citations,
 * even for a synthesis last saved before markers became links.
 */
function withSourceLinks(
  sections: readonly SectionRow[],
  proposals: readonly { id: string; title: string }[],
  comments: readonly { id: string; proposalId: string }[],
): SectionRow[] {
  const titles = new Map(proposals.map((proposal) => [proposal.id, proposal.title]));
  const proposalOfComment = new Map(comments.map((comment) => [comment.id, comment.proposalId]));
  return sections.map((section) => ({
    ...section,
    synthesisHtml: renderMarkdown(section.synthesis, {
      sourceLinks: section.citations.map((citation) =>
        sourceLinkOf(
          citation,
          (id) => proposalOfComment.get(id),
          (id) => titles.get(id),
        ),
      ),
    }),
  }));
}

/** A stored version as the GraphQL BriefVersion. */
export function versionView(version: BriefVersionRecord): BriefVersion {
  const { snapshot } = version;
  return {
    number: version.number,
    publishedAt: version.publishedAt,
    title: snapshot.title,
    introductionHtml: snapshot.introductionHtml,
    sections: snapshot.sections,
    annex: briefAnnex(snapshot),
    experiments: briefExperimentsAnnex(snapshot),
  };
}

/** Publication of briefs and the public reading of what was published. */
@Injectable()
export class BriefPublicationService {
  constructor(
    private readonly repository: BriefPublicationRepository,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationsRepository,
  ) {}

  /**
   * Publishes a brief IN_REVIEW as version n+1, in one transaction: locks the brief (stale
   * revisions are refused), share-locks the cited proposals so their counters are read at one
   * instant, freezes the snapshot, marks the brief PUBLISHED, retains the cited proposals whose
   * status allows it, and writes the audit entry and the PROPOSAL_CITED notices.
   */
  async publish(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<PublishedBriefRecord> {
    assertCan(actor, 'brief.edit'); // before reading the input: strangers learn nothing
    const curator = actor as NonNullable<Actor>;
    const data = validateInput(briefTransitionInputSchema, input, lang);
    if (!isUuid(data.briefId)) {
      throw new DomainError(DomainErrorCode.BRIEF_NOT_FOUND, undefined, lang);
    }

    return this.repository.transaction(async (tx) => {
      const brief = await this.repository.lockBrief(tx, data.briefId);
      if (!brief) throw new DomainError(DomainErrorCode.BRIEF_NOT_FOUND, undefined, lang);
      assertBriefRevision(data.expectedRevision, brief.revision, lang);
      assertBriefTransition(brief.status, 'PUBLISHED', lang);

      const sections = await this.repository.findSections(tx, brief.id);
      // Checked again under the lock: the brief may have been edited since it went to review.
      // Thrown before any write, so a refusal leaves everything as it was.
      assertSectionsSources(
        sections.map((section) => ({
          title: section.title,
          synthesis: section.synthesis,
          citationCount: section.citations.length,
        })),
        'sourced',
        lang,
      );
      const commentIds = sections.flatMap((section) =>
        section.citations.flatMap((citation) => (citation.commentId ? [citation.commentId] : [])),
      );
      const comments = await this.repository.findCommentProposals(tx, commentIds);
      const citedIds = citedProposalIds(sections);
      const proposals = await this.repository.lockProposals(tx, [
        ...new Set([...citedIds, ...comments.map((comment) => comment.proposalId)]),
      ]);
      const collegeCounts = await this.repository.findCollegeCounts(tx, citedIds);
      // The cited proposals' experiments: their figures are frozen as they stand now.
      const evidence = await this.repository.findCitedExperiments(tx, citedIds);
      const snapshot = buildBriefSnapshot({
        brief,
        sections: withSourceLinks(sections, proposals, comments),
        proposals,
        collegeCounts,
        comments,
        proposalExperiments: evidence.proposalExperiments,
        experiments: evidence.experiments,
      });

      const number = (brief.publishedVersion ?? 0) + 1;
      await this.repository.insertVersion(tx, brief, {
        number,
        snapshot,
        publishedById: curator.id,
        at: now,
      });

      const firstSections = firstCitingSections(sections);
      const cited = proposals.filter((proposal) => firstSections.has(proposal.id));
      const retainedIds: string[] = [];
      for (const proposal of cited) {
        const isAuthor = proposal.authorId === curator.id;
        if (!canTransitionProposal(proposal.status, 'RETAINED', curator, { isAuthor })) continue;
        const section = firstSections.get(proposal.id) as { number: number };
        const change = transitionProposal({
          from: proposal.status,
          to: 'RETAINED',
          actor: curator,
          isAuthor,
          reason: retainedReason(snapshot.title, section.number),
          at: now,
        });
        await this.repository.changeProposalStatus(tx, proposal.id, change);
        retainedIds.push(proposal.id);
        if (!isAuthor) {
          await this.notifications.notify(
            [
              {
                userId: proposal.authorId,
                kind: 'PROPOSAL_STATUS_CHANGED',
                payload: {
                  proposalId: proposal.id,
                  title: proposal.title,
                  status: change.to,
                  reason: change.reason,
                },
              },
            ],
            tx,
          );
        }
      }

      await this.audit.append(
        {
          actorId: curator.id,
          action: 'PUBLISH_BRIEF',
          targetType: 'BRIEF',
          targetId: brief.id,
          metadata: {
            version: number,
            citedProposalIds: citedIds,
            retainedProposalIds: retainedIds,
          },
        },
        tx,
      );

      const voters = await this.repository.findForVoters(tx, citedIds);
      for (const proposal of cited) {
        const payload = {
          briefSlug: brief.slug,
          briefTitle: snapshot.title,
          sectionTitle: (firstSections.get(proposal.id) as { title: string }).title,
          versionNumber: number,
          proposalId: proposal.id,
          title: proposal.title,
        };
        // One call per proposal: someone who wrote or supported two of them hears of both.
        await this.notifications.notify(
          [proposal.authorId, ...(voters.get(proposal.id) ?? [])].map((userId) => ({
            userId,
            kind: 'PROPOSAL_CITED' as const,
            payload,
          })),
          tx,
        );
      }

      return this.published(brief, number, snapshot, now);
    });
  }

  /** A published brief by slug; BRIEF_NOT_FOUND when it was never published. */
  async getPublished(slug: string, lang: Language): Promise<PublishedBriefRecord> {
    const brief = await this.repository.findPublishedBySlug(slug);
    if (!brief) throw new DomainError(DomainErrorCode.BRIEF_NOT_FOUND, undefined, lang);
    return brief;
  }

  /** Every published brief (its current version), newest publication first. */
  listPublished(): Promise<PublishedBriefRecord[]> {
    return this.repository.findAllPublished();
  }

  async versions(brief: PublishedBriefRecord): Promise<BriefVersionSummary[]> {
    return this.repository.findVersionSummaries(brief.id);
  }

  /** Version `number`, or null when the brief has no such version. */
  async version(brief: PublishedBriefRecord, number: number): Promise<BriefVersion | null> {
    const version =
      number === brief.current.number
        ? brief.current
        : await this.repository.findVersion(brief.id, number);
    return version ? versionView(version) : null;
  }

  /** For each proposal id, in key order: the sections of current published versions citing it. */
  async citedIn(proposalIds: readonly string[]): Promise<BriefCitationRef[][]> {
    const versions = await this.repository.findCitingVersions(proposalIds);
    return proposalIds.map((proposalId) =>
      versions.flatMap((version) =>
        version.snapshot.sections
          .filter((section) =>
            section.citations.some((citation) => citation.proposalId === proposalId),
          )
          .map((section) => ({
            briefSlug: version.briefSlug,
            briefTitle: version.snapshot.title,
            versionNumber: version.number,
            sectionPosition: section.position,
            sectionTitle: section.title,
          })),
      ),
    );
  }

  private published(
    brief: LockedBrief,
    number: number,
    snapshot: BriefSnapshot,
    at: Date,
  ): PublishedBriefRecord {
    return {
      id: brief.id,
      slug: brief.slug,
      publishedVersion: number,
      current: { number, publishedAt: at, snapshot },
    };
  }
}
