import { consultationScope, type ConsultationScope } from '../consultations/scope';
import {
  freezeFigures,
  type FrozenFigure,
  type StoredMeasurement,
} from '../experiments/experiments';
import { ActorType, type IndicatorUnit } from '../shared/enums';
import { DomainError, DomainErrorCode } from '../shared/errors';

/**
 * Version of the snapshot's JSON shape; readers branch on it if the shape ever changes.
 * 3 (issue 10) adds each cited proposal's provenance and cited experiments, and the annex of
 * experiments with their frozen figures; version 2 snapshots have neither and are read as such.
 */
export const BRIEF_SNAPSHOT_SCHEMA_VERSION = 3;

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

/**
 * Where a cited proposal was made: its consultation, national or local (a territory, an
 * organisation carrying the space, such as a PTCE), as at publication. Its local vote figures
 * are the proposal's frozen figures.
 */
export interface FrozenProvenance {
  consultationId: string;
  consultationTitle: string;
  consultationSlug: string;
  scope: ConsultationScope;
  /** The consultation's territory; null for a national one or one only carried by an organisation. */
  territoryName: string | null;
  /** The organisation carrying the consultation; null when none does. */
  organisationName: string | null;
}

/** A proposal cited directly, frozen for the annex. */
export interface BriefSnapshotProposal {
  id: string;
  title: string;
  territoryName: string;
  authorActorType: ActorType;
  figures: FrozenVoteFigures;
  /** Since schema version 3. */
  provenance?: FrozenProvenance;
  /** The experiments the proposal cites, in its author's order (since schema version 3). */
  experimentIds?: string[];
}

/** One indicator of a cited experiment, with its newest checked figure at publication. */
export type FrozenIndicatorFigure = Omit<FrozenFigure, 'experimentId' | 'experimentName'>;

/** An experiment cited by the cited proposals, frozen for the annex (schema version 3). */
export interface BriefSnapshotExperiment {
  id: string;
  name: string;
  /** The organisation carrying it. */
  organisationName: string;
  /** Its indicators in their order, each with its newest checked figure (domain freezeFigures). */
  figures: FrozenIndicatorFigure[];
  /** The directly cited proposals citing it, in the annex's order. */
  proposalIds: string[];
}

/** The whole brief as published in version n: stored as JSON and never updated. */
export interface BriefSnapshot {
  /** 3 when written now; 2 for versions published before issue 10. */
  schemaVersion: typeof BRIEF_SNAPSHOT_SCHEMA_VERSION | 2;
  title: string;
  /** Markdown source, for exports and diffs. */
  introduction: string;
  introductionHtml: string;
  sections: BriefSnapshotSection[];
  /** Directly cited proposals, in order of first citation. */
  proposals: BriefSnapshotProposal[];
  /** Experiments cited by those proposals, in order of first citation (since schema version 3). */
  experiments?: BriefSnapshotExperiment[];
}

/** An experiment as read in the publishing transaction, with every measurement of its indicators. */
export interface BriefSnapshotExperimentRow {
  id: string;
  name: string;
  organisationName: string;
  /** In their position order. */
  indicators: readonly {
    name: string;
    unit: IndicatorUnit;
    baseline: number | null;
    measurements: readonly StoredMeasurement[];
  }[];
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
    consultationId: string;
    consultationTitle: string;
    consultationSlug: string;
    consultationTerritoryId: string | null;
    consultationTerritoryName: string | null;
    consultationOrganisationId: string | null;
    consultationOrganisationName: string | null;
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
  /** The experiments each directly cited proposal cites, with their positions. */
  proposalExperiments: readonly { proposalId: string; experimentId: string; position: number }[];
  /** Every experiment of `proposalExperiments`. */
  experiments: readonly BriefSnapshotExperimentRow[];
}

