import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, type Language } from '@passerelle/domain';
import { CurrentUser, Public } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { Organisation } from '../organisations/models/organisation.model';
import { OrganisationsLoaders } from '../organisations/organisations.loaders';
import { type OrganisationRecord } from '../organisations/organisations.repository';
import {
  AddIndicatorInput,
  CheckMeasurementInput,
  ExperimentFilter,
  ExperimentsArgs,
  RecordExperimentInput,
  RecordMeasurementInput,
  UpdateExperimentInput,
  UpdateIndicatorInput,
  UpdateMeasurementInput,
} from './dto/experiment.inputs';
import { ExperimentFiguresService } from './experiment-figures.service';
import { ExperimentsService } from './experiments.service';
import { DepartementExperiments, ExperimentConnection } from './models/experiment-connection.model';
import {
  Experiment,
  experimentFromRow,
  Indicator,
  indicatorFromRow,
  Measurement,
  measurementFromRow,
  type MeasurementView,
} from './models/experiment.model';

/** The experiments registry: public reads, members' changes and moderators' checks. */
@Resolver(() => Experiment)
export class ExperimentsResolver {
  constructor(
    private readonly service: ExperimentsService,
    private readonly figures: ExperimentFiguresService,
    private readonly organisationLoaders: OrganisationsLoaders,
  ) {}

  @Public()
  @Query(() => ExperimentConnection, {
    description:
      'The registry: experiments matching the filter, most recently updated first (keyset pagination: `first`, `after`).',
  })
  async experiments(@Args() args: ExperimentsArgs, @Lang() lang: Language) {
    const page = await this.service.list(args.filter, args.first, args.after, lang);
    return { ...page, nodes: page.nodes.map(experimentFromRow) };
  }

  @Public()
  @Query(() => Experiment, {
    nullable: true,
    description: 'Null when there is no such experiment.',
  })
  async experiment(@Args('id', { type: () => ID }) id: string): Promise<Experiment | null> {
    const row = await this.service.get(id);
    return row ? experimentFromRow(row) : null;
  }

  @Public()
  @Query(() => [DepartementExperiments], {
    description:
      'For the map: per département (by code), the experiments matching the filter located in it or in one of its communes.',
  })
  experimentsByDepartement(
    @Args('filter', { type: () => ExperimentFilter, nullable: true })
    filter: ExperimentFilter | null,
    @Lang() lang: Language,
  ) {
    return this.service.byDepartement(filter, lang);
  }

  @Public()
  @Query(() => [Organisation], {
    description:
      'The organisations the viewer may record experiments for (those they are a member of); [] when anonymous.',
  })
  async myExperimentOrganisations(
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<OrganisationRecord[]> {
    return actor ? this.organisationLoaders.byMemberId(loaders).load(actor.id) : [];
  }

  @Mutation(() => Experiment, {
    description:
      'A member of the organisation records one of its experiments (FORBIDDEN / NOT_AN_EXPERIMENT_MEMBER otherwise).',
  })
  @RateLimit('editExperiment')
  async recordExperiment(
    @Args('input', { type: () => RecordExperimentInput }) input: RecordExperimentInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<Experiment> {
    return experimentFromRow(await this.service.record(actor, input, lang));
  }

  @Mutation(() => Experiment, {
    description:
      'A member of the carrying organisation changes the experiment; CONFLICT / STALE_VERSION when `expectedVersion` is not the current one.',
  })
  @RateLimit('editExperiment')
  async updateExperiment(
    @Args('input', { type: () => UpdateExperimentInput }) input: UpdateExperimentInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<Experiment> {
    return experimentFromRow(await this.service.update(actor, input, lang));
  }

  @Mutation(() => Indicator, { description: 'A member adds an impact indicator.' })
  @RateLimit('editExperiment')
  async addIndicator(
    @Args('input', { type: () => AddIndicatorInput }) input: AddIndicatorInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<Indicator> {
    return indicatorFromRow(await this.figures.addIndicator(actor, input, lang));
  }

  @Mutation(() => Indicator, { description: 'A member changes an indicator.' })
  @RateLimit('editExperiment')
  async updateIndicator(
    @Args('input', { type: () => UpdateIndicatorInput }) input: UpdateIndicatorInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<Indicator> {
    return indicatorFromRow(await this.figures.updateIndicator(actor, input, lang));
  }

  @Mutation(() => Measurement, { description: 'A member records a dated figure with its source.' })
  @RateLimit('editExperiment')
  async recordMeasurement(
    @Args('input', { type: () => RecordMeasurementInput }) input: RecordMeasurementInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<MeasurementView> {
    return measurementFromRow(await this.figures.recordMeasurement(actor, input, lang));
  }

  @Mutation(() => Measurement, {
    description: "A member corrects a figure; any change withdraws a moderator's check.",
  })
  @RateLimit('editExperiment')
  async updateMeasurement(
    @Args('input', { type: () => UpdateMeasurementInput }) input: UpdateMeasurementInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<MeasurementView> {
    return measurementFromRow(await this.figures.updateMeasurement(actor, input, lang));
  }

  @Mutation(() => Measurement, {
    description:
      'A moderator or administrator marks a figure as checked against its source (or withdraws the mark); FORBIDDEN / OWN_FIGURE_CHECK for a member of the carrier.',
  })
  @RateLimit('editExperiment')
  async checkMeasurement(
    @Args('input', { type: () => CheckMeasurementInput }) input: CheckMeasurementInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<MeasurementView> {
    return measurementFromRow(await this.figures.checkMeasurement(actor, input, lang));
  }
}
