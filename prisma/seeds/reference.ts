// Reference data every installation needs: the themes and the French territories
// (régions, départements, current communes) from @etalab/decoupage-administratif.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PrismaClient } from '../../apps/api/src/generated/prisma/client';

const require = createRequire(__filename);

export interface ThemeSeed {
  slug: string;
  nameFr: string;
  nameEn: string;
  descriptionFr: string;
  position: number;
}

/** The seeded taxonomy (DESIGN.md). Slugs are stable identifiers: never rename one. */
export const THEMES: readonly ThemeSeed[] = [
  {
    slug: 'transition-ecologique',
    nameFr: 'Transition écologique',
    nameEn: 'Ecological transition',
    descriptionFr:
      'Alimentation durable, biodiversité, économie circulaire, mobilités : les initiatives locales qui réduisent notre empreinte.',
  },
  {
    slug: 'efficacite-energetique',
    nameFr: 'Efficacité énergétique',
    nameEn: 'Energy efficiency',
    descriptionFr:
      'Rénovation des logements et des bâtiments publics, sobriété, lutte contre la précarité énergétique.',
  },
  {
    slug: 'energie-citoyenne',
    nameFr: 'Énergie citoyenne',
    nameEn: 'Community energy',
    descriptionFr:
      'Production d’énergies renouvelables détenue et gouvernée par les habitants, les collectivités et les acteurs locaux.',
  },
  {
    slug: 'democratie-economique',
    nameFr: 'Démocratie économique',
    nameEn: 'Economic democracy',
    descriptionFr:
      'Gouvernance partagée des entreprises, coopératives, finance solidaire, place des salariés et des usagers dans les décisions.',
  },
  {
    slug: 'democratie-et-citoyennete',
    nameFr: 'Démocratie et citoyenneté',
    nameEn: 'Democracy and citizenship',
    descriptionFr:
      'Comment voulons-nous agir ensemble ? Participation des habitants, co-construction des politiques publiques, engagement.',
  },
  {
    slug: 'nouvelles-formes-d-emploi',
    nameFr: 'Nouvelles formes d’emploi',
    nameEn: 'New forms of employment',
    descriptionFr:
      'Coopératives d’activité et d’emploi, entrepreneuriat salarié, groupements d’employeurs, insertion et territoires zéro chômeur.',
  },
  {
    slug: 'economie-collaborative',
    nameFr: 'Économie collaborative',
    nameEn: 'Collaborative economy',
    descriptionFr:
      'Plateformes coopératives, communs, partage et mutualisation : une économie collaborative qui profite à ceux qui la font.',
  },
  {
    slug: 'cooperation-territoriale',
    nameFr: 'Coopération territoriale',
    nameEn: 'Territorial cooperation',
    descriptionFr:
      'Pôles territoriaux de coopération économique (PTCE), alliances entre entreprises, collectivités, universités et associations.',
  },
].map((theme, index) => ({ ...theme, position: index + 1 }));

/** Lower-case, accent-free form of a name, used for autocomplete: "L’Haÿ-les-Roses" → "l hay les roses". */
export function toSearchName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface RegionRow {
  code: string;
  nom: string;
}
interface DepartementRow {
  code: string;
  nom: string;
  region: string;
}
interface CommuneRow {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  population?: number;
}

interface TerritoryRow {
  id: string;
  level: 'REGION' | 'DEPARTEMENT' | 'COMMUNE';
  code: string;
  name: string;
  searchName: string;
  parentId: string | null;
  population: number | null;
}

export const territoryId = (level: TerritoryRow['level'], code: string) => `${level}-${code}`;

interface SourceData {
  regions: RegionRow[];
  departements: DepartementRow[];
  communes: CommuneRow[];
}

