import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardPeriod, ParticipationCounts } from '../../../shared/graphql/schema-types';

export const METRICS = ['participants', 'proposals', 'votes', 'comments'] as const;
export type Metric = (typeof METRICS)[number];

const LOCALES: Record<string, string> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * Numbers, dates and counts as the dashboard writes them, in the UI language. In the public
 * scope a null count is a small cell hidden for privacy: "moins de 5 participants".
 */
export function useDashboardFormat(minimumCellSize: number | null) {
  const { t, i18n } = useTranslation();
  const locale = LOCALES[i18n.language] ?? 'fr-FR';
  return useMemo(() => {
    const numberFormat = new Intl.NumberFormat(locale);
    const dayFormat = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeZone: 'Europe/Paris',
    });
    const monthFormat = new Intl.DateTimeFormat(locale, {
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Paris',
    });
    const shortMonthFormat = new Intl.DateTimeFormat(locale, {
      month: 'short',
      year: 'numeric',
      timeZone: 'Europe/Paris',
    });
    const suppressed = t('dashboard.suppressed', { count: minimumCellSize ?? 5 });
    const number = (value: number) => numberFormat.format(value);
    /** A count alone: "1 234", or "moins de 5 participants" when hidden. */
    const count = (value: number | null) => (value === null ? suppressed : number(value));
    /** A count with its unit: "1 234 votes", "1 participant". */
    const figure = (metric: Metric, value: number | null) =>
      value === null
        ? suppressed
        : t(`dashboard.figure.${metric}`, { count: value, formatted: number(value) });
    /** Every count of a cell, for labels: "12 participants, 3 propositions, 40 votes, 2 commentaires". */
    const figures = (counts: ParticipationCounts) =>
      counts.participants === null
        ? suppressed
        : METRICS.map((metric) => figure(metric, counts[metric])).join(', ');
    const periodLabel = (period: DashboardPeriod, iso: string) => {
      const date = new Date(iso);
      if (period === 'MONTH') return monthFormat.format(date);
      if (period === 'WEEK') return t('dashboard.weekOf', { date: dayFormat.format(date) });
      return dayFormat.format(date);
    };
    /** Shorter, for the chart's axis: "12 oct. 2026", "oct. 2026". */
    const axisLabel = (period: DashboardPeriod, iso: string) =>
      period === 'MONTH' ? shortMonthFormat.format(new Date(iso)) : dayFormat.format(new Date(iso));
    return { number, count, figure, figures, periodLabel, axisLabel, suppressed };
  }, [locale, minimumCellSize, t]);
}

export type DashboardFormat = ReturnType<typeof useDashboardFormat>;
