import { Args, Float, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  type Actor,
  can,
  changedFields,
  type Language,
  summariseIndicator,
} from '@passerelle/domain';
import { CurrentUser } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { Organisation } from '../organisations/models/organisation.model';
import { OrganisationsLoaders } from '../organisations/organisations.loaders';
import { type OrganisationRecord } from '../organisations/organisations.repository';
import { required } from '../proposals/proposal-fields.resolver';
import { Territory } from '../territories/models/territory.model';
import { type TerritoryRecord } from '../territories/territories.repository';
import { Theme } from '../themes/models/theme.model';
import { type ThemeRecord } from '../themes/themes.repository';
import { Participant } from '../users/models/participant.model';
import { UsersLoaders } from '../users/users.loaders';
import { type UserRecord } from '../users/users.repository';
import { ExperimentHistoryArgs } from './dto/experiment.inputs';
import { type ExperimentChangeRecord } from './experiment-list.repository';
import { ExperimentsLoaders } from './experiments.loaders';
import { ExperimentsService } from './experiments.service';
import { ExperimentChange, ExperimentChangeConnection } from './models/experiment-connection.model';
import {
  Experiment,
  Indicator,
  indicatorFromRow,
  Measurement,
  measurementFromRow,
  type MeasurementView,
} from './models/experiment.model';

/** Whether the viewer is a member of an organisation (their organisations, one read per request). */
async function isMemberOf(
  organisationLoaders: OrganisationsLoaders,
  loaders: LoaderRegistry,
  actor: Actor,
  organisationId: string,
): Promise<boolean> {
  if (!actor) return false;
  const organisations = await organisationLoaders.byMemberId(loaders).load(actor.id);
  return organisations.some((organisation) => organisation.id === organisationId);
}

/** The fields of an experiment, each batched per request (no N+1 in lists). */
@Resolver(() => Experiment)
export class ExperimentFieldsResolver {
  constructor(
    private readonly service: ExperimentsService,
    private readonly experimentLoaders: ExperimentsLoaders,
    private readonly organisationLoaders: OrganisationsLoaders,
  ) {}

  @ResolveField(() => Organisation, { description: 'The carrying organisation.' })
  organisation(
    @Parent() experiment: Experiment,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<OrganisationRecord> {
    return required(
      this.organisationLoaders.byId(loaders).load(experiment.organisationId),
      'organisation',
    );
  }

  @ResolveField(() => [Organisation], { description: 'The other actors involved, in order.' })
  partners(
    @Parent() experiment: Experiment,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<OrganisationRecord[]> {
    return this.experimentLoaders.partnersByExperimentId(loaders).load(experiment.id);
  }

  @ResolveField(() => [Territory], { description: 'Where it happens, in order.' })
  territories(
    @Parent() experiment: Experiment,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<TerritoryRecord[]> {
    return this.experimentLoaders.territoriesByExperimentId(loaders).load(experiment.id);
  }

  @ResolveField(() => [Theme])
  themes(
    @Parent() experiment: Experiment,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ThemeRecord[]> {
    return this.experimentLoaders.themesByExperimentId(loaders).load(experiment.id);
  }

  @ResolveField(() => [Indicator], { description: 'Impact indicators, in order.' })
  async indicators(
    @Parent() experiment: Experiment,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<Indicator[]> {
    const rows = await this.experimentLoaders.indicatorsByExperimentId(loaders).load(experiment.id);
    return rows.map(indicatorFromRow);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the viewer may change it: a member of the carrying organisation.',
  })
  viewerCanEdit(
    @Parent() experiment: Experiment,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> {
    return isMemberOf(this.organisationLoaders, loaders, actor, experiment.organisationId);
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the viewer may check its figures: a moderator or administrator who is not a member of the carrier.',
  })
  async viewerCanCheck(
    @Parent() experiment: Experiment,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> {
    if (!can(actor, 'experiment.checkFigures')) return false;
    return !(await isMemberOf(this.organisationLoaders, loaders, actor, experiment.organisationId));
  }

  @ResolveField(() => ExperimentChangeConnection, {
    description: 'Every change with who and when, newest first.',
  })
  async history(
    @Parent() experiment: Experiment,
    @Args() args: ExperimentHistoryArgs,
    @Lang() lang: Language,
  ): Promise<ExperimentChangeConnection> {
    const page = await this.service.history(experiment.id, args.first, args.after, lang);
    return { ...page, nodes: page.nodes.map(changeView) };
  }
}

type ChangeView = ExperimentChange;

/** A history row as the API answers it: the fields it touched, not its JSON snapshots. */
function changeView(row: ExperimentChangeRecord): ChangeView {
  const asObject = (value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  return {
    id: row.id,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    createdAt: row.createdAt,
    actorId: row.actorId,
    changedFields: changedFields(asObject(row.before), asObject(row.after) ?? {}),
  };
}

/** An indicator's measurements and what the page says of them (domain summariseIndicator). */
@Resolver(() => Indicator)
export class IndicatorFieldsResolver {
  constructor(private readonly experimentLoaders: ExperimentsLoaders) {}

  private async summary(indicator: Indicator, loaders: LoaderRegistry) {
    const rows = await this.experimentLoaders.measurementsByIndicatorId(loaders).load(indicator.id);
    return summariseIndicator(indicator, rows.map(measurementFromRow));
  }

  @ResolveField(() => [Measurement], { description: 'Oldest first (the chart and its table).' })
  async measurements(
    @Parent() indicator: Indicator,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<MeasurementView[]> {
    return (await this.summary(indicator, loaders)).series;
  }

  @ResolveField(() => Measurement, { nullable: true, description: 'The newest figure.' })
  async latest(
    @Parent() indicator: Indicator,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<MeasurementView | null> {
    return (await this.summary(indicator, loaders)).latest;
  }

  @ResolveField(() => Measurement, {
    nullable: true,
    description: 'The newest figure a moderator checked (what briefs quote).',
  })
  async latestChecked(
    @Parent() indicator: Indicator,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<MeasurementView | null> {
    return (await this.summary(indicator, loaders)).latestChecked;
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: 'The newest checked figure minus the baseline, when both exist.',
  })
  async changeFromBaseline(
    @Parent() indicator: Indicator,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<number | null> {
    return (await this.summary(indicator, loaders)).changeFromBaseline;
  }
}

@Resolver(() => Measurement)
export class MeasurementFieldsResolver {
  constructor(private readonly userLoaders: UsersLoaders) {}

  @ResolveField(() => Participant, { nullable: true, description: 'Who recorded it.' })
  recordedBy(
    @Parent() measurement: MeasurementView,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserRecord | null> {
    return this.userLoaders.byId(loaders).load(measurement.recordedById);
  }
}

@Resolver(() => ExperimentChange)
export class ExperimentChangeFieldsResolver {
  constructor(private readonly userLoaders: UsersLoaders) {}

  @ResolveField(() => Participant, { nullable: true, description: 'Who made the change.' })
  actor(
    @Parent() change: ExperimentChange,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserRecord | null> {
    return this.userLoaders.byId(loaders).load(change.actorId);
  }
}
