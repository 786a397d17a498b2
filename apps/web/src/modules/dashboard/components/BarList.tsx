import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardFormat, Metric } from '../lib/useDashboardFormat';
import type { CountsRow } from './TableAlternative';

interface BarListProps {
  /** Names the list for assistive technologies (usually the section's heading). */
  label: string;
  rows: (CountsRow & { label: string })[];
  metric: Metric;
  format: DashboardFormat;
}

/**
 * Horizontal bars, one per row: the label and the figure are text (read in order, wrapped on
 * narrow screens); the bar itself is a decorative SVG scaled on the largest value.
 */
export function BarList({ label, rows, metric, format }: BarListProps) {
  const { t } = useTranslation();
  const max = Math.max(1, ...rows.map((row) => row.counts[metric] ?? 0));
  return (
    <Stack component="ul" gap="sm" className="plain-list" aria-label={label}>
      {rows.map((row) => {
        const value = row.counts[metric];
        return (
          <li key={row.key} data-testid="bar-row">
            <Text size="sm" component="span" display="block">
              {row.label}
              {t('dashboard.separator')}
              <Text span fw={600} fs={value === null ? 'italic' : undefined}>
                {format.figure(metric, value)}
              </Text>
            </Text>
            <svg
              aria-hidden="true"
              width="100%"
              height="12"
              viewBox="0 0 100 12"
              preserveAspectRatio="none"
              style={{ display: 'block' }}
            >
              <rect x="0" y="0" width="100" height="12" fill="var(--mantine-color-gray-1)" />
              {value === null ? (
                <rect x="0" y="0" width="1.5" height="12" fill="var(--mantine-color-ochre-6)" />
              ) : (
                <rect
                  x="0"
                  y="0"
                  width={(value / max) * 100}
                  height="12"
                  fill="var(--mantine-color-passerelle-6)"
                />
              )}
            </svg>
          </li>
        );
      })}
    </Stack>
  );
}
