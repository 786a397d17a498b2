/**
 * A tile-grid cartogram of France's départements: each one a square at its approximate place.
 * Rows and columns come from the prefectures' coordinates (longitude scaled by cos 46.5°), laid
 * on a 13 × 12 grid by a least-squares assignment so that no two départements share a square;
 * the overseas départements (DROM) sit on a row of their own below.
 */
export interface DepartementTile {
  /** INSEE code: "01", "2A", "971". */
  code: string;
  row: number;
  col: number;
  /** French name, the label when the API has not named it. */
  name: string;
}

/** The last row holds the overseas départements. */
export const OVERSEAS_ROW = 12;
export const GRID_ROWS = 13;
export const GRID_COLUMNS = 13;

const TILES: readonly (readonly [string, number, number, string])[] = [
  ['01', 6, 9, 'Ain'],
  ['02', 1, 8, 'Aisne'],
  ['03', 5, 7, 'Allier'],
  ['04', 9, 10, 'Alpes-de-Haute-Provence'],
  ['05', 8, 10, 'Hautes-Alpes'],
  ['06', 9, 11, 'Alpes-Maritimes'],
  ['07', 8, 8, 'Ardèche'],
  ['08', 1, 9, 'Ardennes'],
  ['09', 10, 5, 'Ariège'],
  ['10', 3, 8, 'Aube'],
  ['11', 10, 6, 'Aude'],
  ['12', 8, 6, 'Aveyron'],
  ['13', 10, 8, 'Bouches-du-Rhône'],
  ['14', 1, 3, 'Calvados'],
  ['15', 7, 6, 'Cantal'],
  ['16', 6, 3, 'Charente'],
  ['17', 6, 2, 'Charente-Maritime'],
  ['18', 5, 6, 'Cher'],
  ['19', 6, 5, 'Corrèze'],
  ['2A', 11, 12, 'Corse-du-Sud'],
  ['2B', 10, 12, 'Haute-Corse'],
  ['21', 4, 9, 'Côte-d’Or'],
  ['22', 3, 1, 'Côtes-d’Armor'],
  ['23', 6, 6, 'Creuse'],
  ['24', 7, 4, 'Dordogne'],
  ['25', 5, 10, 'Doubs'],
  ['26', 8, 9, 'Drôme'],
  ['27', 2, 4, 'Eure'],
  ['28', 3, 5, 'Eure-et-Loir'],
  ['29', 3, 0, 'Finistère'],
  ['30', 9, 8, 'Gard'],
  ['31', 9, 5, 'Haute-Garonne'],
  ['32', 9, 4, 'Gers'],
  ['33', 7, 3, 'Gironde'],
  ['34', 9, 7, 'Hérault'],
  ['35', 3, 2, 'Ille-et-Vilaine'],
  ['36', 5, 5, 'Indre'],
  ['37', 4, 4, 'Indre-et-Loire'],
  ['38', 7, 9, 'Isère'],
  ['39', 5, 9, 'Jura'],
  ['40', 8, 3, 'Landes'],
  ['41', 4, 5, 'Loir-et-Cher'],
  ['42', 7, 8, 'Loire'],
  ['43', 7, 7, 'Haute-Loire'],
  ['44', 4, 2, 'Loire-Atlantique'],
  ['45', 4, 6, 'Loiret'],
  ['46', 7, 5, 'Lot'],
  ['47', 8, 4, 'Lot-et-Garonne'],
  ['48', 8, 7, 'Lozère'],
  ['49', 4, 3, 'Maine-et-Loire'],
  ['50', 2, 2, 'Manche'],
  ['51', 2, 8, 'Marne'],
  ['52', 3, 9, 'Haute-Marne'],
  ['53', 3, 3, 'Mayenne'],
  ['54', 2, 10, 'Meurthe-et-Moselle'],
  ['55', 2, 9, 'Meuse'],
  ['56', 4, 1, 'Morbihan'],
  ['57', 1, 10, 'Moselle'],
  ['58', 4, 7, 'Nièvre'],
  ['59', 0, 8, 'Nord'],
  ['60', 0, 5, 'Oise'],
  ['61', 2, 3, 'Orne'],
  ['62', 0, 7, 'Pas-de-Calais'],
  ['63', 6, 7, 'Puy-de-Dôme'],
  ['64', 9, 3, 'Pyrénées-Atlantiques'],
  ['65', 10, 4, 'Hautes-Pyrénées'],
  ['66', 10, 7, 'Pyrénées-Orientales'],
  ['67', 2, 11, 'Bas-Rhin'],
  ['68', 3, 11, 'Haut-Rhin'],
  ['69', 6, 8, 'Rhône'],
  ['70', 4, 10, 'Haute-Saône'],
  ['71', 5, 8, 'Saône-et-Loire'],
  ['72', 3, 4, 'Sarthe'],
  ['73', 7, 10, 'Savoie'],
  ['74', 6, 10, 'Haute-Savoie'],
  ['75', 2, 6, 'Paris'],
  ['76', 1, 4, 'Seine-Maritime'],
  ['77', 3, 7, 'Seine-et-Marne'],
  ['78', 2, 5, 'Yvelines'],
  ['79', 5, 3, 'Deux-Sèvres'],
  ['80', 0, 6, 'Somme'],
  ['81', 9, 6, 'Tarn'],
  ['82', 8, 5, 'Tarn-et-Garonne'],
  ['83', 10, 9, 'Var'],
  ['84', 9, 9, 'Vaucluse'],
  ['85', 5, 2, 'Vendée'],
  ['86', 5, 4, 'Vienne'],
  ['87', 6, 4, 'Haute-Vienne'],
  ['88', 3, 10, 'Vosges'],
  ['89', 4, 8, 'Yonne'],
  ['90', 4, 11, 'Territoire de Belfort'],
  ['91', 3, 6, 'Essonne'],
  ['92', 1, 6, 'Hauts-de-Seine'],
  ['93', 1, 7, 'Seine-Saint-Denis'],
  ['94', 2, 7, 'Val-de-Marne'],
  ['95', 1, 5, 'Val-d’Oise'],
  ['971', 12, 0, 'Guadeloupe'],
  ['972', 12, 1, 'Martinique'],
  ['973', 12, 2, 'Guyane'],
  ['974', 12, 3, 'La Réunion'],
  ['976', 12, 4, 'Mayotte'],
];

export const DEPARTEMENT_TILES: readonly DepartementTile[] = TILES.map(
  ([code, row, col, name]) => ({ code, row, col, name }),
);

/** The territory id the API gives a département ("DEPARTEMENT-69"). */
export const departementTerritoryId = (code: string) => `DEPARTEMENT-${code}`;

/**
 * Colour steps of a tile: 0 for none, then 1 to `steps` by the count's share of the largest
 * (square root, so that a few large counts do not wash out the others).
 */
export function intensity(count: number, max: number, steps = 4): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(steps, Math.ceil(Math.sqrt(count / max) * steps)));
}
