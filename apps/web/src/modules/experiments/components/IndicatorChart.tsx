import { useId, type ReactNode } from 'react';
import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeasurementDetail } from '../graphql/experiments.documents';
import type { IndicatorUnit } from '../../../shared/graphql/schema-types';
import { ScrollableTable } from '../../../shared/ui/ScrollableTable';
import { CHART, chartGeometry } from '../lib/chart';
import { formatCompact, formatDay, formatMonth, formatValue } from '../lib/format';

const LINE = 'var(--mantine-color-passerelle-7)';
const MUTED = 'var(--mantine-color-gray-6)';

/** A checked figure: a filled disc with a tick. An unchecked one: a hollow ring. */
function PointMark({ x, y, checked }: { x: number; y: number; checked: boolean }) {
  return checked ? (
    <g>
      <circle cx={x} cy={y} r={7} fill={LINE} />
      <path
        d={`M${x - 3.5},${y} l2.5,2.5 l4.5,-5`}
        fill="none"
        stroke="#fff"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </g>
  ) : (
    <circle cx={x} cy={y} r={5.5} fill="#fff" stroke={LINE} strokeWidth={2.5} />
  );
}

function Legend({ hasBaseline }: { hasBaseline: boolean }) {
  const { t } = useTranslation();
  const item = (mark: ReactNode, label: string) => (
    <Group gap={6} wrap="nowrap" component="li">
      <svg width="28" height="16" aria-hidden focusable="false">
        {mark}
      </svg>
      <Text size="sm">{label}</Text>
    </Group>
  );
  return (
    <Group
      component="ul"
      gap="lg"
      className="plain-list"
      aria-label={t('experiments.chart.legend')}
    >
      {item(<PointMark x={14} y={8} checked />, t('experiments.chart.checkedPoint'))}
      {item(<PointMark x={14} y={8} checked={false} />, t('experiments.chart.uncheckedPoint'))}
      {hasBaseline &&
        item(
          <line
            x1={2}
            x2={26}
            y1={8}
            y2={8}
            stroke={MUTED}
            strokeWidth={2}
            strokeDasharray="5 4"
          />,
          t('experiments.chart.baseline'),
        )}
    </Group>
  );
}

export interface ChartIndicator {
  name: string;
  unit: IndicatorUnit;
  baseline: number | null;
  baselineOn: string | null;
  measurements: MeasurementDetail[];
}

interface IndicatorChartProps {
  indicator: ChartIndicator;
  /** Extra cells per row (edit, check): the column is shown when given. */
  renderActions?: (measurement: MeasurementDetail) => ReactNode;
}

/**
 * An indicator's measurements over time as a line chart (SVG), with its baseline dashed and
 * checked figures drawn differently from unchecked ones (shape, not colour alone), followed by
 * the same figures as a table: the accessible alternative, with sources and checks.
 */
export function IndicatorChart({ indicator, renderActions }: IndicatorChartProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const id = useId();
  const { measurements, unit, baseline, baselineOn } = indicator;
  const geometry = chartGeometry({ measurements, baseline, baselineOn });
  const { plot } = geometry;
  const value = (figure: number) => formatValue(figure, unit, language);
  const latest = measurements.at(-1);
  const summary =
    latest === undefined
      ? t('experiments.chart.empty')
      : t('experiments.chart.summary', {
          count: measurements.length,
          latest: value(latest.value),
          day: formatDay(latest.measuredOn, language),
        });

  return (
    <Stack gap="sm">
      {measurements.length > 0 && (
        <>
          <svg
            viewBox={`0 0 ${CHART.width} ${CHART.height}`}
            width="100%"
            role="img"
            aria-labelledby={`${id}-title`}
            aria-describedby={`${id}-desc`}
            style={{ maxWidth: CHART.width, height: 'auto', display: 'block' }}
            data-testid="indicator-chart"
          >
            <title id={`${id}-title`}>
              {t('experiments.chart.title', { name: indicator.name })}
            </title>
            <desc id={`${id}-desc`}>{summary}</desc>
            {geometry.yTicks.map((tick) => (
              <g key={tick.value}>
                <line
                  x1={plot.left}
                  x2={plot.right}
                  y1={tick.y}
                  y2={tick.y}
                  stroke="var(--mantine-color-gray-3)"
                />
                <text
                  x={plot.left - 8}
                  y={tick.y + 4}
                  textAnchor="end"
                  fontSize={14}
                  fill="#495057"
                >
                  {formatCompact(tick.value, language)}
                </text>
              </g>
            ))}
            {geometry.xTicks.map((tick, index) => (
              <text
                key={tick.day}
                x={tick.x}
                y={plot.bottom + 22}
                textAnchor={index === 0 ? 'start' : 'end'}
                fontSize={14}
                fill="#495057"
              >
                {formatMonth(tick.day, language)}
              </text>
            ))}
            <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke={MUTED} />
            {geometry.baselineY !== null && (
              <line
                data-testid="baseline"
                x1={plot.left}
                x2={plot.right}
                y1={geometry.baselineY}
                y2={geometry.baselineY}
                stroke={MUTED}
                strokeWidth={2}
                strokeDasharray="6 5"
              />
            )}
            {geometry.points.length > 1 && (
              <polyline points={geometry.line} fill="none" stroke={LINE} strokeWidth={2.5} />
            )}
            {geometry.points.map((point) => (
              <g key={point.id} data-checked={point.checked}>
                <PointMark x={point.x} y={point.y} checked={point.checked} />
              </g>
            ))}
          </svg>
          <Legend hasBaseline={baseline !== null} />
        </>
      )}
      <ScrollableTable
        label={t('experiments.chart.tableCaption', { name: indicator.name })}
        minWidth={560}
      >
        <Table striped withTableBorder>
          <Table.Caption>
            {t('experiments.chart.tableCaption', { name: indicator.name })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('experiments.chart.date')}</Table.Th>
              <Table.Th scope="col">{t('experiments.chart.value')}</Table.Th>
              <Table.Th scope="col">{t('experiments.chart.source')}</Table.Th>
              <Table.Th scope="col">{t('experiments.chart.check')}</Table.Th>
              {renderActions && <Table.Th scope="col">{t('experiments.chart.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {baseline !== null && baselineOn && (
              <Table.Tr>
                <Table.Td>{formatDay(baselineOn, language)}</Table.Td>
                <Table.Td>{value(baseline)}</Table.Td>
                <Table.Td>{t('experiments.chart.baselineRow')}</Table.Td>
                <Table.Td>—</Table.Td>
                {renderActions && <Table.Td />}
              </Table.Tr>
            )}
            {measurements.map((measurement) => (
              <Table.Tr key={measurement.id}>
                <Table.Td>{formatDay(measurement.measuredOn, language)}</Table.Td>
                <Table.Td>{value(measurement.value)}</Table.Td>
                <Table.Td>
                  {measurement.sourceUrl ? (
                    <Anchor href={measurement.sourceUrl} target="_blank" rel="noopener noreferrer">
                      {measurement.source}
                    </Anchor>
                  ) : (
                    measurement.source
                  )}
                </Table.Td>
                <Table.Td>
                  {measurement.checkedAt
                    ? t('experiments.chart.checkedOn', {
                        day: formatDay(measurement.checkedAt.slice(0, 10), language),
                      })
                    : t('experiments.chart.notChecked')}
                </Table.Td>
                {renderActions && <Table.Td>{renderActions(measurement)}</Table.Td>}
              </Table.Tr>
            ))}
            {measurements.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={renderActions ? 5 : 4}>{t('experiments.chart.empty')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </ScrollableTable>
    </Stack>
  );
}