// Read and parsed directly: going through require() lets tsx's loader transform 8 MB of JSON (~0.5 s).
const readData = <T>(file: string): T =>
  JSON.parse(
    readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}`), 'utf8'),
  ) as T;

function loadSource(): SourceData {
  return {
    regions: readData<RegionRow[]>('regions.json'),
    departements: readData<DepartementRow[]>('departements.json'),
    communes: readData<CommuneRow[]>('communes.json').filter((c) => c.type === 'commune-actuelle'),
  };
}

/**
 * Every territory row, parents before children. Départements and régions get the sum of their
 * communes' populations.
 */
export function loadTerritories(source: SourceData = loadSource()): TerritoryRow[] {
  const { regions, departements, communes } = source;
  const population = new Map<string, number>();
  const add = (id: string, value: number | undefined) => {
    if (value !== undefined) population.set(id, (population.get(id) ?? 0) + value);
  };
  for (const c of communes) {
    add(territoryId('DEPARTEMENT', c.departement ?? ''), c.population);
    add(territoryId('REGION', c.region ?? ''), c.population);
  }
  const row = (
    level: TerritoryRow['level'],
    code: string,
    name: string,
    parentId: string | null,
    population?: number,
  ) => ({
    id: territoryId(level, code),
    level,
    code,
    name,
    searchName: toSearchName(name),
    parentId,
    population: population ?? null,
  });
  return [
    ...regions.map((r) =>
      row('REGION', r.code, r.nom, null, population.get(territoryId('REGION', r.code))),
    ),
    ...departements.map((d) =>
      row(
        'DEPARTEMENT',
        d.code,
        d.nom,
        territoryId('REGION', d.region),
        population.get(territoryId('DEPARTEMENT', d.code)),
      ),
    ),
    ...communes.map((c) =>
      row(
        'COMMUNE',
        c.code,
        c.nom,
        c.departement ? territoryId('DEPARTEMENT', c.departement) : null,
        c.population,
      ),
    ),
  ];
}

const BATCH = 10_000;

/**
 * Inserts the themes and territories (idempotent: existing rows are kept). Territories go in
 * with one `INSERT … SELECT FROM unnest(...)` per 10,000 rows inside one transaction, and are
 * skipped outright when the table already holds every row.
 */
export async function seedReferenceData(
  prisma: PrismaClient,
  log: (line: string) => void = console.log,
): Promise<void> {
  const started = performance.now();

  for (const theme of THEMES) {
    await prisma.theme.upsert({
      where: { slug: theme.slug },
      create: theme,
      update: {
        nameFr: theme.nameFr,
        nameEn: theme.nameEn,
        descriptionFr: theme.descriptionFr,
        position: theme.position,
      },
    });
  }

  const source = loadSource();
  const expected = source.regions.length + source.departements.length + source.communes.length;
  const [{ count }] = await prisma.$queryRawUnsafe<{ count: number }[]>(
    'SELECT count(*)::int AS count FROM territories',
  );
  if (count >= expected) {
    log(
      `Reference data present (${THEMES.length} themes, ${count} territories), ${Math.round(performance.now() - started)} ms`,
    );
    return;
  }

  const territories = loadTerritories(source);
  let inserted = 0;
  await prisma.$transaction(
    async (tx) => {
      for (let i = 0; i < territories.length; i += BATCH) {
        const batch = territories.slice(i, i + BATCH);
        inserted += await tx.$executeRawUnsafe(
          `INSERT INTO territories (id, level, code, name, "searchName", "parentId", population)
           SELECT t.id, t.level::"TerritoryLevel", t.code, t.name, t.search_name, t.parent_id, t.population
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
             AS t(id, level, code, name, search_name, parent_id, population)
           ON CONFLICT DO NOTHING`,
          batch.map((t) => t.id),
          batch.map((t) => t.level),
          batch.map((t) => t.code),
          batch.map((t) => t.name),
          batch.map((t) => t.searchName),
          batch.map((t) => t.parentId),
          batch.map((t) => t.population),
        );
      }
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  // Statistics now: autovacuum never analyses a table of 8 themes (below its threshold of 50
  // changed rows), and without them the planner misjudges every list filtered by theme or
  // territory (issue 9: 293 proposals expected for a theme, 28 763 found at tier M).
  await prisma.$executeRawUnsafe('ANALYZE "themes", "territories"');
  log(
    `Reference data: ${THEMES.length} themes, ${inserted} territories inserted (${territories.length} in the source), ${Math.round(performance.now() - started)} ms`,
  );
}
