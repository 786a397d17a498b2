import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  DepartementParticipation,
  ParticipationCounts,
} from '../../../shared/graphql/schema-types';
import { CLASS_COLOURS, classOf, computeClasses } from '../lib/classes';
import {
  MAP_SHAPES,
  MAP_VIEWBOX,
  OVERSEAS_TILE,
  neighbour,
  type Direction,
  type MapShape,
} from '../lib/map-data';
import type { DashboardFormat, Metric } from '../lib/useDashboardFormat';
import { TableAlternative } from './TableAlternative';

interface DepartementMapProps {
  departements: DepartementParticipation[];
  unlocated: ParticipationCounts;
  metric: Metric;
  format: DashboardFormat;
}

const NO_ACTIVITY = '#e9ecef';
const HATCH_ID = 'dashboard-map-hatch';
const KEYS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** The colours of `count` classes, spread over the palette from light to dark. */
function paletteFor(count: number): string[] {
  if (count <= 1) return [CLASS_COLOURS[2] as string];
  return Array.from(
    { length: count },
    (_, i) => CLASS_COLOURS[Math.round((i * (CLASS_COLOURS.length - 1)) / (count - 1))] as string,
  );
}

function Swatch({ fill }: { fill: string }) {
  return (
    <svg aria-hidden="true" width="18" height="18" viewBox="0 0 18 18">
      <rect x="0.5" y="0.5" width="17" height="17" fill={fill} stroke="#868e96" />
    </svg>
  );
}

function HatchPattern() {
  return (
    <pattern
      id={HATCH_ID}
      width="6"
      height="6"
      patternUnits="userSpaceOnUse"
      patternTransform="rotate(45)"
    >
      <rect width="6" height="6" fill="#f8e3c7" />
      <line x1="0" y1="0" x2="0" y2="6" stroke="#96520f" strokeWidth="2.5" />
    </pattern>
  );
}

/**
 * Choropleth of the départements for the chosen measure, cut into classes shown in the legend.
 * The map is one Tab stop; the arrow keys move to the neighbouring département. Each one says its
 * name and figures (aria-label), also written under the map on focus and hover.
 */
