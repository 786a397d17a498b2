import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { TerritoriesModule } from '../territories/territories.module';
import { ThemesModule } from '../themes/themes.module';
import { ConsultationModeratorsRepository } from './consultation-moderators.repository';
import { ConsultationModeratorsResolver } from './consultation-moderators.resolver';
import { ViewerModeration } from './viewer-moderation';
import { ConsultationModeratorsService } from './consultation-moderators.service';
import { ConsultationsLoaders } from './consultations.loaders';
import { ConsultationsRepository } from './consultations.repository';
import { ConsultationsResolver } from './consultations.resolver';
import { ConsultationsService } from './consultations.service';

@Module({
  imports: [AuditModule, OrganisationsModule, TerritoriesModule, ThemesModule],
  providers: [
    ConsultationsResolver,
    ConsultationsService,
    ConsultationsRepository,
    ConsultationsLoaders,
    ConsultationModeratorsResolver,
    ConsultationModeratorsService,
    ConsultationModeratorsRepository,
    ViewerModeration,
  ],
  exports: [
    ConsultationsRepository,
    ConsultationsLoaders,
    ConsultationModeratorsRepository,
    ViewerModeration,
  ],
})
export class ConsultationsModule {}
