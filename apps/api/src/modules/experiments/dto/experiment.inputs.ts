import { ArgsType, Field, Float, ID, InputType, Int, OmitType } from '@nestjs/graphql';
import { EXPERIMENT_LIMITS as L } from '@passerelle/domain';
import { ActorType } from '../../../common/graphql/enums';
import { ExperimentStatus, IndicatorKind, IndicatorUnit } from '../models/experiment.model';

/** Page sizes of the registry. */
export const EXPERIMENTS_PAGE_DEFAULT = 20;
export const EXPERIMENTS_PAGE_MAX = 50;
export const EXPERIMENTS_QUERY_MAX = 100;

@InputType({ description: 'Validated by the domain (recordExperimentInputSchema).' })
export class RecordExperimentInput {
  @Field(() => ID, { description: 'The carrying organisation: the viewer must be a member.' })
  organisationId!: string;

  @Field({ description: `${L.nameMin} to ${L.nameMax} characters.` })
  name!: string;

  @Field({ description: `${L.descriptionMin} to ${L.descriptionMax} characters, plain text.` })
  description!: string;

  @Field(() => [ID], {
    description: `${L.territoriesMin} to ${L.territoriesMax} territory ids (e.g. COMMUNE-38456), in display order.`,
  })
  territoryIds!: string[];

  @Field(() => [ID], {
    nullable: true,
    description: `Up to ${L.partnersMax} partner organisations, in display order (not the carrier).`,
  })
  partnerOrganisationIds?: string[] | null;

  @Field(() => [ID], { description: `${L.themesMin} to ${L.themesMax} themes.` })
  themeIds!: string[];

  @Field(() => ExperimentStatus)
  status!: ExperimentStatus;

  @Field({ description: 'YYYY-MM-DD, not in the future.' })
  startedOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: required when ENDED or STOPPED, absent while RUNNING.',
  })
  endedOn?: string | null;

  @Field(() => [String], { nullable: true, description: `Up to ${L.linksMax} http(s) links.` })
  links?: string[] | null;
}

@InputType({ description: 'Every field is written again; CONFLICT (STALE_VERSION) when stale.' })
export class UpdateExperimentInput extends OmitType(
  RecordExperimentInput,
  ['organisationId'] as const,
  InputType,
) {
  @Field(() => ID)
  experimentId!: string;

  @Field(() => Int, { description: 'The `version` the change was made on.' })
  expectedVersion!: number;
}

@InputType({ description: 'Validated by the domain (indicatorInputSchema).' })
export class AddIndicatorInput {
  @Field(() => ID)
  experimentId!: string;

  @Field({ description: `${L.indicatorNameMin} to ${L.indicatorNameMax} characters.` })
  name!: string;

  @Field(() => String, { nullable: true, description: `Up to ${L.indicatorDescriptionMax}.` })
  description?: string | null;

  @Field(() => IndicatorKind)
  kind!: IndicatorKind;

  @Field(() => IndicatorUnit, { description: 'One of the units of its kind (OTHER takes any).' })
  unit!: IndicatorUnit;

  @Field(() => Float, { nullable: true, description: 'Given with baselineOn, or neither.' })
  baseline?: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not in the future.' })
  baselineOn?: string | null;
}

@InputType({ description: 'Every field is written again.' })
export class UpdateIndicatorInput extends OmitType(
  AddIndicatorInput,
  ['experimentId'] as const,
  InputType,
) {
  @Field(() => ID)
  indicatorId!: string;
}

@InputType({ description: 'Validated by the domain (measurementInputSchema).' })
export class RecordMeasurementInput {
  @Field(() => ID)
  indicatorId!: string;

  @Field(() => Float, { description: `0 to ${L.valueMax}.` })
  value!: number;

  @Field({ description: 'YYYY-MM-DD: the day the figure describes, not in the future.' })
  measuredOn!: string;

  @Field({ description: `Where the figure comes from, ${L.sourceMin} to ${L.sourceMax}.` })
  source!: string;

  @Field(() => String, { nullable: true })
  sourceUrl?: string | null;
}

@InputType({ description: "A correction: withdraws a moderator's check when anything changes." })
export class UpdateMeasurementInput extends OmitType(
  RecordMeasurementInput,
  ['indicatorId'] as const,
  InputType,
) {
  @Field(() => ID)
  measurementId!: string;
}

@InputType()
export class CheckMeasurementInput {
  @Field(() => ID)
  measurementId!: string;

  @Field({
    description: 'true marks the figure as checked against its source; false withdraws it.',
  })
  checked!: boolean;
}

@InputType({ description: 'Every given criterion must hold.' })
export class ExperimentFilter {
  @Field(() => ID, { nullable: true })
  themeId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Experiments with a territory inside this one: a région matches its départements and communes, a département its communes.',
  })
  territoryId?: string | null;

  @Field(() => ActorType, {
    nullable: true,
    description: "The carrier's or any partner's actor type.",
  })
  actorType?: ActorType | null;

  @Field(() => IndicatorKind, { nullable: true })
  indicatorKind?: IndicatorKind | null;

  @Field(() => ExperimentStatus, { nullable: true })
  status?: ExperimentStatus | null;

  @Field(() => String, {
    nullable: true,
    description: `Words of the name (case and accents ignored), up to ${EXPERIMENTS_QUERY_MAX} characters.`,
  })
  query?: string | null;
}

@ArgsType()
export class ExperimentsArgs {
  @Field(() => ExperimentFilter, { nullable: true })
  filter?: ExperimentFilter | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: EXPERIMENTS_PAGE_DEFAULT,
    description: `Page size, 1 to ${EXPERIMENTS_PAGE_MAX}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: '`endCursor` of the previous page.' })
  after?: string | null;
}

@ArgsType()
export class ExperimentHistoryArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: '1 to 50.' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
