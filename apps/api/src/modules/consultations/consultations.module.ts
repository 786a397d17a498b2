import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { TerritoriesModule } from '../territories/territories.module';
import { ThemesModule } from '../themes/themes.module';
import { ConsultationsLoaders } from './consultations.loaders';
import { ConsultationsRepository } from './consultations.repository';
import { ConsultationsResolver } from './consultations.resolver';
import { ConsultationsService } from './consultations.service';

@Module({
  imports: [AuditModule, TerritoriesModule, ThemesModule],
  providers: [
    ConsultationsResolver,
    ConsultationsService,
    ConsultationsRepository,
    ConsultationsLoaders,
  ],
  exports: [ConsultationsRepository, ConsultationsLoaders],
})
export class ConsultationsModule {}