/** One row of the annex: a cited proposal and the sections that cite it. */
export interface BriefAnnexRow {
  proposalId: string;
  title: string;
  territoryName: string;
  authorActorType: ActorType;
  figures: FrozenVoteFigures;
  sectionPositions: number[];
  /** Null for a version published before provenance was kept (schema version 2). */
  provenance: FrozenProvenance | null;
  /** The experiments it cites (empty before schema version 3). */
  experimentIds: string[];
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

  const cited = citedProposalIds(rows.sections).map((id) => {
    const row = proposals.get(id) as BriefSnapshotRows['proposals'][number];
    return {
      id,
      title: row.title,
      territoryName: row.territoryName,
      authorActorType: row.authorActorType,
      figures: figures.get(id) as FrozenVoteFigures,
      provenance: provenanceOf(row),
      experimentIds: byPosition(
        rows.proposalExperiments.filter((citation) => citation.proposalId === id),
      ).map((citation) => citation.experimentId),
    };
  });

  return {
    schemaVersion: BRIEF_SNAPSHOT_SCHEMA_VERSION,
    title: rows.brief.title,
    introduction: rows.brief.introduction,
    introductionHtml: rows.brief.introductionHtml,
    sections,
    proposals: cited,
    experiments: frozenExperiments(cited, rows.experiments),
  };
}

function provenanceOf(row: BriefSnapshotRows['proposals'][number]): FrozenProvenance {
  return {
    consultationId: row.consultationId,
    consultationTitle: row.consultationTitle,
    consultationSlug: row.consultationSlug,
    scope: consultationScope({
      territoryId: row.consultationTerritoryId,
      organisationId: row.consultationOrganisationId,
    }),
    territoryName: row.consultationTerritoryName,
    organisationName: row.consultationOrganisationName,
  };
}

/**
 * The experiments cited by the cited proposals, in order of first citation, each with the
 * newest checked figure of every indicator as it stands now: later measurements never reach
 * the published version. An experiment missing from the rows is refused (CITATION_SOURCE_INVALID).
 */
function frozenExperiments(
  cited: readonly { id: string; experimentIds: readonly string[] }[],
  rows: readonly BriefSnapshotExperimentRow[],
): BriefSnapshotExperiment[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const citing = new Map<string, string[]>();
  for (const proposal of cited) {
    for (const experimentId of proposal.experimentIds) {
      citing.set(experimentId, [...(citing.get(experimentId) ?? []), proposal.id]);
    }
  }
  return [...citing].map(([experimentId, proposalIds]) => {
    const experiment = byId.get(experimentId);
    if (!experiment) throw new DomainError(DomainErrorCode.CITATION_SOURCE_INVALID);
    return {
      id: experiment.id,
      name: experiment.name,
      organisationName: experiment.organisationName,
      figures: freezeFigures([experiment]).map(
        ({ experimentId: _id, experimentName: _name, ...figure }) => figure,
      ),
      proposalIds,
    };
  });
}

/** The annex of a published version: one row per directly cited proposal, with the positions of the sections citing it. */
export function briefAnnex(snapshot: BriefSnapshot): BriefAnnexRow[] {
  return snapshot.proposals.map((proposal) => ({
    proposalId: proposal.id,
    title: proposal.title,
    territoryName: proposal.territoryName,
    authorActorType: proposal.authorActorType,
    figures: proposal.figures,
    provenance: proposal.provenance ?? null,
    experimentIds: proposal.experimentIds ?? [],
    sectionPositions: snapshot.sections
      .filter((section) =>
        section.citations.some((citation) => citation.proposalId === proposal.id),
      )
      .map((section) => section.position),
  }));
}

/** The annex of the experiments cited by the cited proposals (none before schema version 3). */
export function briefExperimentsAnnex(snapshot: BriefSnapshot): BriefSnapshotExperiment[] {
  return snapshot.experiments ?? [];
}

/** The reason recorded when publication retains a proposal. */
export function retainedReason(briefTitle: string, sectionPosition: number): string {
  return `Retenue dans la contribution « ${briefTitle} », section ${sectionPosition}`;
}
