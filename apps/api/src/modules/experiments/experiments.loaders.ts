import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { type OrganisationRecord } from '../organisations/organisations.repository';
import { type ThemeRecord } from '../themes/themes.repository';
import { type TerritoryRecord } from '../territories/territories.repository';
import {
  type ExperimentRecord,
  ExperimentsRepository,
  type IndicatorRecord,
  type MeasurementRecord,
} from './experiments.repository';

/** Per-request batched access to experiments and what hangs off them (no N+1 in lists). */
@Injectable()
export class ExperimentsLoaders {
  constructor(private readonly repository: ExperimentsRepository) {}

  byId(loaders: LoaderRegistry): DataLoader<string, ExperimentRecord | null> {
    return loaders.get('experiments.byId', (ids: readonly string[]) =>
      this.repository.findByIds(ids),
    );
  }

  territoriesByExperimentId(loaders: LoaderRegistry): DataLoader<string, TerritoryRecord[]> {
    return loaders.get('experiments.territoriesByExperimentId', (ids: readonly string[]) =>
      this.repository.findTerritoriesByExperimentIds(ids),
    );
  }

  themesByExperimentId(loaders: LoaderRegistry): DataLoader<string, ThemeRecord[]> {
    return loaders.get('experiments.themesByExperimentId', (ids: readonly string[]) =>
      this.repository.findThemesByExperimentIds(ids),
    );
  }

  partnersByExperimentId(loaders: LoaderRegistry): DataLoader<string, OrganisationRecord[]> {
    return loaders.get('experiments.partnersByExperimentId', (ids: readonly string[]) =>
      this.repository.findPartnersByExperimentIds(ids),
    );
  }

  indicatorsByExperimentId(loaders: LoaderRegistry): DataLoader<string, IndicatorRecord[]> {
    return loaders.get('experiments.indicatorsByExperimentId', (ids: readonly string[]) =>
      this.repository.findIndicatorsByExperimentIds(ids),
    );
  }

  measurementsByIndicatorId(loaders: LoaderRegistry): DataLoader<string, MeasurementRecord[]> {
    return loaders.get('experiments.measurementsByIndicatorId', (ids: readonly string[]) =>
      this.repository.findMeasurementsByIndicatorIds(ids),
    );
  }
}
