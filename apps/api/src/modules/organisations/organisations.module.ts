import { Module } from '@nestjs/common';
import { TerritoriesModule } from '../territories/territories.module';
import { OrganisationsLoaders } from './organisations.loaders';
import { OrganisationsRepository } from './organisations.repository';
import { OrganisationsResolver } from './organisations.resolver';

@Module({
  imports: [TerritoriesModule],
  providers: [OrganisationsResolver, OrganisationsRepository, OrganisationsLoaders],
  exports: [OrganisationsRepository, OrganisationsLoaders],
})
export class OrganisationsModule {}
