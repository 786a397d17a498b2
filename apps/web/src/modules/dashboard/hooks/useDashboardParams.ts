import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { DashboardPeriod } from '../../../shared/graphql/schema-types';
import { METRICS, type Metric } from '../lib/useDashboardFormat';

/** French URL words: /tableau-de-bord?periode=mois&mesure=votes&consultation=<id>. */
const PERIODS: Record<string, DashboardPeriod> = { jour: 'DAY', semaine: 'WEEK', mois: 'MONTH' };
const METRIC_WORDS: Record<Metric, string> = {
  participants: 'participants',
  proposals: 'propositions',
  votes: 'votes',
  comments: 'commentaires',
};

export interface DashboardParams {
  consultationId: string | null;
  period: DashboardPeriod;
  metric: Metric;
}

/** The dashboard's choices, kept in the URL so that a view can be shared or bookmarked. */
export function useDashboardParams(): [
  DashboardParams,
  (change: Partial<DashboardParams>) => void,
] {
  const [searchParams, setSearchParams] = useSearchParams();
  const params: DashboardParams = {
    consultationId: searchParams.get('consultation') || null,
    period: PERIODS[searchParams.get('periode') ?? ''] ?? 'WEEK',
    metric:
      METRICS.find((metric) => METRIC_WORDS[metric] === searchParams.get('mesure')) ??
      'participants',
  };
  const update = useCallback(
    (change: Partial<DashboardParams>) => {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if ('consultationId' in change) {
            if (change.consultationId) next.set('consultation', change.consultationId);
            else next.delete('consultation');
          }
          if (change.period) {
            const word = Object.keys(PERIODS).find((key) => PERIODS[key] === change.period);
            if (word) next.set('periode', word);
          }
          if (change.metric) next.set('mesure', METRIC_WORDS[change.metric]);
          return next;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );
  return [params, update];
}
