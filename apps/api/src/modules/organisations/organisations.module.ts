import { Module } from '@nestjs/common';
import { OrganisationsLoaders } from './organisations.loaders';
import { OrganisationsRepository } from './organisations.repository';

/**
 * Organisations' data access, for the modules that show them (users, proposals). The GraphQL
 * operations live in OrganisationsApiModule, which needs those modules in turn.
 */
@Module({
  providers: [OrganisationsRepository, OrganisationsLoaders],
  exports: [OrganisationsRepository, OrganisationsLoaders],
})
export class OrganisationsModule {}
