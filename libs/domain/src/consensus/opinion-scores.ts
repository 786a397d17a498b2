import { type Language } from '../shared/language';

/** The votes of one opinion group on one proposal. */
export interface GroupVotes {
  groupId: number;
  agree: number;
  disagree: number;
  /** NEUTRAL votes. */
  pass: number;
  /** Smoothed share of FOR: (agree + 1) / (agree + disagree + pass + 2). */
  agreement: number;
  /** Smoothed share of AGAINST: (disagree + 1) / (agree + disagree + pass + 2). */
  disagreement: number;
}

/** Per-group figures with the +1 / +2 prior (Laplace's rule of succession, as Polis does). */
export function groupVotes(groupId: number, agree: number, disagree: number, pass: number) {
  const seen = agree + disagree + pass;
  return {
    groupId,
    agree,
    disagree,
    pass,
    agreement: (agree + 1) / (seen + 2),
    disagreement: (disagree + 1) / (seen + 2),
  } satisfies GroupVotes;
}

/**
 * Group-informed consensus: the geometric mean of the groups' smoothed agreement. It ranks
 * exactly as Polis' product over groups (the k-th root is increasing and k is the same for every
 * proposal of a run) but stays on the 0–1 scale of a share whatever the number of groups, so runs
 * with different k compare. 0 without groups.
 */
export function consensusScore(perGroup: readonly GroupVotes[]): number {
  if (perGroup.length === 0) return 0;
  let logSum = 0;
  for (const group of perGroup) logSum += Math.log(group.agreement);
  return Math.exp(logSum / perGroup.length);
}

/**
 * Divisiveness: the standard deviation, across groups weighted by their number of votes on the
 * proposal, of the smoothed net support s = agreement − disagreement = (agree − disagree) /
 * (n + 2). In [0, 1): near 1 when two large, equal groups vote all FOR and all AGAINST; 0 when
 * every group has the same net support, or fewer than two groups voted. A group's weight grows
 * with its votes, so the opposition of a handful of people counts little beside a split of
 * large groups; a group voting NEUTRAL opposes half as much as one voting AGAINST.
 */
export function divisivenessScore(perGroup: readonly GroupVotes[]): number {
  let weight = 0;
  let weightedSupport = 0;
  for (const group of perGroup) {
    const seen = group.agree + group.disagree + group.pass;
    weight += seen;
    weightedSupport += seen * (group.agreement - group.disagreement);
  }
  if (weight === 0) return 0;
  const mean = weightedSupport / weight;
  let variance = 0;
  for (const group of perGroup) {
    const seen = group.agree + group.disagree + group.pass;
    variance += seen * (group.agreement - group.disagreement - mean) ** 2;
  }
  return Math.sqrt(variance / weight);
}

/** The letter of a group in texts: 0 → A, 1 → B… */
export function groupLabel(groupId: number): string {
  return String.fromCharCode(65 + groupId);
}

interface Phrases {
  noGroups: string;
  percent: (value: number) => string;
  ofGroup: (label: string) => string;
  approved: string;
  rejected: string;
  split: (labels: string[]) => string;
  noVote: (labels: string[]) => string;
  and: string;
}

/** `a, b and c` with the language's `and`. */
export function list(items: string[], and: string): string {
  return items.length === 1
    ? items[0]
    : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

const PHRASES: Record<Language, Phrases> = {
  fr: {
    noGroups: 'Pas encore assez de votes pour former des groupes d’opinion',
    percent: (value) => `${value}\u00a0%`,
    ofGroup: (label) => `du groupe ${label}`,
    approved: 'approuvée par',
    rejected: 'rejetée par',
    split: (labels) =>
      labels.length === 1
        ? `partagée dans le groupe ${labels[0]}`
        : `partagée dans les groupes ${list(labels, 'et')}`,
    noVote: (labels) =>
      labels.length === 1
        ? `sans vote du groupe ${labels[0]}`
        : `sans vote des groupes ${list(labels, 'et')}`,
    and: 'et',
  },
  en: {
    noGroups: 'Not enough votes yet to form opinion groups',
    percent: (value) => `${value}%`,
    ofGroup: (label) => `of group ${label}`,
    approved: 'approved by',
    rejected: 'rejected by',
    split: (labels) =>
      labels.length === 1
        ? `split in group ${labels[0]}`
        : `split in groups ${list(labels, 'and')}`,
    noVote: (labels) =>
      labels.length === 1
        ? `no votes from group ${labels[0]}`
        : `no votes from groups ${list(labels, 'and')}`,
    and: 'and',
  },
};

/** A whole percentage as this folder's texts write it: « 64\u00a0% », "64%". */
export function formatPercent(value: number, lang: Language): string {
  return PHRASES[lang].percent(value);
}

/**
 * One line on why a proposal ranks where it does, from the raw (unsmoothed) shares: the groups a
 * majority of which voted FOR, those a majority of which voted AGAINST, those without a majority
 * and those that did not vote, e.g. « Approuvée par 78 % du groupe A et 71 % du groupe B ».
 */
export function explainGroupVotes(perGroup: readonly GroupVotes[], lang: Language): string {
  const phrases = PHRASES[lang];
  if (perGroup.length === 0) return phrases.noGroups;
  const approved: string[] = [];
  const rejected: string[] = [];
  const split: string[] = [];
  const silent: string[] = [];
  for (const group of perGroup) {
    const label = groupLabel(group.groupId);
    const seen = group.agree + group.disagree + group.pass;
    const who = phrases.ofGroup(label);
    if (seen === 0) silent.push(label);
    else if (group.agree * 2 > seen) {
      approved.push(`${phrases.percent(Math.round((100 * group.agree) / seen))} ${who}`);
    } else if (group.disagree * 2 > seen) {
      rejected.push(`${phrases.percent(Math.round((100 * group.disagree) / seen))} ${who}`);
    } else split.push(label);
  }
  const clauses: string[] = [];
  if (approved.length > 0) clauses.push(`${phrases.approved} ${list(approved, phrases.and)}`);
  if (rejected.length > 0) clauses.push(`${phrases.rejected} ${list(rejected, phrases.and)}`);
  if (split.length > 0) clauses.push(phrases.split(split));
  if (silent.length > 0) clauses.push(phrases.noVote(silent));
  const sentence = clauses.join(', ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
