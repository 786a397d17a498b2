// The demo's published national contribution: two sections citing demo proposals (one through a
// participant's comment), every synthesis paragraph linking to its sources, version 1 frozen with
// the figures the demo votes give. Built with the same rules as publishBrief (domain snapshot,
// source markers, RETAINED status with its reason), written in the demo data's transaction.
import { renderMarkdown, type SourceLink } from '../../apps/api/src/common/markdown/markdown';
import type { Prisma } from '../../apps/api/src/generated/prisma/client';
import { assertSectionSourced } from '../../libs/domain/src/briefs/sources';
import {
  buildBriefSnapshot,
  citedProposalIds,
  retainedReason,
} from '../../libs/domain/src/briefs/snapshot';
import type { ActorType } from '../../libs/domain/src/shared/enums';
import { DEMO_CONSULTATION } from './demo-content';

/** A citation of the demo brief: a demo proposal (by key) or the first comment on one. */
interface DemoCitation {
  proposal: string;
  /** Cite the proposal's first top-level comment instead of the proposal. */
  comment?: boolean;
  quote?: string;
}

const DEMO_BRIEF = {
  slug: 'energie-citoyenne-et-reprise-cooperative',
  title: 'Énergie citoyenne et reprise coopérative : ce que proposent les territoires',
  introduction:
    'Cette contribution rassemble les propositions de la consultation **Transition écologique et démocratie économique** qui ont réuni le plus large soutien sur deux sujets : la production d’énergie par et pour les habitants, et la transmission des entreprises à leurs salariés.',
  sections: [
    {
      title: 'Une énergie produite par et pour les habitants',
      synthesis:
        'Les participants veulent que la production d’énergie renouvelable profite au territoire qui l’accueille, grâce à des sociétés coopératives réunissant habitants, collectivités et entreprises locales [1].\n\n' +
        'Les toits des bâtiments publics et des logements sociaux sont cités comme les premiers gisements à ouvrir, d’abord au bénéfice des locataires et des usagers [2][3].\n\n' +
        'Certains appellent toutefois à la prudence : les expériences locales sont encore récentes, et il faudra les évaluer avant de les généraliser [4].',
      dissentNote:
        'Une partie des petites entreprises du bâtiment craint que des règles trop favorables aux coopératives ne les écartent des chantiers.',
      citations: [
        {
          proposal: 'scic-energie-par-intercommunalite',
          quote: 'pour que la production d’énergie profite au territoire',
        },
        { proposal: 'toits-publics-cooperatives-solaires' },
        {
          proposal: 'autoconsommation-collective-hlm',
          quote: 'alléger la facture des locataires',
        },
        { proposal: 'scic-energie-par-intercommunalite', comment: true },
      ] as DemoCitation[],
    },
    {
      title: 'Transmettre les entreprises à leurs salariés',
      synthesis:
        'Faute de repreneur, des PME saines ferment : les participants proposent un droit de préférence pour les salariés et un financement adapté à la reprise en coopérative [1].\n\n' +
        'Un fonds régional de garantie réduirait le risque des banques face à des repreneurs sans apport [2].',
      dissentNote: '',
      citations: [
        {
          proposal: 'reprise-en-scop',
          quote: 'Des milliers de PME saines ferment faute de repreneur',
        },
        { proposal: 'fonds-regional-reprise-cooperative' },
      ] as DemoCitation[],
    },
  ],
} as const;

/** What the demo seed has built so far, read by the brief. */
export interface DemoBriefContext {
  consultationId: string;
  curatorId: string;
  publishedAt: Date;
  proposalId: (key: string) => string;
  proposals: Prisma.ProposalCreateManyInput[];
  comments: Prisma.CommentCreateManyInput[];
  collegeCounts: Prisma.ProposalCollegeCountCreateManyInput[];
  statusChanges: Prisma.ProposalStatusChangeCreateManyInput[];
  /** The author's collège of each proposal id. */
  authorActorType: (proposalId: string) => ActorType;
  /** The territory name of each territory id. */
  territoryName: (territoryId: string) => string;
  /** The demo's stable id for a key. */
  demoId: (key: string) => string;
}

export interface DemoBriefRows {
  brief: Prisma.BriefCreateManyInput;
  consultation: Prisma.BriefConsultationCreateManyInput;
  sections: Prisma.BriefSectionCreateManyInput[];
  citations: Prisma.BriefCitationCreateManyInput[];
  version: Prisma.BriefVersionCreateManyInput;
  audit: Prisma.AuditLogEntryCreateManyInput;
}

/**
 * Builds the demo brief's rows and, like a publication, makes its directly cited proposals
 * RETAINED (updating `ctx.proposals` and appending to `ctx.statusChanges`).
 */
