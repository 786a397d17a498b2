import { diffWords } from 'diff';

/** What happened to a run of text between two versions. */
export const DiffPartKind = {
  SAME: 'same',
  ADDED: 'added',
  REMOVED: 'removed',
} as const;
export type DiffPartKind = (typeof DiffPartKind)[keyof typeof DiffPartKind];

/** A run of text kept, added or removed; a diff is the ordered list of its parts. */
export interface DiffPart {
  kind: DiffPartKind;
  text: string;
}

export interface WordDiffOptions {
  /** Language whose word rules split the text (default French: `aujourd’hui`, `l’énergie` stay whole). */
  locale?: string;
  /**
   * Beyond this many edited words the texts are shown as wholly replaced rather than diffed word
   * by word: it bounds the work on very different long texts, whose word diff is unreadable anyway.
   */
  maxEditLength?: number;
}

const DEFAULT_LOCALE = 'fr';
const DEFAULT_MAX_EDIT_LENGTH = 2_000;

const segmenters = new Map<string, Intl.Segmenter>();

/** One word segmenter per locale, made on first use. */
function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/** Merges adjacent parts of the same kind and drops empty ones. */
export function mergeDiffParts(parts: readonly DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (const part of parts) {
    if (part.text === '') continue;
    const last = merged[merged.length - 1];
    if (last?.kind === part.kind) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

/**
 * The word-level difference between two texts, as ordered parts: kept text, removed text (as it
 * was) and added text (as it is), with a removal placed before the addition that replaces it.
 * Words follow the locale's word rules (Unicode word segmentation), so accented words and words
 * joined by an apostrophe (`aujourd’hui`, `l’économie`, `cœur`) change as a whole; punctuation
 * marks are words of their own. Whitespace is not compared: kept text carries the new spacing.
 * Adjacent parts of the same kind are merged; two empty texts give no part.
 */
export function wordDiff(before: string, after: string, options: WordDiffOptions = {}): DiffPart[] {
  const changes = diffWords(before, after, {
    intlSegmenter: segmenterFor(options.locale ?? DEFAULT_LOCALE),
    maxEditLength: options.maxEditLength ?? DEFAULT_MAX_EDIT_LENGTH,
  });
  if (!changes) {
    return mergeDiffParts([
      { kind: DiffPartKind.REMOVED, text: before },
      { kind: DiffPartKind.ADDED, text: after },
    ]);
  }
  return mergeDiffParts(
    changes.map((change) => ({
      kind: change.added
        ? DiffPartKind.ADDED
        : change.removed
          ? DiffPartKind.REMOVED
          : DiffPartKind.SAME,
      text: change.value,
    })),
  );
}

/** True when a diff adds or removes something. */
export function hasTextChanges(parts: readonly DiffPart[]): boolean {
  return parts.some((part) => part.kind !== DiffPartKind.SAME);
}
