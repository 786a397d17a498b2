import { DomainError, DomainErrorCode, type FieldError } from '../shared/errors';
import { type Language } from '../shared/language';
import { type DiffPart, hasTextChanges, wordDiff } from '../shared/word-diff';
import {
  type BriefSnapshot,
  type BriefSnapshotCitation,
  type BriefSnapshotSection,
  type FrozenVoteFigures,
} from './snapshot';

/** What became of a section between two versions. */
export const SectionChangeStatus = {
  ADDED: 'added',
  REMOVED: 'removed',
  CHANGED: 'changed',
  UNCHANGED: 'unchanged',
} as const;
export type SectionChangeStatus = (typeof SectionChangeStatus)[keyof typeof SectionChangeStatus];

/** A citation added to or removed from a section, named by its source. */
export interface CitationChange {
  /** The cited proposal; null for a comment. */
  proposalId: string | null;
  /** The cited comment; null for a proposal. */
  commentId: string | null;
  /** The cited proposal, or the proposal the cited comment belongs to. */
  sourceProposalId: string;
  proposalTitle: string;
  quote: string | null;
}

/** One section compared between two versions. */
export interface SectionDiff {
  status: SectionChangeStatus;
  /** 0-based position in the older version; null for an added section. */
  fromPosition: number | null;
  /** 0-based position in the newer version; null for a removed section. */
  toPosition: number | null;
  title: DiffPart[];
  /** Word diff of the Markdown source, with its `[n]` source markers. */
  synthesis: DiffPart[];
  dissentNote: DiffPart[];
  citationsAdded: CitationChange[];
  citationsRemoved: CitationChange[];
}

/** The frozen votes of a proposal cited in both versions, at each publication. */
export interface FiguresChange {
  proposalId: string;
  /** The proposal's title as frozen in the newer version. */
  title: string;
  before: FrozenVoteFigures;
  after: FrozenVoteFigures;
  isChanged: boolean;
}

/** What changed from one published version of a brief to another. */
export interface BriefVersionDiff {
  title: DiffPart[];
  /** Word diff of the Markdown introduction. */
  introduction: DiffPart[];
  /** Sections in the newer version's order, each removed one after the sections that preceded it. */
  sections: SectionDiff[];
  /** Proposals cited directly in both versions, in the newer version's order. */
  figures: FiguresChange[];
  /** True when the text, the sections or the citations differ (vote figures aside). */
  hasChanges: boolean;
}

/** A citation's source: the same proposal or comment cited in both versions is the same citation. */
const sourceKey = (citation: BriefSnapshotCitation) =>
  citation.proposalId ? `proposal:${citation.proposalId}` : `comment:${citation.commentId}`;

const citationChange = (citation: BriefSnapshotCitation): CitationChange => ({
  proposalId: citation.proposalId,
  commentId: citation.commentId,
  sourceProposalId: citation.sourceProposalId,
  proposalTitle: citation.proposalTitle,
  quote: citation.quote,
});

/** Citations of `citations` whose source is not among `others`, in their order. */
function citationsMissingFrom(
  citations: readonly BriefSnapshotCitation[],
  others: readonly BriefSnapshotCitation[],
): CitationChange[] {
  const keys = new Set(others.map(sourceKey));
  return citations.filter((citation) => !keys.has(sourceKey(citation))).map(citationChange);
}

/** Titles compared without case, accents' composition or surrounding spaces. */
const titleKey = (title: string) =>
  title.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');

/** Whether two sections at the same place are one retitled section: same sources or same text. */
const isSameContent = (a: BriefSnapshotSection, b: BriefSnapshotSection) =>
  a.synthesis.trim() === b.synthesis.trim() ||
  a.citations.some((citation) =>
    b.citations.some((other) => sourceKey(other) === sourceKey(citation)),
  );

/**
 * Pairs the sections of two versions: first those with the same title (in order, when several
 * share one), then the remaining ones at the same position that cite a common source or keep
 * their synthesis (a retitled section). The rest were added or removed: a new section written
 * where an old one was is not shown as a rewrite of it.
 */
