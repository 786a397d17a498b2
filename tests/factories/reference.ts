import { factoryPrisma } from './prisma';

/** Territories of the reference data (loaded by tests/setup from @etalab/decoupage-administratif). */
export const TERRITORIES = {
  paris: 'COMMUNE-75056',
  saintEtienne: 'COMMUNE-42218',
  loire: 'DEPARTEMENT-42',
  auvergneRhoneAlpes: 'REGION-84',
} as const;

export interface ThemeRef {
  id: string;
  slug: string;
  nameFr: string;
  nameEn: string;
}

let themes: Promise<ThemeRef[]> | undefined;

/** The seeded themes, in display order. */
export function referenceThemes(): Promise<ThemeRef[]> {
  themes ??= factoryPrisma().theme.findMany({
    orderBy: { position: 'asc' },
    select: { id: true, slug: true, nameFr: true, nameEn: true },
  });
  return themes;
}
