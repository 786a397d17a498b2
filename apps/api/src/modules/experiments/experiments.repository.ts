import { Injectable } from '@nestjs/common';
import { type ExperimentStatus, type IndicatorKind, type IndicatorUnit } from '@passerelle/domain';
import { byKey, groupByKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import {
  type Experiment as ExperimentRow,
  type Indicator as IndicatorRow,
  type Measurement as MeasurementRow,
  Prisma,
} from '../../generated/prisma/client';
import { type OrganisationRecord } from '../organisations/organisations.repository';
import { type ThemeRecord } from '../themes/themes.repository';
import { type TerritoryRecord } from '../territories/territories.repository';

export type ExperimentRecord = ExperimentRow;
export type IndicatorRecord = IndicatorRow;
export type MeasurementRecord = MeasurementRow;

type Tx = Prisma.TransactionClient;

/** What is written about an experiment (creation and every change), days as YYYY-MM-DD. */
export interface ExperimentContent {
  name: string;
  description: string;
  status: ExperimentStatus;
  startedOn: string;
  endedOn: string | null;
  links: string[];
  territoryIds: string[];
  partnerOrganisationIds: string[];
  themeIds: string[];
}

export interface IndicatorContent {
  name: string;
  description: string | null;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  baseline: number | null;
  baselineOn: string | null;
}

export interface MeasurementContent {
  value: number;
  measuredOn: string;
  source: string;
  sourceUrl: string | null;
}

/** Who changes what, and when: every write keeps one ExperimentChange row with it. */
export interface ChangeContext {
  actorId: string;
  at: Date;
}

/** A YYYY-MM-DD day as the Date Prisma writes to a DATE column. */
const dateOf = (day: string): Date => new Date(`${day}T00:00:00.000Z`);
const dayOf = (date: Date | null): string | null => (date ? date.toISOString().slice(0, 10) : null);

type Snapshot = Prisma.InputJsonObject;

/** What the history keeps of an experiment: its written fields, days as YYYY-MM-DD. */
function experimentSnapshot(
  row: ExperimentRow,
  relations: { territoryIds: string[]; partnerOrganisationIds: string[]; themeIds: string[] },
): Snapshot {
  return {
    organisationId: row.organisationId,
    name: row.name,
    description: row.description,
    status: row.status,
    startedOn: dayOf(row.startedOn),
    endedOn: dayOf(row.endedOn),
    links: row.links,
    territoryIds: relations.territoryIds,
    partnerOrganisationIds: relations.partnerOrganisationIds,
    themeIds: [...relations.themeIds].sort(),
  };
}

function indicatorSnapshot(row: IndicatorRow): Snapshot {
  return {
    name: row.name,
    description: row.description,
    kind: row.kind,
    unit: row.unit,
    baseline: row.baseline,
    baselineOn: dayOf(row.baselineOn),
  };
}

function measurementSnapshot(row: MeasurementRow): Snapshot {
  return {
    indicatorId: row.indicatorId,
    value: row.value,
    measuredOn: dayOf(row.measuredOn),
    source: row.source,
    sourceUrl: row.sourceUrl,
    checkedAt: row.checkedAt?.toISOString() ?? null,
    checkedById: row.checkedById,
  };
}

async function keepChange(
  tx: Tx,
  context: ChangeContext,
  change: {
    experimentId: string;
    action: string;
    targetType: 'EXPERIMENT' | 'INDICATOR' | 'MEASUREMENT';
    targetId: string;
    before: Snapshot | null;
    after: Snapshot;
  },
): Promise<void> {
  const { before, ...rest } = change;
  await tx.experimentChange.create({
    data: {
      ...rest,
      ...(before ? { before } : {}),
      actorId: context.actorId,
      createdAt: context.at,
    },
  });
}

/** The related ids of an experiment, in their display order. */
async function relationIdsOf(tx: Tx, experimentId: string) {
  const [territories, partners, themes] = await Promise.all([
    tx.experimentTerritory.findMany({
      where: { experimentId },
      orderBy: { position: 'asc' },
      select: { territoryId: true },
    }),
    tx.experimentPartner.findMany({
      where: { experimentId },
      orderBy: { position: 'asc' },
      select: { organisationId: true },
    }),
    tx.experimentTheme.findMany({ where: { experimentId }, select: { themeId: true } }),
  ]);
  return {
    territoryIds: territories.map((row) => row.territoryId),
    partnerOrganisationIds: partners.map((row) => row.organisationId),
    themeIds: themes.map((row) => row.themeId),
  };
}

async function writeRelations(tx: Tx, experimentId: string, content: ExperimentContent) {
  await tx.experimentTerritory.createMany({
    data: content.territoryIds.map((territoryId, position) => ({
      experimentId,
      territoryId,
      position,
    })),
  });
  await tx.experimentTheme.createMany({
    data: content.themeIds.map((themeId) => ({ experimentId, themeId })),
  });
  if (content.partnerOrganisationIds.length > 0) {
    await tx.experimentPartner.createMany({
      data: content.partnerOrganisationIds.map((organisationId, position) => ({
        experimentId,
        organisationId,
        position,
      })),
    });
  }
}

const experimentColumns = (content: ExperimentContent) => ({
  name: content.name,
  description: content.description,
  status: content.status,
  startedOn: dateOf(content.startedOn),
  endedOn: content.endedOn ? dateOf(content.endedOn) : null,
  links: content.links,
});

const indicatorColumns = (content: IndicatorContent) => ({
  name: content.name,
  description: content.description,
  kind: content.kind,
  unit: content.unit,
  baseline: content.baseline,
  baselineOn: content.baselineOn ? dateOf(content.baselineOn) : null,
});

const measurementColumns = (content: MeasurementContent) => ({
  value: content.value,
  measuredOn: dateOf(content.measuredOn),
  source: content.source,
  sourceUrl: content.sourceUrl,
});

/** Thrown inside a write transaction to roll it back when a guarded update matched no row. */
class GuardFailed extends Error {}

/**
 * The experiments registry's tables: experiments with their territories, themes and partners,
 * indicators, measurements, and the change history every write keeps in its transaction.
 */
@Injectable()
export class ExperimentsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<ExperimentRecord | null> {
    return this.prisma.experiment.findUnique({ where: { id } });
  }

  async findByIds(ids: readonly string[]): Promise<(ExperimentRecord | null)[]> {
    const rows = await this.prisma.experiment.findMany({ where: { id: { in: [...ids] } } });
    return byKey(ids, rows, (row) => row.id);
  }

  findIndicator(id: string): Promise<(IndicatorRecord & { experiment: ExperimentRecord }) | null> {
    return this.prisma.indicator.findUnique({ where: { id }, include: { experiment: true } });
  }

  findMeasurement(id: string): Promise<
    | (MeasurementRecord & {
        indicator: IndicatorRecord & { experiment: ExperimentRecord };
      })
    | null
  > {
    return this.prisma.measurement.findUnique({
      where: { id },
      include: { indicator: { include: { experiment: true } } },
    });
  }

  /** The territories of each experiment in display order (DataLoader batch). */
  async findTerritoriesByExperimentIds(ids: readonly string[]): Promise<TerritoryRecord[][]> {
    const rows = await this.prisma.experimentTerritory.findMany({
      where: { experimentId: { in: [...ids] } },
      orderBy: [{ position: 'asc' }],
      select: {
        experimentId: true,
        territory: {
          select: {
            id: true,
            level: true,
            code: true,
            name: true,
            parentId: true,
            population: true,
          },
        },
      },
    });
    return groupByKey(ids, rows, (row) => row.experimentId).map((list) =>
      list.map((row) => row.territory),
    );
  }

  /** The themes of each experiment in the themes' order (DataLoader batch). */
  async findThemesByExperimentIds(ids: readonly string[]): Promise<ThemeRecord[][]> {
    const rows = await this.prisma.experimentTheme.findMany({
      where: { experimentId: { in: [...ids] } },
      include: { theme: true },
      orderBy: [{ theme: { position: 'asc' } }, { theme: { slug: 'asc' } }],
    });
    return groupByKey(ids, rows, (row) => row.experimentId).map((list) =>
      list.map((row) => row.theme),
    );
  }

  /** The partner organisations of each experiment in display order (DataLoader batch). */
  async findPartnersByExperimentIds(ids: readonly string[]): Promise<OrganisationRecord[][]> {
    const rows = await this.prisma.experimentPartner.findMany({
      where: { experimentId: { in: [...ids] } },
      orderBy: [{ position: 'asc' }],
      select: {
        experimentId: true,
        organisation: {
          select: {
            id: true,
            name: true,
            actorType: true,
            territoryId: true,
            siret: true,
            createdById: true,
          },
        },
      },
    });
    return groupByKey(ids, rows, (row) => row.experimentId).map((list) =>
      list.map((row) => row.organisation),
    );
  }

  /** The indicators of each experiment in display order (DataLoader batch). */
  async findIndicatorsByExperimentIds(ids: readonly string[]): Promise<IndicatorRecord[][]> {
    const rows = await this.prisma.indicator.findMany({
      where: { experimentId: { in: [...ids] } },
      orderBy: [{ position: 'asc' }],
    });
    return groupByKey(ids, rows, (row) => row.experimentId);
  }

  /** The measurements of each indicator, oldest first (DataLoader batch). */
  async findMeasurementsByIndicatorIds(ids: readonly string[]): Promise<MeasurementRecord[][]> {
    const rows = await this.prisma.measurement.findMany({
      where: { indicatorId: { in: [...ids] } },
      orderBy: [{ measuredOn: 'asc' }, { recordedAt: 'asc' }, { id: 'asc' }],
    });
    return groupByKey(ids, rows, (row) => row.indicatorId);
  }

  /** Records an experiment with its territories, themes and partners, and its first change. */
  create(
    organisationId: string,
    content: ExperimentContent,
    context: ChangeContext,
  ): Promise<ExperimentRecord> {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.experiment.create({
        data: {
          organisationId,
          ...experimentColumns(content),
          createdById: context.actorId,
          updatedById: context.actorId,
          createdAt: context.at,
          updatedAt: context.at,
        },
      });
      await writeRelations(tx, created.id, content);
      await keepChange(tx, context, {
        experimentId: created.id,
        action: 'experiment.recorded',
        targetType: 'EXPERIMENT',
        targetId: created.id,
        before: null,
        after: experimentSnapshot(created, content),
      });
      return created;
    });
  }

  /**
   * Applies a change in one transaction if the experiment is still at `expectedVersion` (the
   * guarded UPDATE also locks the row, so two concurrent changes cannot both win); its
   * territories, themes and partners are replaced. Null when the guard failed (stale).
   */
  async update(
    id: string,
    expectedVersion: number,
    content: ExperimentContent,
    context: ChangeContext,
  ): Promise<ExperimentRecord | null> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        // Locks the row, so the state read here is the one the change replaces.
        await tx.$queryRaw`SELECT 1 FROM "experiments" WHERE "id" = ${id}::uuid FOR UPDATE`;
        const previous = await tx.experiment.findUnique({ where: { id } });
        if (!previous) throw new GuardFailed();
        const before = experimentSnapshot(previous, await relationIdsOf(tx, id));
        const guarded = await tx.experiment.updateMany({
          where: { id, version: expectedVersion },
          data: {
            ...experimentColumns(content),
            version: { increment: 1 },
            updatedById: context.actorId,
            updatedAt: context.at,
          },
        });
        if (guarded.count === 0) throw new GuardFailed();
        await tx.experimentTerritory.deleteMany({ where: { experimentId: id } });
        await tx.experimentTheme.deleteMany({ where: { experimentId: id } });
        await tx.experimentPartner.deleteMany({ where: { experimentId: id } });
        await writeRelations(tx, id, content);
        const updated = await tx.experiment.findUniqueOrThrow({ where: { id } });
        await keepChange(tx, context, {
          experimentId: id,
          action: 'experiment.updated',
          targetType: 'EXPERIMENT',
          targetId: id,
          before,
          after: experimentSnapshot(updated, content),
        });
        return updated;
      });
    } catch (error) {
      if (error instanceof GuardFailed) return null;
      throw error;
    }
  }

  /** Adds an indicator after the others (the experiment row is locked for its position). */
  addIndicator(
    experimentId: string,
    content: IndicatorContent,
    context: ChangeContext,
  ): Promise<IndicatorRecord> {
    return this.prisma.$transaction(async (tx) => {
      await touchExperiment(tx, experimentId, context);
      const position = await tx.indicator.count({ where: { experimentId } });
      const created = await tx.indicator.create({
        data: { experimentId, ...indicatorColumns(content), position },
      });
      await keepChange(tx, context, {
        experimentId,
        action: 'indicator.added',
        targetType: 'INDICATOR',
        targetId: created.id,
        before: null,
        after: indicatorSnapshot(created),
      });
      return created;
    });
  }

  updateIndicator(
    indicatorId: string,
    experimentId: string,
    content: IndicatorContent,
    context: ChangeContext,
  ): Promise<IndicatorRecord> {
    return this.prisma.$transaction(async (tx) => {
      await touchExperiment(tx, experimentId, context);
      const before = await tx.indicator.findUniqueOrThrow({ where: { id: indicatorId } });
      const updated = await tx.indicator.update({
        where: { id: indicatorId },
        data: indicatorColumns(content),
      });
      await keepChange(tx, context, {
        experimentId,
        action: 'indicator.updated',
        targetType: 'INDICATOR',
        targetId: indicatorId,
        before: indicatorSnapshot(before),
        after: indicatorSnapshot(updated),
      });
      return updated;
    });
  }

  /** Records a measurement and counts it on its experiment (atomic increment). */
  recordMeasurement(
    indicatorId: string,
    experimentId: string,
    content: MeasurementContent,
    context: ChangeContext,
  ): Promise<MeasurementRecord> {
    return this.prisma.$transaction(async (tx) => {
      await tx.experiment.update({
        where: { id: experimentId },
        data: {
          measurementsCount: { increment: 1 },
          updatedById: context.actorId,
          updatedAt: context.at,
        },
      });
      const created = await tx.measurement.create({
        data: {
          indicatorId,
          ...measurementColumns(content),
          recordedById: context.actorId,
          recordedAt: context.at,
        },
      });
      await keepChange(tx, context, {
        experimentId,
        action: 'measurement.recorded',
        targetType: 'MEASUREMENT',
        targetId: created.id,
        before: null,
        after: measurementSnapshot(created),
      });
      return created;
    });
  }

  /**
   * Corrects a measurement. `checkAfter` decides, from the row as locked in the transaction,
   * whether a moderator's check still holds (it does not once anything changed).
   */
  updateMeasurement(
    measurementId: string,
    experimentId: string,
    content: MeasurementContent,
    checkAfter: (before: MeasurementRecord) => Date | null,
    context: ChangeContext,
  ): Promise<MeasurementRecord> {
    return this.prisma.$transaction(async (tx) => {
      await touchExperiment(tx, experimentId, context);
      const before = await lockMeasurement(tx, measurementId);
      const checkedAt = checkAfter(before);
      const updated = await tx.measurement.update({
        where: { id: measurementId },
        data: {
          ...measurementColumns(content),
          checkedAt,
          checkedById: checkedAt ? before.checkedById : null,
        },
      });
      await keepChange(tx, context, {
        experimentId,
        action: 'measurement.updated',
        targetType: 'MEASUREMENT',
        targetId: measurementId,
        before: measurementSnapshot(before),
        after: measurementSnapshot(updated),
      });
      return updated;
    });
  }

  /**
   * A moderator marks a measurement as checked (or withdraws the mark). Nothing is written
   * when it already is in that state.
   */
  checkMeasurement(
    measurementId: string,
    experimentId: string,
    checked: boolean,
    context: ChangeContext,
  ): Promise<MeasurementRecord> {
    return this.prisma.$transaction(async (tx) => {
      const before = await lockMeasurement(tx, measurementId);
      if ((before.checkedAt !== null) === checked) return before;
      const updated = await tx.measurement.update({
        where: { id: measurementId },
        data: checked
          ? { checkedAt: context.at, checkedById: context.actorId }
          : { checkedAt: null, checkedById: null },
      });
      await keepChange(tx, context, {
        experimentId,
        action: checked ? 'measurement.checked' : 'measurement.unchecked',
        targetType: 'MEASUREMENT',
        targetId: measurementId,
        before: measurementSnapshot(before),
        after: measurementSnapshot(updated),
      });
      return updated;
    });
  }
}

/** Marks the experiment as changed by `context` (and locks its row until the commit). */
async function touchExperiment(tx: Tx, experimentId: string, context: ChangeContext) {
  await tx.experiment.update({
    where: { id: experimentId },
    data: { updatedById: context.actorId, updatedAt: context.at },
  });
}

async function lockMeasurement(tx: Tx, id: string): Promise<MeasurementRecord> {
  await tx.$queryRaw`SELECT 1 FROM "measurements" WHERE "id" = ${id}::uuid FOR UPDATE`;
  return tx.measurement.findUniqueOrThrow({ where: { id } });
}
