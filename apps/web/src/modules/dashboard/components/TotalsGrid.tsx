import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParticipationCounts } from '../../../shared/graphql/schema-types';
import { METRICS, type DashboardFormat } from '../lib/useDashboardFormat';

/** The four totals (never hidden, even in the public scope), as a description list. */
export function TotalsGrid({
  totals,
  format,
}: {
  totals: ParticipationCounts;
  format: DashboardFormat;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="sm" m={0}>
      {METRICS.map((metric) => (
        <Paper key={metric} withBorder p="md" radius="md" data-testid={`total-${metric}`}>
          <Text component="dt" size="sm" c="gray.7">
            {t(`dashboard.metric.${metric}`)}
          </Text>
          <Text component="dd" m={0} fz={28} fw={700} className="tabular-nums">
            {format.count(totals[metric])}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
