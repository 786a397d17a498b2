import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { type UserRecord, UsersRepository } from './users.repository';

/** Per-request batched access to accounts by id (e.g. proposal authors). */
@Injectable()
export class UsersLoaders {
  constructor(private readonly repository: UsersRepository) {}

  byId(loaders: LoaderRegistry): DataLoader<string, UserRecord | null> {
    return loaders.get('users.byId', (ids: readonly string[]) => this.repository.findByIds(ids));
  }
}