export function demoBriefRows(ctx: DemoBriefContext): DemoBriefRows {
  const briefId = ctx.demoId(`brief:${DEMO_BRIEF.slug}`);
  const proposalById = new Map(ctx.proposals.map((p) => [p.id as string, p]));
  const proposal = (id: string) => {
    const found = proposalById.get(id);
    if (!found) throw new Error(`Demo brief cites an unknown proposal ${id}`);
    return found;
  };
  const firstComment = (proposalId: string) => {
    const found = ctx.comments.find((c) => c.proposalId === proposalId && !c.parentId);
    if (!found) throw new Error(`Demo brief cites a comment on ${proposalId}, which has none`);
    return found;
  };

  const sections = DEMO_BRIEF.sections.map((section, position) => {
    const citations = section.citations.map((citation, index) => {
      const proposalId = ctx.proposalId(citation.proposal);
      const comment = citation.comment ? firstComment(proposalId) : undefined;
      const quote =
        citation.quote ?? (comment ? (comment.body.split(/[.:]/)[0] as string) : undefined);
      return {
        position: index,
        proposalId: comment ? null : proposalId,
        commentId: comment ? (comment.id as string) : null,
        quote: quote ?? null,
        sourceProposalId: proposalId,
        link: {
          href: `/propositions/${proposalId}${comment ? `#commentaire-${comment.id}` : ''}`,
          title: proposal(proposalId).title,
        } satisfies SourceLink,
      };
    });
    assertSectionSourced({
      title: section.title,
      synthesis: section.synthesis,
      citationCount: citations.length,
    });
    return {
      id: ctx.demoId(`brief-section:${DEMO_BRIEF.slug}:${position}`),
      position,
      title: section.title,
      synthesis: section.synthesis,
      synthesisHtml: renderMarkdown(section.synthesis, {
        sourceLinks: citations.map((c) => c.link),
      }),
      dissentNote: section.dissentNote,
      citations,
    };
  });

  const introductionHtml = renderMarkdown(DEMO_BRIEF.introduction);
  const allCitations = sections.flatMap((s) => s.citations);
  const citedIds = new Set(citedProposalIds(sections));
  const sourceIds = [...new Set(allCitations.map((c) => c.sourceProposalId))];
  const snapshot = buildBriefSnapshot({
    brief: { title: DEMO_BRIEF.title, introduction: DEMO_BRIEF.introduction, introductionHtml },
    sections,
    proposals: sourceIds.map((id) => {
      const p = proposal(id);
      return {
        id,
        title: p.title,
        territoryName: ctx.territoryName(p.territoryId as string),
        authorActorType: ctx.authorActorType(id),
        votesFor: p.votesFor ?? 0,
        votesAgainst: p.votesAgainst ?? 0,
        votesNeutral: p.votesNeutral ?? 0,
        // Provenance (issue 10): the demo consultation is national.
        consultationId: ctx.consultationId,
        consultationTitle: DEMO_CONSULTATION.title,
        consultationSlug: DEMO_CONSULTATION.slug,
        consultationTerritoryId: null,
        consultationTerritoryName: null,
        consultationOrganisationId: null,
        consultationOrganisationName: null,
      };
    }),
    collegeCounts: ctx.collegeCounts
      .filter((c) => citedIds.has(c.proposalId))
      .map((c) => ({
        proposalId: c.proposalId,
        actorType: c.actorType as ActorType,
        votesFor: c.votesFor ?? 0,
        votesAgainst: c.votesAgainst ?? 0,
        votesNeutral: c.votesNeutral ?? 0,
      })),
    comments: allCitations
      .filter((c) => c.commentId)
      .map((c) => ({ id: c.commentId as string, proposalId: c.sourceProposalId })),
    // The demo experiments and their citations are seeded after the brief: its annex has none.
    proposalExperiments: [],
    experiments: [],
  });

  // Publication retains each directly cited proposal, naming the first section citing it.
  const retained = [...citedIds];
  for (const id of retained) {
    const number = sections.findIndex((s) => s.citations.some((c) => c.proposalId === id)) + 1;
    const p = proposal(id);
    p.status = 'RETAINED';
    ctx.statusChanges.push({
      id: ctx.demoId(`status:${id}:retained`),
      proposalId: id,
      fromStatus: 'PUBLISHED',
      toStatus: 'RETAINED',
      actorId: ctx.curatorId,
      reason: retainedReason(DEMO_BRIEF.title, number),
      createdAt: ctx.publishedAt,
    });
  }

  return {
    brief: {
      id: briefId,
      slug: DEMO_BRIEF.slug,
      title: DEMO_BRIEF.title,
      introduction: DEMO_BRIEF.introduction,
      introductionHtml,
      status: 'PUBLISHED',
      revision: 2,
      publishedVersion: 1,
      createdById: ctx.curatorId,
      updatedById: ctx.curatorId,
      createdAt: new Date(ctx.publishedAt.getTime() - 3 * 24 * 3_600_000),
      updatedAt: ctx.publishedAt,
    },
    consultation: { briefId: briefId, consultationId: ctx.consultationId },
    sections: sections.map((s) => ({
      id: s.id,
      briefId: briefId,
      position: s.position,
      title: s.title,
      synthesis: s.synthesis,
      synthesisHtml: s.synthesisHtml,
      dissentNote: s.dissentNote,
    })),
    citations: sections.flatMap((s) =>
      s.citations.map((c) => ({
        sectionId: s.id,
        position: c.position,
        proposalId: c.proposalId,
        commentId: c.commentId,
        quote: c.quote,
        createdAt: ctx.publishedAt,
      })),
    ),
    version: {
      briefId: briefId,
      number: 1,
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
      publishedAt: ctx.publishedAt,
      publishedById: ctx.curatorId,
    },
    audit: {
      actorId: ctx.curatorId,
      action: 'PUBLISH_BRIEF',
      targetType: 'BRIEF',
      targetId: briefId,
      metadata: { version: 1, citedProposalIds: retained, retainedProposalIds: retained },
      createdAt: ctx.publishedAt,
    },
  };
}
