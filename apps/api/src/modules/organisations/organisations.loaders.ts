import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import {
  type MemberRecord,
  type OrganisationRecord,
  OrganisationsRepository,
} from './organisations.repository';

/** Per-request batched access to organisations. */
@Injectable()
export class OrganisationsLoaders {
  constructor(private readonly repository: OrganisationsRepository) {}

  byId(loaders: LoaderRegistry): DataLoader<string, OrganisationRecord | null> {
    return loaders.get('organisations.byId', (ids: readonly string[]) =>
      this.repository.findByIds(ids),
    );
  }

  byMemberId(loaders: LoaderRegistry): DataLoader<string, OrganisationRecord[]> {
    return loaders.get('organisations.byMemberId', (ids: readonly string[]) =>
      this.repository.findByMemberIds(ids),
    );
  }

  membersByOrganisationId(loaders: LoaderRegistry): DataLoader<string, MemberRecord[]> {
    return loaders.get('organisations.membersByOrganisationId', (ids: readonly string[]) =>
      this.repository.findMembersByOrganisationIds(ids),
    );
  }
}
