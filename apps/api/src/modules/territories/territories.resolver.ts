import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Language } from '@passerelle/domain';
import { Public } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { invalidArgument } from '../../common/graphql/ids';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { TerritoriesArgs } from './dto/territories.args';
import { Territory } from './models/territory.model';
import { TerritoriesLoaders } from './territories.loaders';
import { type TerritoryRecord } from './territories.repository';
import { TerritoriesService } from './territories.service';

/** A département has up to several hundred communes: pages of children stay bounded. */
const CHILDREN_MAX = 1000;

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

  @Public()
  @Query(() => Territory, { description: 'NOT_FOUND (reason TERRITORY_NOT_FOUND) when unknown.' })
  territory(
    @Args('id', { type: () => ID }) id: string,
    @Lang() lang: Language,
  ): Promise<TerritoryRecord> {
    return this.service.get(id, lang);
  }

  @ResolveField(() => [Territory], {
    description: `The départements of a région or the communes of a département, by name (1 to ${CHILDREN_MAX}).`,
  })
  async children(
    @Parent() territory: TerritoryRecord,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Loaders() loaders: LoaderRegistry,
    @Lang() lang: Language,
  ): Promise<TerritoryRecord[]> {
    if (!Number.isInteger(first) || first < 1 || first > CHILDREN_MAX) {
      throw invalidArgument(
        'first',
        'range',
        {
          fr: `Demandez entre 1 et ${CHILDREN_MAX} territoires.`,
          en: `Ask for 1 to ${CHILDREN_MAX} territories.`,
        },
        lang,
      );
    }
    const children = await this.territoryLoaders.childrenByParentId(loaders).load(territory.id);
    return children.slice(0, first);
  }

  @ResolveField(() => Territory, { nullable: true })
  parent(
    @Parent() territory: TerritoryRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<TerritoryRecord | null> | null {
    return territory.parentId ? this.territoryLoaders.byId(loaders).load(territory.parentId) : null;
  }
}
