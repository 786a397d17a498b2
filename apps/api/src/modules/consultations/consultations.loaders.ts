import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import {
  type ConsultationPhaseRecord,
  type ConsultationRecord,
  ConsultationsRepository,
} from './consultations.repository';

/** Per-request batched access to consultations and their phases. */
@Injectable()
export class ConsultationsLoaders {
  constructor(private readonly repository: ConsultationsRepository) {}

  byId(loaders: LoaderRegistry): DataLoader<string, ConsultationRecord | null> {
    return loaders.get('consultations.byId', (ids: readonly string[]) =>
      this.repository.findByIds(ids),
    );
  }

  phasesByConsultationId(loaders: LoaderRegistry): DataLoader<string, ConsultationPhaseRecord[]> {
    return loaders.get('consultations.phases', (ids: readonly string[]) =>
      this.repository.findPhasesByConsultationIds(ids),
    );
  }
}
