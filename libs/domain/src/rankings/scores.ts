/**
 * Ranking scores, stored on each proposal and updated in the transaction of every vote. The
 * participation_core migration backfills existing rows with the same formulas in SQL.
 */

/** 95 % confidence. */
const Z = 1.96;

/**
 * Lower bound of the Wilson score interval for the share of FOR among FOR + AGAINST: a proposal
 * with 40 FOR and 2 AGAINST ranks above one with 1 FOR and 0 AGAINST. NEUTRAL votes do not count.
 */
export function wilsonLowerBound(votesFor: number, votesAgainst: number): number {
  const n = votesFor + votesAgainst;
  if (n === 0) return 0;
  const p = votesFor / n;
  const z2 = Z * Z;
  return (p + z2 / (2 * n) - Z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n);
}

/** 2024-01-01T00:00:00Z: the origin of the hot score's time term. */
export const HOT_EPOCH_SECONDS = 1_704_067_200;
/** Seconds of age worth one order of magnitude of net support (12.5 hours). */
export const HOT_DECAY_SECONDS = 45_000;

/**
 * Support decayed by age, without recomputation as time passes: newer proposals get a larger
 * time term, so an older one needs ten times the net support to stay level every 12.5 hours.
 */
export function hotScore(votesFor: number, votesAgainst: number, publishedAt: Date): number {
  const net = votesFor - votesAgainst;
  const magnitude = Math.log10(Math.max(Math.abs(net), 1));
  return (
    Math.sign(net) * magnitude +
    (publishedAt.getTime() / 1000 - HOT_EPOCH_SECONDS) / HOT_DECAY_SECONDS
  );
}

/** Many votes, evenly split: (FOR + AGAINST) raised to the balance min / max; 0 without both sides. */
export function controversialScore(votesFor: number, votesAgainst: number): number {
  if (votesFor === 0 || votesAgainst === 0) return 0;
  return (
    (votesFor + votesAgainst) **
    (Math.min(votesFor, votesAgainst) / Math.max(votesFor, votesAgainst))
  );
}

export interface VoteTotals {
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
}

/** The three stored scores of a proposal. */
export function proposalScores(totals: VoteTotals, publishedAt: Date) {
  return {
    scoreTop: wilsonLowerBound(totals.votesFor, totals.votesAgainst),
    scoreHot: hotScore(totals.votesFor, totals.votesAgainst, publishedAt),
    scoreControversial: controversialScore(totals.votesFor, totals.votesAgainst),
  };
}
