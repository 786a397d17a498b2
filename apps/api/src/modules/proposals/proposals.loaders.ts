import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { type ThemeRecord } from '../themes/themes.repository';
import {
  type ProposalRevisionRecord,
  ProposalsRepository,
  type ProposalStatusChangeRecord,
} from './proposals.repository';

/** Per-request batched access to the history of proposals. */
@Injectable()
export class ProposalsLoaders {
  constructor(private readonly repository: ProposalsRepository) {}

  themesByProposalId(loaders: LoaderRegistry): DataLoader<string, ThemeRecord[]> {
    return loaders.get('proposals.themesByProposalId', (ids: readonly string[]) =>
      this.repository.findThemesByProposalIds(ids),
    );
  }

  revisionsByProposalId(loaders: LoaderRegistry): DataLoader<string, ProposalRevisionRecord[]> {
    return loaders.get('proposals.revisionsByProposalId', (ids: readonly string[]) =>
      this.repository.findRevisionsByProposalIds(ids),
    );
  }

  statusChangesByProposalId(
    loaders: LoaderRegistry,
  ): DataLoader<string, ProposalStatusChangeRecord[]> {
    return loaders.get('proposals.statusChangesByProposalId', (ids: readonly string[]) =>
      this.repository.findStatusChangesByProposalIds(ids),
    );
  }
}
