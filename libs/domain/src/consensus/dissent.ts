import { type Language } from '../shared/language';
import { formatPercent, list } from './opinion-scores';

/** One opinion group's votes on a cited proposal, as the workspace reads them. */
export interface DissentGroupFigures {
  /** "A", "B"… */
  label: string;
  /** Clustered members of the group. */
  groupSize: number;
  agree: number;
  disagree: number;
  /** NEUTRAL votes. */
  pass: number;
}

/** A proposal cited by a brief section. */
export interface DissentSource {
  title: string;
  /** Its source marker in the section (`[2]`), or null when it has none. */
  marker: number | null;
  groups: readonly DissentGroupFigures[];
}

/**
 * Fewer votes than this from a group say nothing of the group: two people voting AGAINST do not
 * make a group's dissent.
 */
export const DISSENT_MIN_GROUP_VOTES = 3;

/** The group voted AGAINST more than FOR, with at least DISSENT_MIN_GROUP_VOTES votes. */
export function isDissentingGroup(group: DissentGroupFigures): boolean {
  const total = group.agree + group.disagree + group.pass;
  return total >= DISSENT_MIN_GROUP_VOTES && group.disagree > group.agree;
}

/** At least one group of the proposal dissents (see isDissentingGroup). */
export const hasDissentingGroup = (source: Pick<DissentSource, 'groups'>): boolean =>
  source.groups.some(isDissentingGroup);

interface DissentPhrases {
  /** « Le groupe B (42 participants) » */
  group: (label: string, size: string) => string;
  participants: (size: number) => string;
  groups: (labels: string[]) => string;
  /** The verb: an absolute majority AGAINST, or only more AGAINST than FOR. */
  opposes: (isPlural: boolean, isAbsolute: boolean) => string;
  quote: (title: string) => string;
  colon: string;
  figures: (against: string, agree: string) => string;
  ofGroup: (label: string, figures: string) => string;
  separator: string;
}

// French typography: narrow no-break spaces inside « » and before the colon; the percentage
// comes from formatPercent so that it reads as the explanation line next to it.
const NNBSP = '\u202f';

const DISSENT_PHRASES: Record<Language, DissentPhrases> = {
  fr: {
    group: (label, size) => `le groupe ${label} (${size})`,
    participants: (size) => (size > 1 ? `${size} participants` : `${size} participant`),
    groups: (labels) => `les groupes ${list(labels, 'et')}`,
    opposes: (isPlural, isAbsolute) =>
      isAbsolute
        ? isPlural
          ? 'sont majoritairement opposés à'
          : 'est majoritairement opposé à'
        : isPlural
          ? 'sont plus opposés que favorables à'
          : 'est plus opposé que favorable à',
    quote: (title) => `«${NNBSP}${title}${NNBSP}»`,
    colon: `${NNBSP}:`,
    figures: (against, agree) => `${against} contre, ${agree} pour`,
    ofGroup: (label, figures) => `groupe ${label} ${figures}`,
    separator: ' ; ',
  },
  en: {
    group: (label, size) => `group ${label} (${size})`,
    participants: (size) => (size > 1 ? `${size} participants` : `${size} participant`),
    groups: (labels) => `groups ${list(labels, 'and')}`,
    opposes: (isPlural, isAbsolute) =>
      isAbsolute
        ? isPlural
          ? 'mostly oppose'
          : 'mostly opposes'
        : isPlural
          ? 'lean against'
          : 'leans against',
    quote: (title) => `“${title}”`,
    colon: ':',
    figures: (against, agree) => `${against} against, ${agree} for`,
    ofGroup: (label, figures) => `group ${label} ${figures}`,
    separator: '; ',
  },
};

const share = (part: number, total: number, lang: Language) =>
  formatPercent(Math.round((100 * part) / total), lang);

function sentence(source: DissentSource, dissenting: DissentGroupFigures[], lang: Language) {
  const phrases = DISSENT_PHRASES[lang];
  const named = dissenting.map(
    (group) => `${group.label} (${phrases.participants(group.groupSize)})`,
  );
  const subject =
    dissenting.length === 1
      ? phrases.group(dissenting[0].label, phrases.participants(dissenting[0].groupSize))
      : phrases.groups(named);
  const isAbsolute = dissenting.every(
    (group) => group.disagree * 2 > group.agree + group.disagree + group.pass,
  );
  const figures = dissenting.map((group) => {
    const total = group.agree + group.disagree + group.pass;
    const text = phrases.figures(
      share(group.disagree, total, lang),
      share(group.agree, total, lang),
    );
    return dissenting.length === 1 ? text : phrases.ofGroup(group.label, text);
  });
  const marker = source.marker === null ? '' : `\u00a0[${source.marker}]`;
  const text =
    `${subject} ${phrases.opposes(dissenting.length > 1, isAbsolute)} ` +
    `${phrases.quote(source.title.trim())}${marker}${phrases.colon} ` +
    `${figures.join(phrases.separator)}.`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A draft of a section's dissent note from the opinion groups that disagree with its cited
 * proposals: one sentence per proposal where at least one group voted AGAINST more than FOR (with
 * enough votes, see isDissentingGroup), naming each such group, its size and its shares, e.g.
 * « Le groupe B (42 participants) est majoritairement opposé à « Titre » [2] : 64 % contre,
 * 21 % pour. ». Sentences are one per line, in the order of `sources`; the empty string when no
 * group disagrees.
 */
export function draftDissentNote(sources: readonly DissentSource[], lang: Language): string {
  const sentences: string[] = [];
  for (const source of sources) {
    const dissenting = source.groups.filter(isDissentingGroup);
    if (dissenting.length > 0) sentences.push(sentence(source, dissenting, lang));
  }
  return sentences.join('\n');
}
