import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ActorType, PUBLIC_PROPOSAL_STATUSES, type ProposalStatus } from '@passerelle/domain';
import type { ProposalFilter, ProposalOrderBy } from '../../../shared/graphql/schema-types';

export const ORDERS: ProposalOrderBy[] = [
  'NEWEST',
  'TOP',
  'HOT',
  'CONTROVERSIAL',
  'MOST_COMMENTED',
  'CONSENSUS',
  'DIVISIVE',
  'RELEVANCE',
];

/** Public statuses a visitor may filter on. */
export const PUBLIC_STATUSES: readonly ProposalStatus[] = PUBLIC_PROPOSAL_STATUSES;

/** The proposals page's state, read from and written to the URL (shareable; Back undoes a change). */
export interface ProposalSearchState {
  search: string;
  orderBy: ProposalOrderBy;
  consultationId: string;
  themeSlugs: string[];
  territoryId: string;
  statuses: ProposalStatus[];
  actorTypes: ActorType[];
  /** Only proposals meeting their consultation's collège thresholds. */
  isBroadSupportOnly: boolean;
  /** Only proposals citing an experiment with measurements (issue 10). */
  isGroundedOnly: boolean;
}

/** URL parameter names, in French like the paths. */
const P = {
  search: 'q',
  orderBy: 'tri',
  consultationId: 'consultation',
  themeSlugs: 'theme',
  territoryId: 'territoire',
  statuses: 'statut',
  actorTypes: 'college',
  isBroadSupportOnly: 'soutien-large',
  isGroundedOnly: 'experience-mesuree',
} as const;

const ACTOR_TYPES = Object.values(ActorType) as ActorType[];

function only<T extends string>(values: string[], allowed: readonly T[]): T[] {
  return values.filter((value): value is T => allowed.includes(value as T));
}

export function parseProposalSearch(params: URLSearchParams): ProposalSearchState {
  const search = (params.get(P.search) ?? '').trim();
  const order = params.get(P.orderBy)?.toUpperCase() as ProposalOrderBy | undefined;
  const defaultOrder: ProposalOrderBy = search ? 'RELEVANCE' : 'NEWEST';
  const orderBy =
    order && ORDERS.includes(order) && (order !== 'RELEVANCE' || search) ? order : defaultOrder;
  return {
    search,
    orderBy,
    consultationId: params.get(P.consultationId) ?? '',
    themeSlugs: params.getAll(P.themeSlugs).filter(Boolean),
    territoryId: params.get(P.territoryId) ?? '',
    statuses: only(params.getAll(P.statuses), PUBLIC_STATUSES),
    actorTypes: only(params.getAll(P.actorTypes), ACTOR_TYPES),
    isBroadSupportOnly: params.get(P.isBroadSupportOnly) === '1',
    isGroundedOnly: params.get(P.isGroundedOnly) === '1',
  };
}

export function toSearchParams(state: ProposalSearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.search) params.set(P.search, state.search);
  const defaultOrder = state.search ? 'RELEVANCE' : 'NEWEST';
  if (state.orderBy !== defaultOrder) params.set(P.orderBy, state.orderBy.toLowerCase());
  if (state.consultationId) params.set(P.consultationId, state.consultationId);
  for (const slug of state.themeSlugs) params.append(P.themeSlugs, slug);
  if (state.territoryId) params.set(P.territoryId, state.territoryId);
  for (const status of state.statuses) params.append(P.statuses, status);
  for (const actorType of state.actorTypes) params.append(P.actorTypes, actorType);
  if (state.isBroadSupportOnly) params.set(P.isBroadSupportOnly, '1');
  if (state.isGroundedOnly) params.set(P.isGroundedOnly, '1');
  return params;
}

/** The GraphQL variables for a state: empty filters are left out. */
export function toProposalsVariables(state: ProposalSearchState) {
  const filter: ProposalFilter = {};
  if (state.consultationId) filter.consultationId = state.consultationId;
  if (state.themeSlugs.length) filter.themeSlugs = state.themeSlugs;
  if (state.territoryId) filter.territoryId = state.territoryId;
  if (state.statuses.length) filter.statuses = state.statuses;
  if (state.actorTypes.length) filter.authorActorTypes = state.actorTypes;
  if (state.isBroadSupportOnly) filter.broadSupport = true;
  if (state.isGroundedOnly) filter.groundedInMeasuredExperiment = true;
  return {
    filter,
    orderBy: state.orderBy,
    search: state.search || null,
  };
}

export function countActiveFilters(state: ProposalSearchState): number {
  return (
    (state.consultationId ? 1 : 0) +
    state.themeSlugs.length +
    (state.territoryId ? 1 : 0) +
    state.statuses.length +
    state.actorTypes.length +
    (state.isBroadSupportOnly ? 1 : 0) +
    (state.isGroundedOnly ? 1 : 0)
  );
}

/** The state in the URL and a setter that pushes a history entry. */
export function useProposalSearchParams() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseProposalSearch(params), [params]);
  const update = useCallback(
    (change: Partial<ProposalSearchState>) => {
      const next = { ...state, ...change };
      // Relevance needs a search; a new search starts sorted by relevance.
      if (change.search !== undefined && change.search !== state.search) {
        next.orderBy = change.search ? 'RELEVANCE' : 'NEWEST';
      }
      if (!next.search && next.orderBy === 'RELEVANCE') next.orderBy = 'NEWEST';
      const nextParams = toSearchParams(next);
      // No history entry for a change that changes nothing (e.g. clearing an empty field).
      if (nextParams.toString() === toSearchParams(state).toString()) return;
      setParams(nextParams);
    },
    [setParams, state],
  );
  return { state, update };
}
