import {
  type ExperimentStatus,
  type IndicatorKind,
  type IndicatorUnit,
} from '../../apps/api/src/generated/prisma/client';
import { uniqueKey } from './keys';
import { factoryPrisma } from './prisma';
import { referenceThemes, TERRITORIES } from './reference';

/** A YYYY-MM-DD day as a DATE column value. */
const day = (value: string) => new Date(`${value}T00:00:00.000Z`);

export interface ExperimentOverrides {
  /** The carrying organisation (required: experiments belong to one). */
  organisationId: string;
  /** Who recorded it (required: a user id). */
  createdById: string;
  name?: string;
  description?: string;
  status?: ExperimentStatus;
  startedOn?: string;
  endedOn?: string | null;
  links?: string[];
  territoryIds?: string[];
  /** The first reference theme by default. */
  themeIds?: string[];
  partnerOrganisationIds?: string[];
  updatedAt?: Date;
}

/** An experiment with its territories, themes and partners (no indicators, no history). */
export async function createExperiment(
  overrides: ExperimentOverrides,
): Promise<{ id: string; name: string; version: number }> {
  const themeIds = overrides.themeIds ?? [(await referenceThemes())[0].id];
  const experiment = await factoryPrisma().experiment.create({
    data: {
      organisationId: overrides.organisationId,
      name: overrides.name ?? `Expérimentation ${uniqueKey('xp')}`,
      description:
        overrides.description ??
        'Une coopérative d’habitants installe des panneaux solaires sur les toits communaux.',
      status: overrides.status ?? 'RUNNING',
      startedOn: day(overrides.startedOn ?? '2023-04-01'),
      endedOn: overrides.endedOn ? day(overrides.endedOn) : null,
      links: overrides.links ?? [],
      createdById: overrides.createdById,
      updatedById: overrides.createdById,
      ...(overrides.updatedAt ? { updatedAt: overrides.updatedAt } : {}),
      territories: {
        create: (overrides.territoryIds ?? [TERRITORIES.saintEtienne]).map(
          (territoryId, position) => ({ territoryId, position }),
        ),
      },
      themes: { create: themeIds.map((themeId) => ({ themeId })) },
      partners: {
        create: (overrides.partnerOrganisationIds ?? []).map((organisationId, position) => ({
          organisationId,
          position,
        })),
      },
    },
  });
  return { id: experiment.id, name: experiment.name, version: experiment.version };
}

export interface IndicatorOverrides {
  experimentId: string;
  name?: string;
  kind?: IndicatorKind;
  unit?: IndicatorUnit;
  baseline?: number | null;
  baselineOn?: string | null;
}

/** An indicator placed after the experiment's others. */
export async function createIndicator(overrides: IndicatorOverrides): Promise<{ id: string }> {
  const prisma = factoryPrisma();
  const position = await prisma.indicator.count({
    where: { experimentId: overrides.experimentId },
  });
  const indicator = await prisma.indicator.create({
    data: {
      experimentId: overrides.experimentId,
      name: overrides.name ?? 'Électricité renouvelable produite',
      kind: overrides.kind ?? 'RENEWABLE_ENERGY',
      unit: overrides.unit ?? 'KWH',
      baseline: overrides.baseline ?? null,
      baselineOn: overrides.baselineOn ? day(overrides.baselineOn) : null,
      position,
    },
  });
  return { id: indicator.id };
}

export interface MeasurementOverrides {
  indicatorId: string;
  recordedById: string;
  value?: number;
  measuredOn?: string;
  source?: string;
  sourceUrl?: string | null;
  checkedById?: string | null;
}

/** A measurement, counted on its experiment like the API does (its updatedAt is left as is). */
export async function createMeasurement(overrides: MeasurementOverrides): Promise<{ id: string }> {
  const prisma = factoryPrisma();
  const indicator = await prisma.indicator.findUniqueOrThrow({
    where: { id: overrides.indicatorId },
    select: { experimentId: true },
  });
  const [measurement] = await prisma.$transaction([
    prisma.measurement.create({
      data: {
        indicatorId: overrides.indicatorId,
        value: overrides.value ?? 1000,
        measuredOn: day(overrides.measuredOn ?? '2025-12-31'),
        source: overrides.source ?? 'Rapport d’activité 2025',
        sourceUrl: overrides.sourceUrl ?? null,
        recordedById: overrides.recordedById,
        checkedAt: overrides.checkedById ? new Date() : null,
        checkedById: overrides.checkedById ?? null,
      },
    }),
    // Raw, so the experiment's updatedAt stays as a test set it (Prisma would bump it).
    prisma.$executeRaw`UPDATE "experiments" SET "measurementsCount" = "measurementsCount" + 1
      WHERE "id" = ${indicator.experimentId}::uuid`,
  ]);
  return { id: measurement.id };
}
