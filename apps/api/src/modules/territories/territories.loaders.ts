import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { TerritoriesRepository, type TerritoryRecord } from './territories.repository';

/** Per-request batched access to territories by id. */
@Injectable()
export class TerritoriesLoaders {
  constructor(private readonly repository: TerritoriesRepository) {}

  byId(loaders: LoaderRegistry): DataLoader<string, TerritoryRecord | null> {
    return loaders.get('territories.byId', (ids: readonly string[]) =>
      this.repository.findByIds(ids),
    );
  }

  childrenByParentId(loaders: LoaderRegistry): DataLoader<string, TerritoryRecord[]> {
    return loaders.get('territories.childrenByParentId', (ids: readonly string[]) =>
      this.repository.findChildrenByParentIds(ids),
    );
  }
}
