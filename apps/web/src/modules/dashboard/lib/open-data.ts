/** The open data files of a consultation, served by the API without an account (plain HTTP GET). */
export const OPEN_DATA_DATASETS = ['proposals', 'comments', 'amendments'] as const;
export type OpenDataDataset = (typeof OPEN_DATA_DATASETS)[number];

export const OPEN_DATA_FORMATS = ['csv', 'json'] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

/** MIME types, as a hint on the links (the API sends the same in Content-Type). */
export const OPEN_DATA_MIME_TYPES: Record<OpenDataFormat, string> = {
  csv: 'text/csv',
  json: 'application/json',
};

/** The licence of every file (the API names it in the JSON files too). */
export const OPEN_DATA_LICENCE_URL = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';

/** `/api/open-data/consultations/<slug>/<dataset>.<format>` (apps/api open-data.controller.ts). */
export const openDataUrl = (slug: string, dataset: OpenDataDataset, format: OpenDataFormat) =>
  `/api/open-data/consultations/${encodeURIComponent(slug)}/${dataset}.${format}`;
