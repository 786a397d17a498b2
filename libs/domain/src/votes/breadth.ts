import { type CollegeThresholds } from '../consultations/settings';
import { ActorType } from '../shared/enums';

/** The votes of one collège on a proposal (a row of proposal_college_counts). */
export interface CollegeCounts {
  actorType: ActorType;
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
}

/** A collège's votes with their shares; every share is 0 when there is nothing to divide. */
export interface CollegeSupport extends CollegeCounts {
  /** FOR + AGAINST + NEUTRAL. */
  total: number;
  /** Shares of all the collège's votes (FOR, AGAINST, NEUTRAL sum to 1 when total > 0). */
  forShareOfTotal: number;
  againstShareOfTotal: number;
  neutralShareOfTotal: number;
  /** FOR / (FOR + AGAINST): the share the breadth threshold looks at (NEUTRAL left out). */
  forShare: number;
}

/** Whether a proposal is supported across collèges, and by which. */
export interface SupportBreadth {
  /** At least `minColleges` collèges qualify. */
  isBroad: boolean;
  /** The collèges with enough votes and a FOR share at the threshold, in ActorType order. */
  qualifyingColleges: ActorType[];
}

const ACTOR_TYPE_ORDER: readonly ActorType[] = Object.values(ActorType);

const ratio = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

/**
 * Counts and shares per collège, in ActorType order. Collèges without any vote are left out;
 * rows of the same collège are added up.
 */
export function collegeSupport(counts: readonly CollegeCounts[]): CollegeSupport[] {
  const merged = new Map<ActorType, CollegeCounts>();
  for (const row of counts) {
    const seen = merged.get(row.actorType);
    merged.set(row.actorType, {
      actorType: row.actorType,
      votesFor: (seen?.votesFor ?? 0) + row.votesFor,
      votesAgainst: (seen?.votesAgainst ?? 0) + row.votesAgainst,
      votesNeutral: (seen?.votesNeutral ?? 0) + row.votesNeutral,
    });
  }
  return ACTOR_TYPE_ORDER.flatMap((actorType) => {
    const row = merged.get(actorType);
    if (!row) return [];
    const total = row.votesFor + row.votesAgainst + row.votesNeutral;
    if (total === 0) return [];
    return [
      {
        ...row,
        total,
        forShareOfTotal: ratio(row.votesFor, total),
        againstShareOfTotal: ratio(row.votesAgainst, total),
        neutralShareOfTotal: ratio(row.votesNeutral, total),
        forShare: ratio(row.votesFor, row.votesFor + row.votesAgainst),
      },
    ];
  });
}

/**
 * Whether one collège counts towards breadth: at least `minVotesPerCollege` votes (NEUTRAL
 * included) and a FOR share (FOR among FOR and AGAINST) of at least `minForShare`. The share is
 * a plain float division, the same as the SQL filter's, so both always agree at the boundary.
 */
export function collegeQualifies(support: CollegeSupport, thresholds: CollegeThresholds): boolean {
  return (
    support.total >= thresholds.minVotesPerCollege &&
    support.votesFor + support.votesAgainst > 0 &&
    support.forShare >= thresholds.minForShare
  );
}

/** Which collèges qualify and whether there are enough of them (issue 6, breadth threshold). */
export function supportBreadth(
  counts: readonly CollegeCounts[],
  thresholds: CollegeThresholds,
): SupportBreadth {
  const qualifyingColleges = collegeSupport(counts)
    .filter((support) => collegeQualifies(support, thresholds))
    .map((support) => support.actorType);
  return { isBroad: qualifyingColleges.length >= thresholds.minColleges, qualifyingColleges };
}

/**
 * True when at least `minColleges` collèges each have `minVotesPerCollege` votes or more and a
 * FOR share of at least `minForShare`.
 */
export function meetsBreadth(
  counts: readonly CollegeCounts[],
  thresholds: CollegeThresholds,
): boolean {
  return supportBreadth(counts, thresholds).isBroad;
}

/** The number of collèges (actor types): the "out of 7" of "3 collèges out of 7". */
export const COLLEGE_COUNT = ACTOR_TYPE_ORDER.length;