function matchSections(
  from: readonly BriefSnapshotSection[],
  to: readonly BriefSnapshotSection[],
): Map<BriefSnapshotSection, BriefSnapshotSection> {
  const matches = new Map<BriefSnapshotSection, BriefSnapshotSection>();
  const unmatched = new Set(from);
  for (const section of to) {
    const match = [...unmatched].find((old) => titleKey(old.title) === titleKey(section.title));
    if (match) {
      matches.set(section, match);
      unmatched.delete(match);
    }
  }
  for (const section of to) {
    if (matches.has(section)) continue;
    const match = [...unmatched].find(
      (old) => old.position === section.position && isSameContent(old, section),
    );
    if (match) {
      matches.set(section, match);
      unmatched.delete(match);
    }
  }
  return matches;
}

function sectionDiff(
  from: BriefSnapshotSection | undefined,
  to: BriefSnapshotSection | undefined,
): SectionDiff {
  const title = wordDiff(from?.title ?? '', to?.title ?? '');
  const synthesis = wordDiff(from?.synthesis ?? '', to?.synthesis ?? '');
  const dissentNote = wordDiff(from?.dissentNote ?? '', to?.dissentNote ?? '');
  const citationsAdded = citationsMissingFrom(to?.citations ?? [], from?.citations ?? []);
  const citationsRemoved = citationsMissingFrom(from?.citations ?? [], to?.citations ?? []);
  const isChanged =
    [title, synthesis, dissentNote].some(hasTextChanges) ||
    citationsAdded.length > 0 ||
    citationsRemoved.length > 0;
  return {
    status: !from
      ? SectionChangeStatus.ADDED
      : !to
        ? SectionChangeStatus.REMOVED
        : isChanged
          ? SectionChangeStatus.CHANGED
          : SectionChangeStatus.UNCHANGED,
    fromPosition: from?.position ?? null,
    toPosition: to?.position ?? null,
    title,
    synthesis,
    dissentNote,
    citationsAdded,
    citationsRemoved,
  };
}

const sameFigures = (a: FrozenVoteFigures, b: FrozenVoteFigures) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Compares two published versions of a brief (usually older → newer): word diffs of the title,
 * the introduction and each section's title, synthesis (Markdown source) and dissent note; the
 * citations each section gained or lost; and, for every proposal cited in both versions, its
 * frozen vote figures at each publication, so readers see how support moved.
 */
export function diffBriefVersions(from: BriefSnapshot, to: BriefSnapshot): BriefVersionDiff {
  const matches = matchSections(from.sections, to.sections);
  const matched = new Set(matches.values());
  const sections = to.sections.map((section) => sectionDiff(matches.get(section), section));
  for (const old of from.sections) {
    if (matched.has(old)) continue;
    // After the last section coming from an earlier section of the older version.
    let index = 0;
    sections.forEach((entry, i) => {
      if (entry.fromPosition !== null && entry.fromPosition < old.position) index = i + 1;
    });
    sections.splice(index, 0, sectionDiff(old, undefined));
  }

  const before = new Map(from.proposals.map((proposal) => [proposal.id, proposal.figures]));
  const figures = to.proposals.flatMap((proposal) => {
    const old = before.get(proposal.id);
    return old
      ? [
          {
            proposalId: proposal.id,
            title: proposal.title,
            before: old,
            after: proposal.figures,
            isChanged: !sameFigures(old, proposal.figures),
          },
        ]
      : [];
  });

  const title = wordDiff(from.title, to.title);
  const introduction = wordDiff(from.introduction, to.introduction);
  return {
    title,
    introduction,
    sections,
    figures,
    hasChanges:
      hasTextChanges(title) ||
      hasTextChanges(introduction) ||
      sections.some((section) => section.status !== SectionChangeStatus.UNCHANGED),
  };
}

const VERSION_MESSAGES: Record<'number' | 'different', Record<Language, string>> = {
  number: {
    fr: 'Choisissez une version publiée : un numéro entier à partir de 1.',
    en: 'Choose a published version: a whole number from 1.',
  },
  different: {
    fr: 'Choisissez deux versions différentes à comparer.',
    en: 'Choose two different versions to compare.',
  },
};

/**
 * Checks the two version numbers asked for a comparison: whole numbers from 1, and different.
 * Throws INVALID_INPUT naming each bad field (`from`, `to`).
 */
export function assertComparableVersions(from: number, to: number, lang: Language): void {
  const fields: FieldError[] = [];
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      fields.push({ field, rule: 'minValue', message: VERSION_MESSAGES.number[lang] });
    }
  }
  if (fields.length === 0 && from === to) {
    fields.push({ field: 'to', rule: 'different', message: VERSION_MESSAGES.different[lang] });
  }
  if (fields.length > 0) throw new DomainError(DomainErrorCode.INVALID_INPUT, fields, lang);
}
