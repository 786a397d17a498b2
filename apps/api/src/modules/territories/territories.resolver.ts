import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Language } from '@passerelle/domain';
import { Public } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { TerritoriesArgs } from './dto/territories.args';
import { Territory } from './models/territory.model';
import { TerritoriesLoaders } from './territories.loaders';
import { type TerritoryRecord } from './territories.repository';
import { TerritoriesService } from './territories.service';

@Resolver(() => Territory)
export class TerritoriesResolver {
  constructor(
    private readonly service: TerritoriesService,
    private readonly territoryLoaders: TerritoriesLoaders,
  ) {}

  @Public()
  @Query(() => [Territory], {
    description: 'Autocomplete: accent-insensitive match on the name, or an exact official code.',
  })
  territories(@Args() args: TerritoriesArgs, @Lang() lang: Language): Promise<TerritoryRecord[]> {
    return this.service.search(args.search, args.levels, args.first ?? 10, lang);
  }

  @ResolveField(() => Territory, { nullable: true })
  parent(
    @Parent() territory: TerritoryRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<TerritoryRecord | null> | null {
    return territory.parentId ? this.territoryLoaders.byId(loaders).load(territory.parentId) : null;
  }
}
