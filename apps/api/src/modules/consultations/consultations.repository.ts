import { Injectable } from '@nestjs/common';
import { byKey, groupByKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import {
  type Consultation as ConsultationRow,
  type ConsultationPhase as ConsultationPhaseRow,
} from '../../generated/prisma/client';

export type ConsultationRecord = Omit<ConsultationRow, 'settings'>;
export type ConsultationPhaseRecord = ConsultationPhaseRow;
export type ConsultationWithPhases = ConsultationRecord & { phases: ConsultationPhaseRecord[] };

const OMIT_SETTINGS = { settings: true } as const;

@Injectable()
export class ConsultationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findAll(): Promise<ConsultationRecord[]> {
    return this.prisma.consultation.findMany({
      omit: OMIT_SETTINGS,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
  }

  findBySlug(slug: string): Promise<ConsultationRecord | null> {
    return this.prisma.consultation.findUnique({ where: { slug }, omit: OMIT_SETTINGS });
  }

  findWithPhases(id: string): Promise<ConsultationWithPhases | null> {
    return this.prisma.consultation.findUnique({
      where: { id },
      omit: OMIT_SETTINGS,
      include: { phases: true },
    });
  }

  async findByIds(ids: readonly string[]): Promise<(ConsultationRecord | null)[]> {
    const rows = await this.prisma.consultation.findMany({
      where: { id: { in: [...ids] } },
      omit: OMIT_SETTINGS,
    });
    return byKey(ids, rows, (row) => row.id);
  }

  /** The phases of each consultation, in chronological order, in key order (for DataLoader). */
  async findPhasesByConsultationIds(ids: readonly string[]): Promise<ConsultationPhaseRecord[][]> {
    const phases = await this.prisma.consultationPhase.findMany({
      where: { consultationId: { in: [...ids] } },
      orderBy: [{ startsAt: 'asc' }, { kind: 'asc' }],
    });
    return groupByKey(ids, phases, (phase) => phase.consultationId);
  }
}
