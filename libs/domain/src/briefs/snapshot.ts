import { ActorType } from '../shared/enums';
import { DomainError, DomainErrorCode } from '../shared/errors';

/** Version of the snapshot's JSON shape; readers branch on it if the shape ever changes. */
export const BRIEF_SNAPSHOT_SCHEMA_VERSION = 2;

/** The votes of one collège on a proposal, as they stood at publication. */
export interface FrozenCollegeFigures {
  actorType: ActorType;
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
}

/** The votes on a proposal at publication: totals and the per-collège breakdown. */
export interface FrozenVoteFigures {
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  colleges: FrozenCollegeFigures[];
}

/** A citation as published: a proposal (with its figures) or a comment on a proposal. */
export interface BriefSnapshotCitation {
  position: number;
  proposalId: string | null;
  commentId: string | null;
  quote: string | null;
  /** The cited proposal, or the proposal the cited comment belongs to (the link target). */
  sourceProposalId: string;
  /** The cited proposal's title, or the title of the proposal the cited comment belongs to. */
  proposalTitle: string;
  /** Frozen figures of a cited proposal; null for a comment citation. */
  figures: FrozenVoteFigures | null;
}

export interface BriefSnapshotSection {
  position: number;
  title: string;
  /** Markdown source (with its `[n]` source markers), for exports and diffs. */
  synthesis: string;
  synthesisHtml: string;
  dissentNote: string;
  citations: BriefSnapshotCitation[];
}

/** A proposal cited directly, frozen for the annex. */
export interface BriefSnapshotProposal {
  id: string;
  title: string;
  territoryName: string;
  authorActorType: ActorType;
  figures: FrozenVoteFigures;
}

/** The whole brief as published in version n: stored as JSON and never updated. */
export interface BriefSnapshot {
  schemaVersion: typeof BRIEF_SNAPSHOT_SCHEMA_VERSION;
  title: string;
  /** Markdown source, for exports and diffs. */
  introduction: string;
  introductionHtml: string;
  sections: BriefSnapshotSection[];
  /** Directly cited proposals, in order of first citation. */
  proposals: BriefSnapshotProposal[];
}

/** Plain rows read in the publishing transaction. */
export interface BriefSnapshotRows {
  brief: { title: string; introduction: string; introductionHtml: string };
  sections: readonly {
    position: number;
    title: string;
    synthesis: string;
    synthesisHtml: string;
    dissentNote: string;
    citations: readonly {
      position: number;
      proposalId: string | null;
      commentId: string | null;
      quote: string | null;
    }[];
  }[];
  /** Every proposal cited directly or through a comment. */
  proposals: readonly {
    id: string;
    title: string;
    territoryName: string;
    authorActorType: ActorType;
    votesFor: number;
    votesAgainst: number;
    votesNeutral: number;
  }[];
  collegeCounts: readonly {
    proposalId: string;
    actorType: ActorType;
    votesFor: number;
    votesAgainst: number;
    votesNeutral: number;
  }[];
  /** Every cited comment, with the proposal it belongs to. */
  comments: readonly { id: string; proposalId: string }[];
}

/** One row of the annex: a cited proposal and the sections that cite it. */
export interface BriefAnnexRow {
  proposalId: string;
  title: string;
  territoryName: string;
  authorActorType: ActorType;
  figures: FrozenVoteFigures;
  sectionPositions: number[];
}

const COLLEGE_ORDER: readonly ActorType[] = Object.values(ActorType);

const byPosition = <T extends { position: number }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.position - b.position);

/** The distinct proposal ids cited directly, in order of first citation (sections, then citations). */
export function citedProposalIds(sections: BriefSnapshotRows['sections']): string[] {
  const ids = new Set<string>();
  for (const section of byPosition(sections)) {
    for (const citation of byPosition(section.citations)) {
      if (citation.proposalId) ids.add(citation.proposalId);
    }
  }
  return [...ids];
}

/**
 * Builds the frozen snapshot of a brief from the rows read at one instant: sections and
 * citations in position order, each cited proposal's totals and per-collège counts (collèges in
 * their canonical order). A citation whose source is missing from the rows is refused with
 * CITATION_SOURCE_INVALID.
 */
export function buildBriefSnapshot(rows: BriefSnapshotRows): BriefSnapshot {
  const proposals = new Map(rows.proposals.map((row) => [row.id, row]));
  const comments = new Map(rows.comments.map((row) => [row.id, row.proposalId]));
  const figures = new Map<string, FrozenVoteFigures>();
  for (const row of rows.proposals) {
    const colleges = rows.collegeCounts
      .filter((count) => count.proposalId === row.id)
      .sort((a, b) => COLLEGE_ORDER.indexOf(a.actorType) - COLLEGE_ORDER.indexOf(b.actorType))
      .map((count) => ({
        actorType: count.actorType,
        votesFor: count.votesFor,
        votesAgainst: count.votesAgainst,
        votesNeutral: count.votesNeutral,
      }));
    figures.set(row.id, {
      votesFor: row.votesFor,
      votesAgainst: row.votesAgainst,
      votesNeutral: row.votesNeutral,
      colleges,
    });
  }

  const sourceOf = (citation: BriefSnapshotRows['sections'][number]['citations'][number]) => {
    const proposalId = citation.proposalId ?? comments.get(citation.commentId ?? '');
    const proposal = proposalId ? proposals.get(proposalId) : undefined;
    if (!proposal) throw new DomainError(DomainErrorCode.CITATION_SOURCE_INVALID);
    return proposal;
  };

  const sections = byPosition(rows.sections).map((section) => ({
    position: section.position,
    title: section.title,
    synthesis: section.synthesis,
    synthesisHtml: section.synthesisHtml,
    dissentNote: section.dissentNote,
    citations: byPosition(section.citations).map((citation) => {
      const source = sourceOf(citation);
      return {
        position: citation.position,
        proposalId: citation.proposalId,
        commentId: citation.proposalId ? null : citation.commentId,
        quote: citation.quote,
        sourceProposalId: source.id,
        proposalTitle: source.title,
        figures: citation.proposalId ? (figures.get(source.id) as FrozenVoteFigures) : null,
      };
    }),
  }));

  return {
    schemaVersion: BRIEF_SNAPSHOT_SCHEMA_VERSION,
    title: rows.brief.title,
    introduction: rows.brief.introduction,
    introductionHtml: rows.brief.introductionHtml,
    sections,
    proposals: citedProposalIds(rows.sections).map((id) => {
      const row = proposals.get(id) as BriefSnapshotRows['proposals'][number];
      return {
        id,
        title: row.title,
        territoryName: row.territoryName,
        authorActorType: row.authorActorType,
        figures: figures.get(id) as FrozenVoteFigures,
      };
    }),
  };
}

/** The annex of a published version: one row per directly cited proposal, with the positions of the sections citing it. */
export function briefAnnex(snapshot: BriefSnapshot): BriefAnnexRow[] {
  return snapshot.proposals.map((proposal) => ({
    proposalId: proposal.id,
    title: proposal.title,
    territoryName: proposal.territoryName,
    authorActorType: proposal.authorActorType,
    figures: proposal.figures,
    sectionPositions: snapshot.sections
      .filter((section) =>
        section.citations.some((citation) => citation.proposalId === proposal.id),
      )
      .map((section) => section.position),
  }));
}

/** The reason recorded when publication retains a proposal. */
export function retainedReason(briefTitle: string, sectionPosition: number): string {
  return `Retenue dans la contribution « ${briefTitle} », section ${sectionPosition}`;
}
