import { Group, NativeSelect, Radio, SimpleGrid } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { DashboardPeriod } from '../../../shared/graphql/schema-types';
import { DASHBOARD_CONSULTATIONS_QUERY } from '../graphql/dashboard.documents';
import type { DashboardParams } from '../hooks/useDashboardParams';
import { METRICS, type Metric } from '../lib/useDashboardFormat';

const PERIODS: DashboardPeriod[] = ['DAY', 'WEEK', 'MONTH'];

interface DashboardFiltersProps {
  params: DashboardParams;
  onChange: (change: Partial<DashboardParams>) => void;
}

/** Consultation (all or one), grouping period and the measure the charts and the map show. */
export function DashboardFilters({ params, onChange }: DashboardFiltersProps) {
  const { t } = useTranslation();
  const consultations = useQuery(DASHBOARD_CONSULTATIONS_QUERY);
  const options = [
    { value: '', label: t('dashboard.filters.allConsultations') },
    ...(consultations.data?.consultations ?? []).map((c) => ({ value: c.id, label: c.title })),
  ];
  // A consultation from the URL stays selectable while the list loads.
  if (params.consultationId && !options.some((o) => o.value === params.consultationId)) {
    options.push({ value: params.consultationId, label: params.consultationId });
  }
  return (
    <section aria-label={t('dashboard.filters.label')}>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <NativeSelect
          label={t('dashboard.filters.consultation')}
          data={options}
          value={params.consultationId ?? ''}
          onChange={(event) => onChange({ consultationId: event.currentTarget.value || null })}
        />
        <Radio.Group
          label={t('dashboard.filters.period')}
          value={params.period}
          onChange={(value) => onChange({ period: value as DashboardPeriod })}
        >
          <Group gap="md" mt={8}>
            {PERIODS.map((period) => (
              <Radio key={period} value={period} label={t(`dashboard.period.${period}`)} />
            ))}
          </Group>
        </Radio.Group>
        <NativeSelect
          label={t('dashboard.filters.metric')}
          description={t('dashboard.filters.metricHint')}
          data={METRICS.map((metric) => ({
            value: metric,
            label: t(`dashboard.metric.${metric}`),
          }))}
          value={params.metric}
          onChange={(event) => onChange({ metric: event.currentTarget.value as Metric })}
        />
      </SimpleGrid>
    </section>
  );
}
