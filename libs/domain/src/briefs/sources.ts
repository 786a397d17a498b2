import { DomainError, DomainErrorCode } from '../shared/errors';
import { type Language } from '../shared/language';

/**
 * Source markers tie a synthesis paragraph to the section's citations: `[2]` refers to the
 * section's second citation (1-based, in citation order). A Markdown link `[2](…)` is not a
 * marker. Every paragraph of a synthesis must carry at least one before the brief goes to
 * review or is published, so that each paragraph of a national contribution links to its sources.
 */
export const SOURCE_MARKER_PATTERN = /\[(\d{1,3})\](?![(:])/g;

/** One block of a synthesis (text between blank lines), with the markers it carries. */
export interface SynthesisParagraph {
  /** 1-based, counting every block, headings included, as a reader counts them. */
  number: number;
  text: string;
  /** Marker numbers in order of appearance, without repeats. */
  markers: number[];
  /** A Markdown heading line: it needs no source. */
  isHeading: boolean;
}

/** The distinct marker numbers of a text, in order of first appearance. */
export function sourceMarkers(text: string): number[] {
  const numbers = [...text.matchAll(SOURCE_MARKER_PATTERN)].map((match) => Number(match[1]));
  return [...new Set(numbers)];
}

/** Splits a Markdown synthesis into its blocks (separated by blank lines). */
export function synthesisParagraphs(markdown: string): SynthesisParagraph[] {
  return markdown
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((text, index) => ({
      number: index + 1,
      text,
      markers: sourceMarkers(text),
      isHeading: /^#{1,6}\s/.test(text) && !text.includes('\n'),
    }));
}

/** The first marker that names no citation of a section citing `citationCount` sources, or null. */
export function firstInvalidMarker(markdown: string, citationCount: number): number | null {
  return sourceMarkers(markdown).find((n) => n < 1 || n > citationCount) ?? null;
}

/** The first paragraph (not a heading) without any marker, or null when every one has some. */
export function firstUnsourcedParagraph(markdown: string): SynthesisParagraph | null {
  return (
    synthesisParagraphs(markdown).find(
      (paragraph) => !paragraph.isHeading && paragraph.markers.length === 0,
    ) ?? null
  );
}

export interface SectionSources {
  title: string;
  synthesis: string;
  citationCount: number;
}

/**
 * Checked on every edit: each marker names one of the section's citations
 * (SOURCE_MARKER_INVALID, with the marker, the section and the count in the message).
 */
export function assertSourceMarkers(section: SectionSources, lang?: Language): void {
  const marker = firstInvalidMarker(section.synthesis, section.citationCount);
  if (marker !== null) {
    throw new DomainError(DomainErrorCode.SOURCE_MARKER_INVALID, undefined, lang, {
      marker,
      section: section.title,
      count: section.citationCount,
    });
  }
}

/**
 * Checked before review and publication: markers are valid and every paragraph has one
 * (UNSOURCED_PARAGRAPH, naming the section and the paragraph number).
 */
export function assertSectionSourced(section: SectionSources, lang?: Language): void {
  assertSourceMarkers(section, lang);
  const paragraph = firstUnsourcedParagraph(section.synthesis);
  if (paragraph) {
    throw new DomainError(DomainErrorCode.UNSOURCED_PARAGRAPH, undefined, lang, {
      paragraph: paragraph.number,
      section: section.title,
    });
  }
}
