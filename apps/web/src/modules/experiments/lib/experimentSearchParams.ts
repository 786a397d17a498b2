import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ActorType, ExperimentStatus, IndicatorKind } from '@passerelle/domain';
import type {
  ExperimentFilter,
  ExperimentStatus as Status,
  IndicatorKind as Kind,
} from '../../../shared/graphql/schema-types';

/** The registry's filters, read from and written to the URL (shareable; Back undoes a change). */
export interface ExperimentSearchState {
  query: string;
  themeId: string;
  territoryId: string;
  actorType: ActorType | '';
  indicatorKind: Kind | '';
  status: Status | '';
}

/** URL parameter names, in French like the paths. */
const P = {
  query: 'q',
  themeId: 'theme',
  territoryId: 'territoire',
  actorType: 'acteur',
  indicatorKind: 'indicateur',
  status: 'statut',
} as const;

export const ACTOR_TYPES = Object.values(ActorType) as ActorType[];
export const INDICATOR_KINDS = Object.values(IndicatorKind) as Kind[];
export const EXPERIMENT_STATUSES = Object.values(ExperimentStatus) as Status[];

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | '' {
  const upper = (value ?? '').toUpperCase();
  return allowed.includes(upper as T) ? (upper as T) : '';
}

export function parseExperimentSearch(params: URLSearchParams): ExperimentSearchState {
  return {
    query: (params.get(P.query) ?? '').trim(),
    themeId: params.get(P.themeId) ?? '',
    territoryId: params.get(P.territoryId) ?? '',
    actorType: oneOf(params.get(P.actorType), ACTOR_TYPES),
    indicatorKind: oneOf(params.get(P.indicatorKind), INDICATOR_KINDS),
    status: oneOf(params.get(P.status), EXPERIMENT_STATUSES),
  };
}

export function toExperimentSearchParams(state: ExperimentSearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set(P.query, state.query);
  if (state.themeId) params.set(P.themeId, state.themeId);
  if (state.territoryId) params.set(P.territoryId, state.territoryId);
  if (state.actorType) params.set(P.actorType, state.actorType.toLowerCase());
  if (state.indicatorKind) params.set(P.indicatorKind, state.indicatorKind.toLowerCase());
  if (state.status) params.set(P.status, state.status.toLowerCase());
  return params;
}

/** The GraphQL filter of a state: empty filters are left out. */
export function toExperimentFilter(state: ExperimentSearchState): ExperimentFilter {
  const filter: ExperimentFilter = {};
  if (state.query) filter.query = state.query;
  if (state.themeId) filter.themeId = state.themeId;
  if (state.territoryId) filter.territoryId = state.territoryId;
  if (state.actorType) filter.actorType = state.actorType;
  if (state.indicatorKind) filter.indicatorKind = state.indicatorKind;
  if (state.status) filter.status = state.status;
  return filter;
}

export function countActiveExperimentFilters(state: ExperimentSearchState): number {
  return [
    state.themeId,
    state.territoryId,
    state.actorType,
    state.indicatorKind,
    state.status,
  ].filter(Boolean).length;
}

/** The registry's URL for a territory (the map's tiles link there). */
export function experimentsSearch(change: Partial<ExperimentSearchState>): string {
  const params = toExperimentSearchParams({
    ...parseExperimentSearch(new URLSearchParams()),
    ...change,
  });
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** The state in the URL and a setter that pushes a history entry. */
export function useExperimentSearchParams() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseExperimentSearch(params), [params]);
  const update = useCallback(
    (change: Partial<ExperimentSearchState>) => {
      const next = toExperimentSearchParams({ ...state, ...change });
      if (next.toString() === toExperimentSearchParams(state).toString()) return;
      setParams(next);
    },
    [setParams, state],
  );
  return { state, update };
}
