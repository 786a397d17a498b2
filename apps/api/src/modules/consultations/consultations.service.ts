import { Injectable } from '@nestjs/common';
import {
  DomainError,
  DomainErrorCode,
  isPhaseWindowOpen,
  type Language,
  openPhases,
  type PhaseKind,
} from '@passerelle/domain';
import { type ConsultationPhase } from './models/consultation-phase.model';
import {
  type ConsultationPhaseRecord,
  type ConsultationRecord,
  ConsultationsRepository,
} from './consultations.repository';

@Injectable()
export class ConsultationsService {
  constructor(private readonly repository: ConsultationsRepository) {}

  list(): Promise<ConsultationRecord[]> {
    return this.repository.findAll();
  }

  async getBySlug(slug: string, lang: Language): Promise<ConsultationRecord> {
    const consultation = await this.repository.findBySlug(slug);
    if (!consultation)
      throw new DomainError(DomainErrorCode.CONSULTATION_NOT_FOUND, undefined, lang);
    return consultation;
  }

  phasesAt(phases: ConsultationPhaseRecord[], now: Date): ConsultationPhase[] {
    return phases.map((phase) => ({
      kind: phase.kind,
      startsAt: phase.startsAt,
      endsAt: phase.endsAt,
      isOpen: isPhaseWindowOpen(phase, now),
    }));
  }

  openPhasesAt(phases: ConsultationPhaseRecord[], now: Date): PhaseKind[] {
    return openPhases(phases, now);
  }
}
