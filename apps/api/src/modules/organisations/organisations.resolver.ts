import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Loaders } from '../../common/graphql/graphql-context';
import { Territory } from '../territories/models/territory.model';
import { TerritoriesLoaders } from '../territories/territories.loaders';
import { type TerritoryRecord } from '../territories/territories.repository';
import { Organisation } from './models/organisation.model';
import { type OrganisationRecord } from './organisations.repository';

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(private readonly territoryLoaders: TerritoriesLoaders) {}

  @ResolveField(() => Territory, { nullable: true })
  territory(
    @Parent() organisation: OrganisationRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<TerritoryRecord | null> | null {
    return organisation.territoryId
      ? this.territoryLoaders.byId(loaders).load(organisation.territoryId)
      : null;
  }
}
