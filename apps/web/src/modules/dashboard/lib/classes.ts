/** A class of the choropleth's legend: every value from min to max, both included. */
export interface ValueClass {
  min: number;
  max: number;
}

/**
 * Up to `maxClasses` classes of positive integers, cut at quantiles so that each holds about as
 * many départements; identical values always fall in the same class.
 */
export function computeClasses(values: readonly number[], maxClasses = 5): ValueClass[] {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const uppers: number[] = [];
  for (let i = 1; i <= maxClasses; i += 1) {
    const upper = sorted[Math.ceil((i * sorted.length) / maxClasses) - 1] as number;
    if (uppers[uppers.length - 1] !== upper) uppers.push(upper);
  }
  let min = sorted[0] as number;
  return uppers.map((max) => {
    const range = { min, max };
    min = max + 1;
    return range;
  });
}

/** Index of the class holding `value`, or -1 (zero, or outside every class). */
export function classOf(classes: readonly ValueClass[], value: number): number {
  return classes.findIndex((c) => value >= c.min && value <= c.max);
}

/** Light to dark: Passerelle greens (shades 1, 3, 5, 7, 9). */
export const CLASS_COLOURS = ['#cfe9e0', '#72bda6', '#2c8c74', '#155d4e', '#0a352c'];
