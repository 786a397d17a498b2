import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../proposals/models/proposal-connection.model';
import { Territory } from '../../territories/models/territory.model';
import { type TerritoryRecord } from '../../territories/territories.repository';
import { Experiment } from './experiment.model';

@ObjectType({ description: 'A page of experiments, most recently updated first.' })
export class ExperimentConnection {
  @Field(() => [Experiment])
  nodes!: Experiment[];

  @Field(() => Int, { description: 'Experiments matching the filter, across all pages.' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({
  description:
    'How many experiments (matching the filter) have a territory in a département: the département itself or one of its communes. A région-level territory counts for none of its départements (the map shows where things happen).',
})
export class DepartementExperiments {
  @Field(() => Territory)
  departement!: TerritoryRecord;

  @Field(() => Int)
  count!: number;
}

@ObjectType({
  description:
    'One change of an experiment, of one of its indicators or of one of its measurements, with who and when.',
})
export class ExperimentChange {
  @Field(() => ID)
  id!: string;

  @Field({
    description:
      'experiment.recorded | experiment.updated | indicator.added | indicator.updated | measurement.recorded | measurement.updated | measurement.checked | measurement.unchecked',
  })
  action!: string;

  @Field({ description: 'EXPERIMENT | INDICATOR | MEASUREMENT' })
  targetType!: string;

  @Field(() => ID)
  targetId!: string;

  @Field()
  createdAt!: Date;

  /** Who made it (resolved on demand). */
  actorId!: string;

  @Field(() => [String], {
    description: 'The fields the change touched, sorted (every field on a creation).',
  })
  changedFields!: string[];
}

@ObjectType({ description: "A page of an experiment's history, newest first." })
export class ExperimentChangeConnection {
  @Field(() => [ExperimentChange])
  nodes!: ExperimentChange[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
