import { classOf, computeClasses } from '../lib/classes';
import { MAP_SHAPES, neighbour, pathCentre, type MapShape } from '../lib/map-data';
import { niceCeiling } from '../components/OverTimeChart';

describe('computeClasses', () => {
  it('cuts the positive values at quantiles, each value in exactly one class', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const classes = computeClasses(values, 5);
    expect(classes).toEqual([
      { min: 1, max: 2 },
      { min: 3, max: 4 },
      { min: 5, max: 6 },
      { min: 7, max: 8 },
      { min: 9, max: 10 },
    ]);
    for (const value of values) expect(classOf(classes, value)).toBeGreaterThanOrEqual(0);
  });

  it('merges classes when values repeat, and ignores zeros', () => {
    expect(computeClasses([0, 4, 4, 4, 4, 9])).toEqual([
      { min: 4, max: 4 },
      { min: 5, max: 9 },
    ]);
    expect(computeClasses([0, 0])).toEqual([]);
    expect(classOf([{ min: 1, max: 3 }], 0)).toBe(-1);
  });
});

describe('map data', () => {
  it('holds the 96 metropolitan départements and the 5 overseas ones', () => {
    expect(MAP_SHAPES).toHaveLength(101);
    expect(MAP_SHAPES.map((s) => s.code)).toEqual(
      expect.arrayContaining(['01', '2A', '2B', '69', '75', '95', '971', '976']),
    );
  });

  it('finds the centre of a relative path', () => {
    expect(pathCentre('m 10,10 10,0 0,10 -10,0 z')).toEqual({ cx: 15, cy: 15 });
    expect(pathCentre('m 0,0 4,0 0,4 z m 10,10 2,2 z')).toEqual({ cx: 6, cy: 6 });
  });

  it('moves an arrow key to the nearest shape in that direction', () => {
    const shape = (code: string) => MAP_SHAPES.find((s) => s.code === code) as MapShape;
    // Rhône (69): Loire (42) to the west, Ain (01) to the east.
    expect(['42', '63']).toContain(neighbour(MAP_SHAPES, shape('69'), 'left')?.code);
    expect(['01', '38']).toContain(neighbour(MAP_SHAPES, shape('69'), 'right')?.code);
    // Finistère is the westernmost: nothing to its left.
    expect(neighbour(MAP_SHAPES, shape('29'), 'left')).toBeNull();
  });

  it('reaches every shape from any other with the arrow keys', () => {
    const reachable = (start: MapShape) => {
      const seen = new Set<string>([start.code]);
      const queue = [start];
      for (let from = queue.shift(); from; from = queue.shift()) {
        for (const direction of ['left', 'right', 'up', 'down'] as const) {
          const next = neighbour(MAP_SHAPES, from, direction);
          if (next && !seen.has(next.code)) {
            seen.add(next.code);
            queue.push(next);
          }
        }
      }
      return seen.size;
    };
    for (const start of MAP_SHAPES)
      expect([start.code, reachable(start)]).toEqual([start.code, 101]);
  });
});

describe('niceCeiling', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(3)).toBe(5);
    expect(niceCeiling(12)).toBe(20);
    expect(niceCeiling(1200)).toBe(2000);
    expect(niceCeiling(50)).toBe(50);
  });
});
