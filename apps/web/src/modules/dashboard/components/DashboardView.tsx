import type { ReactNode } from 'react';
import { Alert, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ActorType } from '@passerelle/domain';
import type { ParticipationDashboard } from '../../../shared/graphql/schema-types';
import { errorMessage } from '../../../shared/graphql/errors';
import { formatDateTime } from '../../../shared/ui/format';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PageTitle } from '../../../shared/ui/PageTitle';
import type { DashboardParams } from '../hooks/useDashboardParams';
import { useDashboardFormat, type Metric } from '../lib/useDashboardFormat';
import { BarList } from './BarList';
import { DashboardFilters } from './DashboardFilters';
import { DepartementMap } from './DepartementMap';
import { OverTimeChart } from './OverTimeChart';
import { TableAlternative } from './TableAlternative';
import { TotalsGrid } from './TotalsGrid';

interface DashboardViewProps {
  title: string;
  intro: ReactNode;
  dashboard: ParticipationDashboard | undefined;
  isLoading: boolean;
  error: unknown;
  params: DashboardParams;
  onChange: (change: Partial<DashboardParams>) => void;
  /** Sections after the figures, shown even while they load or if they fail (open data). */
  children?: ReactNode;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

const byValue = (metric: Metric) => (a: { counts: Record<Metric, number | null> }, b: typeof a) =>
  (b.counts[metric] ?? 0) - (a.counts[metric] ?? 0);

/**
 * The body both dashboards share: filters, totals, participation over time, by theme, by collège
 * and by département. In the public scope, hidden small cells read "moins de 5 participants".
 */
export function DashboardView({
  title,
  intro,
  dashboard,
  isLoading,
  error,
  params,
  onChange,
  children,
}: DashboardViewProps) {
  const { t, i18n } = useTranslation();
  const format = useDashboardFormat(dashboard?.minimumCellSize ?? null);
  const { metric } = params;
  const metricName = t(`dashboard.metric.${metric}`);

  const themeRows = dashboard
    ? [...dashboard.byTheme].sort(byValue(metric)).map((row) => ({
        key: row.theme.id,
        label: row.theme.name,
        counts: row.counts,
      }))
    : [];
  const collegeOrder = Object.keys(ActorType);
  const collegeRows = dashboard
    ? [...dashboard.byCollege]
        .sort((a, b) => collegeOrder.indexOf(a.actorType) - collegeOrder.indexOf(b.actorType))
        .map((row) => ({
          key: row.actorType,
          label: t(`actorType.${row.actorType}`),
          counts: row.counts,
        }))
    : [];

  return (
    <Stack gap="xl">
      <PageTitle>{title}</PageTitle>
      <Text>{intro}</Text>
      {dashboard?.minimumCellSize != null && (
        <Paper withBorder p="md" radius="md" bg="passerelle.0">
          <Text size="sm">{t('dashboard.privacyNote', { count: dashboard.minimumCellSize })}</Text>
        </Paper>
      )}
      <DashboardFilters params={params} onChange={onChange} />
      {error && !dashboard ? (
        <Alert color="red" role="alert">
          {errorMessage(error, t)}
        </Alert>
      ) : !dashboard ? (
        <LoadingState />
      ) : (
        <Stack gap="xl" aria-busy={isLoading}>
          <Section id="dashboard-totals" title={t('dashboard.totals.heading')}>
            <Stack gap="xs">
              <Text size="sm" c="gray.7">
                {dashboard.consultation?.title ?? t('dashboard.totals.scope')}
              </Text>
              <TotalsGrid totals={dashboard.totals} format={format} />
              <Text size="sm" c="gray.7">
                {t('dashboard.generatedAt', {
                  date: formatDateTime(dashboard.generatedAt, i18n.language),
                })}
              </Text>
            </Stack>
          </Section>
          <Section id="dashboard-over-time" title={t('dashboard.overTime.heading')}>
            <OverTimeChart
              points={dashboard.overTime}
              period={dashboard.period}
              metric={metric}
              format={format}
            />
          </Section>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
            <Section id="dashboard-by-theme" title={t('dashboard.byTheme.heading')}>
              {themeRows.length === 0 ? (
                <Text>{t('dashboard.byTheme.empty')}</Text>
              ) : (
                <Stack gap="sm">
                  <BarList
                    label={`${t('dashboard.byTheme.caption')} (${metricName})`}
                    rows={themeRows}
                    metric={metric}
                    format={format}
                  />
                  <TableAlternative
                    caption={t('dashboard.byTheme.caption')}
                    rowHeader={t('dashboard.byTheme.column')}
                    rows={themeRows}
                    format={format}
                  />
                </Stack>
              )}
            </Section>
            <Section id="dashboard-by-college" title={t('dashboard.byCollege.heading')}>
              <Stack gap="sm">
                <BarList
                  label={`${t('dashboard.byCollege.caption')} (${metricName})`}
                  rows={collegeRows}
                  metric={metric}
                  format={format}
                />
                <TableAlternative
                  caption={t('dashboard.byCollege.caption')}
                  rowHeader={t('dashboard.byCollege.column')}
                  rows={collegeRows}
                  format={format}
                />
              </Stack>
            </Section>
          </SimpleGrid>
          <Section id="dashboard-map" title={t('dashboard.map.heading')}>
            <DepartementMap
              departements={dashboard.byDepartement}
              unlocated={dashboard.unlocated}
              metric={metric}
              format={format}
            />
          </Section>
        </Stack>
      )}
      {children}
    </Stack>
  );
}
