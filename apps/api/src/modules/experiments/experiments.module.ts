import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { TerritoriesModule } from '../territories/territories.module';
import { ThemesModule } from '../themes/themes.module';
import { UsersModule } from '../users/users.module';
import {
  ExperimentChangeFieldsResolver,
  ExperimentFieldsResolver,
  IndicatorFieldsResolver,
  MeasurementFieldsResolver,
} from './experiment-fields.resolver';
import { ExperimentFiguresService } from './experiment-figures.service';
import { ExperimentListRepository } from './experiment-list.repository';
import { ExperimentsLoaders } from './experiments.loaders';
import { ExperimentsRepository } from './experiments.repository';
import { ExperimentsResolver } from './experiments.resolver';
import { ExperimentsService } from './experiments.service';

/** The experiments registry (issue 10): experiments, impact indicators, measurements, checks. */
@Module({
  imports: [OrganisationsModule, TerritoriesModule, ThemesModule, UsersModule],
  providers: [
    ExperimentsResolver,
    ExperimentFieldsResolver,
    IndicatorFieldsResolver,
    MeasurementFieldsResolver,
    ExperimentChangeFieldsResolver,
    ExperimentsService,
    ExperimentFiguresService,
    ExperimentsRepository,
    ExperimentListRepository,
    ExperimentsLoaders,
  ],
  exports: [ExperimentsRepository, ExperimentsLoaders],
})
export class ExperimentsModule {}
