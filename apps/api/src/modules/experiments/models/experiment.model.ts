import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ExperimentStatus, IndicatorKind, IndicatorUnit } from '@passerelle/domain';
import type {
  Experiment as ExperimentRow,
  Indicator as IndicatorRow,
  Measurement as MeasurementRow,
} from '../../../generated/prisma/client';

registerEnumType(ExperimentStatus, { name: 'ExperimentStatus' });
registerEnumType(IndicatorKind, {
  name: 'IndicatorKind',
  description: 'What an impact indicator measures; each kind accepts its own units.',
});
registerEnumType(IndicatorUnit, { name: 'IndicatorUnit' });

export { ExperimentStatus, IndicatorKind, IndicatorUnit };

/** A calendar day stored as a DATE column, as the YYYY-MM-DD the API speaks. */
export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

@ObjectType({
  description:
    'A territorial experiment carried by an organisation (often a PTCE), with its impact indicators.',
})
export class Experiment {
  @Field(() => ID)
  id!: string;

  /** The carrying organisation (resolved by the experiments module). */
  organisationId!: string;

  @Field()
  name!: string;

  @Field({ description: 'Plain text as written; paragraphs separated by blank lines.' })
  description!: string;

  @Field(() => ExperimentStatus)
  status!: ExperimentStatus;

  @Field({ description: 'YYYY-MM-DD.' })
  startedOn!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while running.' })
  endedOn!: string | null;

  @Field(() => [String], { description: 'Web pages about the experiment (http or https).' })
  links!: string[];

  @Field(() => Int, { description: 'Changes name the version they were made on.' })
  version!: number;

  @Field(() => Int, { description: 'Measurements recorded across its indicators.' })
  measurementsCount!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

/** The GraphQL object of a stored experiment row (nested fields are resolved on demand). */
export function experimentFromRow(row: ExperimentRow): Experiment {
  return {
    id: row.id,
    organisationId: row.organisationId,
    name: row.name,
    description: row.description,
    status: row.status,
    startedOn: dayOf(row.startedOn),
    endedOn: row.endedOn ? dayOf(row.endedOn) : null,
    links: row.links,
    version: row.version,
    measurementsCount: row.measurementsCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

@ObjectType({ description: 'A dated figure of an impact indicator, with its source.' })
export class Measurement {
  @Field(() => ID)
  id!: string;

  indicatorId!: string;

  @Field(() => Float)
  value!: number;

  @Field({ description: 'YYYY-MM-DD: the day the figure describes.' })
  measuredOn!: string;

  @Field({ description: 'Where the figure comes from (required).' })
  source!: string;

  @Field(() => String, { nullable: true })
  sourceUrl!: string | null;

  @Field()
  recordedAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description:
      'When a moderator checked it against its source; null until then or after a change.',
  })
  checkedAt!: Date | null;
}

@ObjectType({ description: "An experiment's impact indicator: unit, baseline and measurements." })
export class Indicator {
  @Field(() => ID)
  id!: string;

  experimentId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => IndicatorKind)
  kind!: IndicatorKind;

  @Field(() => IndicatorUnit)
  unit!: IndicatorUnit;

  @Field(() => Float, { nullable: true })
  baseline!: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD of the baseline.' })
  baselineOn!: string | null;
}

/** The GraphQL object of a stored indicator row. */
export function indicatorFromRow(row: IndicatorRow): Indicator {
  return {
    id: row.id,
    experimentId: row.experimentId,
    name: row.name,
    description: row.description,
    kind: row.kind,
    unit: row.unit,
    baseline: row.baseline,
    baselineOn: row.baselineOn ? dayOf(row.baselineOn) : null,
  };
}

/** A measurement as the API answers it, with who recorded it (resolved on demand). */
export type MeasurementView = Measurement & { recordedById: string };

/** The GraphQL object of a stored measurement row. */
export function measurementFromRow(row: MeasurementRow): MeasurementView {
  return {
    id: row.id,
    indicatorId: row.indicatorId,
    value: row.value,
    measuredOn: dayOf(row.measuredOn),
    source: row.source,
    sourceUrl: row.sourceUrl,
    recordedAt: row.recordedAt,
    checkedAt: row.checkedAt,
    recordedById: row.recordedById,
  };
}
