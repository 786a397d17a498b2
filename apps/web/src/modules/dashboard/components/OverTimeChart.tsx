import { useRef, useState, type KeyboardEvent } from 'react';
import { Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { DashboardPeriod, ParticipationPoint } from '../../../shared/graphql/schema-types';
import type { DashboardFormat, Metric } from '../lib/useDashboardFormat';
import { TableAlternative } from './TableAlternative';

interface OverTimeChartProps {
  points: ParticipationPoint[];
  period: DashboardPeriod;
  metric: Metric;
  format: DashboardFormat;
}

const HEIGHT = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 44 };
const BAR = 'var(--mantine-color-passerelle-6)';
const SUPPRESSED = 'var(--mantine-color-ochre-6)';

/** A round number at or above `max`, for the vertical axis (1, 2, 5 × 10^n). */
export function niceCeiling(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((s) => s * power >= max) as number;
  return step * power;
}

/**
 * Participation per period as SVG bars. One Tab stop: the arrow keys (and Home, End) move from
 * period to period, and the focused or hovered period's figure is written above the chart.
 */
export function OverTimeChart({ points, period, metric, format }: OverTimeChartProps) {
  const { t } = useTranslation();
  const { ref, width: measured } = useElementSize();
  const width = Math.max(measured || 600, 240);
  const [active, setActive] = useState(points.length - 1);
  const [shown, setShown] = useState<number | null>(null);
  const bars = useRef<(SVGRectElement | null)[]>([]);
  const periodWord = t(`dashboard.periodLower.${period}`);
  const caption = t('dashboard.overTime.caption', { period: periodWord });

  if (points.length === 0) return <Text>{t('dashboard.overTime.empty')}</Text>;

  const values = points.map((p) => p.counts[metric]);
  const top = niceCeiling(Math.max(0, ...values.map((v) => v ?? 0)));
  const plotWidth = width - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / points.length;
  const barWidth = Math.max(1, slot * 0.75);
  const y = (value: number) => PAD.top + plotHeight - (value / top) * plotHeight;
  const ticks = top === 1 ? [0, 1] : [0, top / 2, top];
  const safeActive = Math.min(Math.max(active, 0), points.length - 1);
  const label = (index: number) => {
    const point = points[index] as ParticipationPoint;
    return t('dashboard.overTime.point', {
      period: format.periodLabel(period, point.periodStart),
      figure: format.figure(metric, point.counts[metric]),
    });
  };

  const move = (index: number) => {
    const next = Math.min(Math.max(index, 0), points.length - 1);
    setActive(next);
    bars.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<SVGRectElement>) => {
    const moves: Record<string, number> = {
      ArrowLeft: safeActive - 1,
      ArrowDown: safeActive - 1,
      ArrowRight: safeActive + 1,
      ArrowUp: safeActive + 1,
      Home: 0,
      End: points.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    move(next);
  };

  const first = points[0] as ParticipationPoint;
  const last = points[points.length - 1] as ParticipationPoint;
  const chartLabel = t('dashboard.overTime.chartLabel', {
    metric: t(`dashboard.metric.${metric}`),
    period: periodWord,
    from: format.axisLabel(period, first.periodStart),
    to: format.axisLabel(period, last.periodStart),
    max: format.number(Math.max(0, ...values.map((v) => v ?? 0))),
  });

  return (
    <Stack gap="xs">
      <Text size="sm" c="gray.7">
        {t('dashboard.overTime.hint')}
      </Text>
      <Text fw={600} mih="1.5em" data-testid="over-time-readout">
        {shown !== null ? label(shown) : ''}
      </Text>
      <div ref={ref} style={{ width: '100%' }}>
        <svg
          role="group"
          aria-label={chartLabel}
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          style={{ display: 'block', maxWidth: '100%', overflow: 'visible' }}
          onMouseLeave={() => setShown(null)}
        >
          <g aria-hidden="true" fontSize={12} fill="var(--mantine-color-gray-7)">
            {ticks.map((tick) => (
              <g key={tick}>
                <line
                  x1={PAD.left}
                  x2={width - PAD.right}
                  y1={y(tick)}
                  y2={y(tick)}
                  stroke="var(--mantine-color-gray-3)"
                />
                <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
                  {format.number(tick)}
                </text>
              </g>
            ))}
            <text x={PAD.left} y={HEIGHT - 8}>
              {format.axisLabel(period, first.periodStart)}
            </text>
            {points.length > 1 && (
              <text x={width - PAD.right} y={HEIGHT - 8} textAnchor="end">
                {format.axisLabel(period, last.periodStart)}
              </text>
            )}
          </g>
          {points.map((point, index) => {
            const value = point.counts[metric];
            const x = PAD.left + index * slot + (slot - barWidth) / 2;
            const isShown = shown === index;
            return (
              <g key={point.periodStart}>
                {value === null ? (
                  <rect
                    x={x}
                    y={y(0) - 3}
                    width={barWidth}
                    height={3}
                    fill={SUPPRESSED}
                    aria-hidden="true"
                  />
                ) : (
                  <rect
                    x={x}
                    y={y(value)}
                    width={barWidth}
                    height={y(0) - y(value)}
                    fill={BAR}
                    aria-hidden="true"
                    data-testid="over-time-bar"
                  />
                )}
                <rect
                  ref={(element) => {
                    bars.current[index] = element;
                  }}
                  x={PAD.left + index * slot}
                  y={PAD.top}
                  width={slot}
                  height={plotHeight}
                  fill={isShown ? 'rgba(0, 0, 0, 0.06)' : 'transparent'}
                  stroke={isShown ? 'var(--mantine-color-gray-9)' : 'none'}
                  strokeWidth={2}
                  role="img"
                  aria-label={label(index)}
                  tabIndex={index === safeActive ? 0 : -1}
                  style={{ outline: 'none' }}
                  onKeyDown={onKeyDown}
                  onFocus={() => {
                    setActive(index);
                    setShown(index);
                  }}
                  onBlur={() => setShown(null)}
                  onMouseEnter={() => setShown(index)}
                />
              </g>
            );
          })}
        </svg>
      </div>
      <TableAlternative
        caption={caption}
        rowHeader={t('dashboard.overTime.periodColumn')}
        rows={points.map((point) => ({
          key: point.periodStart,
          label: format.periodLabel(period, point.periodStart),
          counts: point.counts,
        }))}
        format={format}
      />
    </Stack>
  );
}
