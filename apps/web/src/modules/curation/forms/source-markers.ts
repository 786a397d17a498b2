import {
  SOURCE_MARKER_PATTERN,
  firstInvalidMarker,
  sourceMarkers,
  synthesisParagraphs,
} from '@passerelle/domain';

/** A fresh copy of the domain's marker pattern (global regexps keep state between uses). */
const markerPattern = () => new RegExp(SOURCE_MARKER_PATTERN.source, 'g');

/**
 * The synthesis once its section's citations moved from the order `before` to the order `after`
 * (citation keys): every `[n]` still names the same source under its new number. Markers of a
 * citation no longer in the section are taken out (with the space before them), so that no
 * paragraph silently points to another source; markers that named nothing stay as typed.
 */
export function remapSourceMarkers(
  markdown: string,
  before: readonly string[],
  after: readonly string[],
): string {
  if (before.length === after.length && before.every((key, i) => key === after[i])) {
    return markdown;
  }
  return markdown.replace(
    new RegExp(`[ \\t]?${SOURCE_MARKER_PATTERN.source}`, 'g'),
    (marker: string, digits: string, offset: number, whole: string) => {
      const key = before[Number(digits) - 1];
      if (key === undefined) return marker;
      const position = after.indexOf(key);
      // `X [1][2]` without source 1 reads `X [1]`, not `X[1]`.
      if (position === -1)
        return marker !== marker.trimStart() && whole[offset + marker.length] === '[' ? ' ' : '';
      return marker.replace(`[${digits}]`, `[${position + 1}]`);
    },
  );
}

/**
 * `[n]` typed at the cursor (selection `start`–`end` replaced). A space is put before the marker
 * when it would otherwise stick to a word; returns the new text and where the cursor goes.
 */
export function insertSourceMarker(
  text: string,
  start: number,
  end: number,
  n: number,
): { text: string; cursor: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  const previous = text.slice(0, from);
  const needsSpace = previous !== '' && !/[\s(\]]$/.test(previous);
  const marker = `${needsSpace ? ' ' : ''}[${n}]`;
  return { text: previous + marker + text.slice(to), cursor: from + marker.length };
}

export type SourceWarning =
  | { kind: 'unsourced'; paragraph: number }
  | { kind: 'invalidMarker'; marker: number; count: number };

/**
 * What still stands in the way of review and publication in one synthesis: markers naming no
 * citation of the section (checked on every save), then paragraphs without any marker.
 */
export function sourceWarnings(markdown: string, citationCount: number): SourceWarning[] {
  const warnings: SourceWarning[] = [];
  if (firstInvalidMarker(markdown, citationCount) !== null) {
    for (const marker of sourceMarkers(markdown)) {
      if (marker < 1 || marker > citationCount) {
        warnings.push({ kind: 'invalidMarker', marker, count: citationCount });
      }
    }
  }
  for (const paragraph of synthesisParagraphs(markdown)) {
    if (!paragraph.isHeading && paragraph.markers.length === 0) {
      warnings.push({ kind: 'unsourced', paragraph: paragraph.number });
    }
  }
  return warnings;
}

export type SynthesisPiece = { text: string } | { marker: number };

/** The blocks of a synthesis as the live preview shows them: text and markers, in order. */
export function previewBlocks(markdown: string): SynthesisPiece[][] {
  return synthesisParagraphs(markdown).map((paragraph) => {
    const pieces: SynthesisPiece[] = [];
    let last = 0;
    for (const match of paragraph.text.matchAll(markerPattern())) {
      const index = match.index;
      if (index > last) pieces.push({ text: paragraph.text.slice(last, index) });
      pieces.push({ marker: Number(match[1]) });
      last = index + match[0].length;
    }
    if (last < paragraph.text.length) pieces.push({ text: paragraph.text.slice(last) });
    return pieces;
  });
}
