/** The geometry of an indicator's line chart: plain numbers, drawn as SVG by IndicatorChart. */

export const CHART = { width: 640, height: 260, top: 16, right: 24, bottom: 36, left: 72 } as const;

const DAY_MS = 86_400_000;

/** Milliseconds of a YYYY-MM-DD day at midnight UTC. */
export const dayTime = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** A round upper bound at or above `value` (1, 2, 2.5 or 5 × a power of ten). */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= value) ?? 10;
  return step * power;
}

export interface ChartPoint {
  id: string;
  x: number;
  y: number;
  value: number;
  day: string;
  checked: boolean;
}

export interface ChartGeometry {
  points: ChartPoint[];
  /** The polyline's `points` attribute ("x,y x,y …"). */
  line: string;
  /** The baseline's height, when the indicator has one. */
  baselineY: number | null;
  yTicks: { value: number; y: number }[];
  xTicks: { day: string; x: number }[];
  plot: { left: number; right: number; top: number; bottom: number };
}

interface ChartInput {
  measurements: readonly {
    id: string;
    value: number;
    measuredOn: string;
    checkedAt: string | null;
  }[];
  baseline: number | null;
  baselineOn: string | null;
}

/**
 * Places the measurements (oldest first) on a time axis and a value axis from 0; the baseline is
 * a horizontal line (its day widens the time axis so that the figures read from it).
 */
export function chartGeometry({ measurements, baseline, baselineOn }: ChartInput): ChartGeometry {
  const plot = {
    left: CHART.left,
    right: CHART.width - CHART.right,
    top: CHART.top,
    bottom: CHART.height - CHART.bottom,
  };
  const days = measurements.map((m) => dayTime(m.measuredOn));
  if (baseline !== null && baselineOn) days.push(dayTime(baselineOn));
  let start = days.length ? Math.min(...days) : Date.now();
  let end = days.length ? Math.max(...days) : start;
  if (end - start < DAY_MS) {
    // One day only: a month either side, the point in the middle.
    start -= 30 * DAY_MS;
    end += 30 * DAY_MS;
  }
  const top = niceMax(Math.max(0, baseline ?? 0, ...measurements.map((m) => m.value)));
  const x = (time: number) =>
    plot.left + ((time - start) / (end - start)) * (plot.right - plot.left);
  const y = (value: number) => plot.bottom - (value / top) * (plot.bottom - plot.top);

  const points = measurements.map((m) => ({
    id: m.id,
    x: round(x(dayTime(m.measuredOn))),
    y: round(y(m.value)),
    value: m.value,
    day: m.measuredOn,
    checked: m.checkedAt !== null,
  }));
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((share) => ({
    value: top * share,
    y: round(y(top * share)),
  }));
  const edgeDays = [...new Set([start, end])].map((time) =>
    new Date(time).toISOString().slice(0, 10),
  );
  return {
    points,
    line: points.map((point) => `${point.x},${point.y}`).join(' '),
    baselineY: baseline === null ? null : round(y(baseline)),
    yTicks,
    xTicks: edgeDays.map((day) => ({ day, x: round(x(dayTime(day))) })),
    plot,
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
