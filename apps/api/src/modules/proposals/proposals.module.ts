import { Module } from '@nestjs/common';
import { ConsultationsModule } from '../consultations/consultations.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { TerritoriesModule } from '../territories/territories.module';
import { ThemesModule } from '../themes/themes.module';
import { UsersModule } from '../users/users.module';
import { ProposalsRepository } from './proposals.repository';
import { ProposalsResolver } from './proposals.resolver';
import { ProposalsService } from './proposals.service';

@Module({
  imports: [ConsultationsModule, ThemesModule, TerritoriesModule, UsersModule, OrganisationsModule],
  providers: [ProposalsResolver, ProposalsService, ProposalsRepository],
})
export class ProposalsModule {}
