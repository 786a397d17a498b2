import { Injectable } from '@nestjs/common';
import {
  type Actor,
  assertCanCheckFigures,
  assertCanEditExperiment,
  checkAfterChange,
  DomainError,
  DomainErrorCode,
  type Language,
  parseCheckMeasurementInput,
  parseIndicatorInput,
  parseMeasurementInput,
  parseUpdateIndicatorInput,
  parseUpdateMeasurementInput,
} from '@passerelle/domain';
import { isUuid } from '../../common/graphql/ids';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { dayOf } from './models/experiment.model';
import {
  ExperimentsRepository,
  type IndicatorContent,
  type IndicatorRecord,
  type MeasurementContent,
  type MeasurementRecord,
} from './experiments.repository';
import { signedIn } from './experiments.service';

const indicatorContent = (data: IndicatorContent): IndicatorContent => ({
  name: data.name,
  description: data.description,
  kind: data.kind,
  unit: data.unit,
  baseline: data.baseline,
  baselineOn: data.baselineOn,
});

const measurementContent = (data: MeasurementContent): MeasurementContent => ({
  value: data.value,
  measuredOn: data.measuredOn,
  source: data.source,
  sourceUrl: data.sourceUrl,
});

/**
 * An experiment's figures: members of the carrying organisation add and change indicators and
 * record and correct measurements; moderators who are not members check them.
 */
@Injectable()
export class ExperimentFiguresService {
  constructor(
    private readonly experiments: ExperimentsRepository,
    private readonly organisations: OrganisationsRepository,
  ) {}

  async addIndicator(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<IndicatorRecord> {
    const user = signedIn(actor, lang);
    const data = parseIndicatorInput(input, now, lang);
    const experiment = await this.experiments.findById(data.experimentId);
    if (!experiment) throw new DomainError(DomainErrorCode.EXPERIMENT_NOT_FOUND, undefined, lang);
    await this.assertCanEdit(user.id, experiment.organisationId);
    return this.experiments.addIndicator(experiment.id, indicatorContent(data), {
      actorId: user.id,
      at: now,
    });
  }

  async updateIndicator(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<IndicatorRecord> {
    const user = signedIn(actor, lang);
    const data = parseUpdateIndicatorInput(input, now, lang);
    const indicator = await this.editableIndicator(user.id, data.indicatorId, lang);
    return this.experiments.updateIndicator(
      indicator.id,
      indicator.experimentId,
      indicatorContent(data),
      { actorId: user.id, at: now },
    );
  }

  async recordMeasurement(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<MeasurementRecord> {
    const user = signedIn(actor, lang);
    const data = parseMeasurementInput(input, now, lang);
    const indicator = await this.editableIndicator(user.id, data.indicatorId, lang);
    return this.experiments.recordMeasurement(
      indicator.id,
      indicator.experimentId,
      measurementContent(data),
      { actorId: user.id, at: now },
    );
  }

  /** A correction; a moderator's check holds only if nothing changed (checkAfterChange). */
  async updateMeasurement(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<MeasurementRecord> {
    const user = signedIn(actor, lang);
    const data = parseUpdateMeasurementInput(input, now, lang);
    const measurement = await this.findMeasurement(data.measurementId, lang);
    const experiment = measurement.indicator.experiment;
    await this.assertCanEdit(user.id, experiment.organisationId);
    const content = measurementContent(data);
    return this.experiments.updateMeasurement(
      measurement.id,
      experiment.id,
      content,
      (before) =>
        checkAfterChange(
          {
            value: before.value,
            measuredOn: dayOf(before.measuredOn),
            source: before.source,
            sourceUrl: before.sourceUrl,
            checkedAt: before.checkedAt,
          },
          content,
        ),
      { actorId: user.id, at: now },
    );
  }

  /** A moderator or administrator who is not a member of the carrier checks (or unchecks). */
  async checkMeasurement(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<MeasurementRecord> {
    const user = signedIn(actor, lang);
    const data = parseCheckMeasurementInput(input, lang);
    const measurement = await this.findMeasurement(data.measurementId, lang);
    const experiment = measurement.indicator.experiment;
    const membership = await this.organisations.findMembership(user.id, experiment.organisationId);
    assertCanCheckFigures(user, membership);
    return this.experiments.checkMeasurement(measurement.id, experiment.id, data.checked, {
      actorId: user.id,
      at: now,
    });
  }

  private async findMeasurement(id: string, lang: Language) {
    const measurement = isUuid(id) ? await this.experiments.findMeasurement(id) : null;
    if (!measurement) {
      throw new DomainError(DomainErrorCode.MEASUREMENT_NOT_FOUND, undefined, lang);
    }
    return measurement;
  }

  /** The indicator, if it exists and `userId` is a member of its experiment's carrier. */
  private async editableIndicator(userId: string, indicatorId: string, lang: Language) {
    const indicator = await this.experiments.findIndicator(indicatorId);
    if (!indicator) throw new DomainError(DomainErrorCode.INDICATOR_NOT_FOUND, undefined, lang);
    await this.assertCanEdit(userId, indicator.experiment.organisationId);
    return indicator;
  }

  private async assertCanEdit(userId: string, organisationId: string) {
    assertCanEditExperiment(await this.organisations.findMembership(userId, organisationId));
  }
}