export function DepartementMap({ departements, unlocated, metric, format }: DepartementMapProps) {
  const { t } = useTranslation();
  const byCode = useMemo(() => new Map(departements.map((d) => [d.code, d])), [departements]);
  const classes = useMemo(
    () =>
      computeClasses(
        departements.map((d) => d.counts[metric]).filter((v): v is number => v !== null),
      ),
    [departements, metric],
  );
  const palette = paletteFor(classes.length);
  const shapes = MAP_SHAPES;
  const initial = useMemo(() => {
    let best: MapShape = shapes[0] as MapShape;
    let bestValue = -1;
    for (const shape of shapes) {
      const value = byCode.get(shape.code)?.counts[metric];
      const score = value === undefined ? -1 : value === null ? 0 : value;
      if (score > bestValue) {
        bestValue = score;
        best = shape;
      }
    }
    return best.code;
  }, [byCode, metric, shapes]);
  const [active, setActive] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const elements = useRef(new Map<string, SVGPathElement>());
  const tabStop = active ?? initial;
  const hasSuppressed = departements.some((d) => d.counts[metric] === null);

  const describe = (shape: MapShape) => {
    const data = byCode.get(shape.code);
    return t('dashboard.map.departement', {
      name: data?.name ?? shape.name,
      code: shape.code,
      figures: data ? format.figures(data.counts) : t('dashboard.map.none'),
    });
  };
  const fillOf = (code: string): { fill: string; shade: string } => {
    const data = byCode.get(code);
    if (!data) return { fill: NO_ACTIVITY, shade: 'none' };
    const value = data.counts[metric];
    if (value === null) return { fill: `url(#${HATCH_ID})`, shade: 'suppressed' };
    const index = classOf(classes, value);
    if (index < 0) return { fill: NO_ACTIVITY, shade: 'none' };
    return { fill: palette[index] as string, shade: String(index) };
  };

  const onKeyDown = (event: KeyboardEvent<SVGPathElement>, from: MapShape) => {
    let target: MapShape | null | undefined;
    const direction = KEYS[event.key];
    if (direction) target = neighbour(shapes, from, direction);
    else if (event.key === 'Home') target = shapes[0];
    else if (event.key === 'End') target = shapes[shapes.length - 1];
    else return;
    event.preventDefault();
    if (!target) return;
    setActive(target.code);
    elements.current.get(target.code)?.focus();
  };

  const highlighted = shapes.find((s) => s.code === (focused ?? shown));
  const overseas = shapes.filter((s) => s.code.length === 3);
  const metricName = t(`dashboard.metric.${metric}`);

  return (
    <Stack gap="sm">
      <Text size="sm" c="gray.7">
        {t('dashboard.map.hint')}
      </Text>
      <Text fw={600} mih="3em" data-testid="map-readout" aria-hidden="true">
        {highlighted ? describe(highlighted) : t('dashboard.map.prompt')}
      </Text>
      <svg
        role="group"
        aria-label={t('dashboard.map.label', { metric: metricName })}
        viewBox={MAP_VIEWBOX}
        style={{ display: 'block', width: '100%', maxWidth: 620, height: 'auto' }}
        onMouseLeave={() => setShown(null)}
      >
        <defs>
          <HatchPattern />
        </defs>
        {shapes.map((shape) => {
          const { fill, shade } = fillOf(shape.code);
          return (
            <path
              key={shape.code}
              ref={(element) => {
                if (element) elements.current.set(shape.code, element);
                else elements.current.delete(shape.code);
              }}
              d={shape.path}
              fill={fill}
              stroke="#fff"
              strokeWidth={0.8}
              role="img"
              aria-label={describe(shape)}
              data-code={shape.code}
              data-shade={shade}
              tabIndex={shape.code === tabStop ? 0 : -1}
              style={{ outline: 'none', cursor: 'default' }}
              onKeyDown={(event) => onKeyDown(event, shape)}
              onFocus={() => {
                setActive(shape.code);
                setFocused(shape.code);
              }}
              onBlur={() => setFocused(null)}
              onMouseEnter={() => setShown(shape.code)}
            />
          );
        })}
        <g aria-hidden="true" fontSize={12} fill="#495057" pointerEvents="none">
          <text
            x={(overseas[0]?.cx ?? 0) - OVERSEAS_TILE / 2}
            y={(overseas[0]?.cy ?? 0) - OVERSEAS_TILE / 2 - 6}
          >
            {t('dashboard.map.overseas')}
          </text>
          {overseas.map((shape) => (
            <text
              key={shape.code}
              x={shape.cx}
              y={shape.cy + OVERSEAS_TILE / 2 + 14}
              textAnchor="middle"
            >
              {shape.code}
            </text>
          ))}
        </g>
        {highlighted && (
          <g aria-hidden="true" pointerEvents="none" fill="none">
            <path d={highlighted.path} stroke="#fff" strokeWidth={4} />
            <path d={highlighted.path} stroke="#212529" strokeWidth={2} />
          </g>
        )}
      </svg>
      <Stack
        component="ul"
        gap={4}
        className="plain-list"
        aria-label={t('dashboard.map.legend', { metric: metricName })}
      >
        {classes.map((range, index) => (
          <Group component="li" key={range.min} gap="xs" wrap="nowrap" data-testid="legend-class">
            <Swatch fill={palette[index] as string} />
            <Text size="sm">
              {range.min === range.max
                ? format.number(range.min)
                : t('dashboard.map.classRange', {
                    min: format.number(range.min),
                    max: format.number(range.max),
                  })}
            </Text>
          </Group>
        ))}
        {hasSuppressed && (
          <Group component="li" gap="xs" wrap="nowrap">
            <svg aria-hidden="true" width="18" height="18" viewBox="0 0 18 18">
              <rect
                x="0.5"
                y="0.5"
                width="17"
                height="17"
                fill={`url(#${HATCH_ID})`}
                stroke="#868e96"
              />
            </svg>
            <Text size="sm">{format.suppressed}</Text>
          </Group>
        )}
        <Group component="li" gap="xs" wrap="nowrap">
          <Swatch fill={NO_ACTIVITY} />
          <Text size="sm">{t('dashboard.map.noActivity')}</Text>
        </Group>
      </Stack>
      <Text size="sm">
        {t('dashboard.map.unlocatedNote', { figures: format.figures(unlocated) })}
      </Text>
      <TableAlternative
        caption={t('dashboard.map.caption')}
        rowHeader={t('dashboard.map.column')}
        rows={[
          ...[...departements]
            .sort((a, b) => a.code.localeCompare(b.code))
            .map((d) => ({ key: d.code, label: `${d.name} (${d.code})`, counts: d.counts })),
          { key: 'unlocated', label: t('dashboard.map.unlocated'), counts: unlocated },
        ]}
        format={format}
      />
    </Stack>
  );
}
