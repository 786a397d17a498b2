import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { type ThemeRecord, ThemesRepository } from './themes.repository';

/** Per-request batched access to themes. */
@Injectable()
export class ThemesLoaders {
  constructor(private readonly repository: ThemesRepository) {}

  byProposalId(loaders: LoaderRegistry): DataLoader<string, ThemeRecord[]> {
    return loaders.get('themes.byProposalId', (ids: readonly string[]) =>
      this.repository.findByProposalIds(ids),
    );
  }

  byConsultationId(loaders: LoaderRegistry): DataLoader<string, ThemeRecord[]> {
    return loaders.get('themes.byConsultationId', (ids: readonly string[]) =>
      this.repository.findByConsultationIds(ids),
    );
  }
}
