import type { ActorType, ProposalStatus } from '@passerelle/domain';
import type { ProposalOrderBy, TerritoryRef } from '../../../shared/graphql/schema-types';
import type { CandidateProposalsVariables } from '../graphql/curation.documents';

/** Rankings a curator may sort candidates by; RELEVANCE only while searching. */
export const CANDIDATE_ORDERS: readonly ProposalOrderBy[] = [
  'TOP',
  'HOT',
  'CONSENSUS',
  'DIVISIVE',
  'CONTROVERSIAL',
  'MOST_COMMENTED',
  'NEWEST',
  'RELEVANCE',
];

export const CANDIDATES_PAGE_SIZE = 10;

/** Every filter of the candidate search, in one place. */
export interface CandidateFilterState {
  /** The search as submitted (typing alone does not search). */
  search: string;
  consultationId: string;
  themeSlugs: string[];
  /** The chosen territory (its name is shown back in the field). */
  territory: TerritoryRef | null;
  statuses: ProposalStatus[];
  actorTypes: ActorType[];
  /** Only proposals backed across collèges (the consultation's collège thresholds). */
  isBroadSupportOnly: boolean;
  /** Only proposals citing an experiment with measurements (issue 10). */
  isGroundedOnly: boolean;
  orderBy: ProposalOrderBy;
}

export const initialCandidateFilters = (consultationId: string): CandidateFilterState => ({
  search: '',
  consultationId,
  themeSlugs: [],
  territory: null,
  statuses: [],
  actorTypes: [],
  isBroadSupportOnly: false,
  isGroundedOnly: false,
  orderBy: 'TOP',
});

/**
 * The state after a change. A new search is sorted by relevance; without a search, relevance
 * (which needs one) falls back to the most supported.
 */
export function updateCandidateFilters(
  state: CandidateFilterState,
  change: Partial<CandidateFilterState>,
): CandidateFilterState {
  const next = { ...state, ...change };
  if (
    change.search !== undefined &&
    change.search !== state.search &&
    change.orderBy === undefined
  ) {
    next.orderBy = change.search
      ? 'RELEVANCE'
      : state.orderBy === 'RELEVANCE'
        ? 'TOP'
        : state.orderBy;
  }
  if (!next.search && next.orderBy === 'RELEVANCE') next.orderBy = 'TOP';
  return next;
}

/** The filters that narrow the list (the consultation and the order are not counted). */
export function countCandidateFilters(state: CandidateFilterState): number {
  return (
    state.themeSlugs.length +
    (state.territory ? 1 : 0) +
    state.statuses.length +
    state.actorTypes.length +
    (state.isBroadSupportOnly ? 1 : 0) +
    (state.isGroundedOnly ? 1 : 0)
  );
}

/** The filters cleared, keeping the search, the consultation and the order. */
export const clearCandidateFilters = (state: CandidateFilterState): CandidateFilterState => ({
  ...state,
  themeSlugs: [],
  territory: null,
  statuses: [],
  actorTypes: [],
  isBroadSupportOnly: false,
  isGroundedOnly: false,
});

/** The `proposals` query's variables: empty filters are left out. */
export function toCandidateVariables(state: CandidateFilterState): CandidateProposalsVariables {
  const search = state.search.trim();
  const filter: CandidateProposalsVariables['filter'] = {};
  if (state.consultationId) filter.consultationId = state.consultationId;
  if (state.themeSlugs.length > 0) filter.themeSlugs = state.themeSlugs;
  if (state.territory) filter.territoryId = state.territory.id;
  if (state.statuses.length > 0) filter.statuses = state.statuses;
  if (state.actorTypes.length > 0) filter.authorActorTypes = state.actorTypes;
  if (state.isBroadSupportOnly) filter.broadSupport = true;
  if (state.isGroundedOnly) filter.groundedInMeasuredExperiment = true;
  return {
    search: search === '' ? null : search,
    filter,
    orderBy: search === '' && state.orderBy === 'RELEVANCE' ? 'TOP' : state.orderBy,
    first: CANDIDATES_PAGE_SIZE,
  };
}
