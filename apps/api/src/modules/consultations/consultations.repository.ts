import { Injectable } from '@nestjs/common';
import { type PhaseKind } from '@passerelle/domain';
import { byKey, groupByKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import {
  type Consultation as ConsultationRow,
  type ConsultationPhase as ConsultationPhaseRow,
  type Prisma,
} from '../../generated/prisma/client';
import { type AuditEntry, AuditRepository } from '../audit/audit.repository';

/** A consultation; `settings` is raw JSON: read it with the domain's parseConsultationSettings. */
export type ConsultationRecord = ConsultationRow;
export type ConsultationPhaseRecord = ConsultationPhaseRow;
export type ConsultationWithPhases = ConsultationRecord & { phases: ConsultationPhaseRecord[] };

export interface PhaseValues {
  kind: PhaseKind;
  startsAt: Date;
  endsAt: Date | null;
}

export interface NewConsultation {
  slug: string;
  title: string;
  description: string;
  territoryId: string | null;
  organisationId: string | null;
  themeIds: string[];
  phases: PhaseValues[];
  settings: Prisma.InputJsonObject;
}

/** An edit: undefined keeps a value; `themeIds` and `phases` replace the whole list. */
export interface ConsultationEdit {
  title?: string;
  description?: string;
  territoryId?: string | null;
  organisationId?: string | null;
  themeIds?: string[];
  phases?: PhaseValues[];
  settings?: Prisma.InputJsonObject;
}

type AuditWithoutTarget = Omit<AuditEntry, 'targetType' | 'targetId'>;

@Injectable()
export class ConsultationsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditRepository,
  ) {}

  findAll(): Promise<ConsultationRecord[]> {
    return this.prisma.consultation.findMany({
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
  }

  findBySlug(slug: string): Promise<ConsultationRecord | null> {
    return this.prisma.consultation.findUnique({ where: { slug } });
  }

  findWithPhases(id: string): Promise<ConsultationWithPhases | null> {
    return this.prisma.consultation.findUnique({ where: { id }, include: { phases: true } });
  }

  /** A consultation with its phases and theme ids, for an edit. */
  findForEdit(
    id: string,
  ): Promise<(ConsultationWithPhases & { themes: { themeId: string }[] }) | null> {
    return this.prisma.consultation.findUnique({
      where: { id },
      include: { phases: true, themes: { select: { themeId: true } } },
    });
  }

  /** The raw settings of the consultation holding a proposal; null when there is no such proposal. */
  async findSettingsByProposalId(proposalId: string): Promise<Prisma.JsonValue | null> {
    const row = await this.prisma.consultation.findFirst({
      where: { proposals: { some: { id: proposalId } } },
      select: { settings: true },
    });
    return row ? row.settings : null;
  }

  async findByIds(ids: readonly string[]): Promise<(ConsultationRecord | null)[]> {
    const rows = await this.prisma.consultation.findMany({ where: { id: { in: [...ids] } } });
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

  /**
   * Creates a consultation with its phases and themes and appends the audit entry, in one
   * transaction. A taken slug fails on the unique index (P2002).
   */
  create(consultation: NewConsultation, audit: AuditWithoutTarget): Promise<ConsultationRecord> {
    const { themeIds, phases, ...columns } = consultation;
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.consultation.create({
        data: {
          ...columns,
          phases: { create: phases },
          themes: { create: themeIds.map((themeId) => ({ themeId })) },
        },
      });
      await this.audit.append({ ...audit, targetType: 'CONSULTATION', targetId: created.id }, tx);
      return created;
    });
  }

  /** Applies an edit (replacing phases and themes when given) and its audit entry, in one transaction. */
  update(
    id: string,
    edit: ConsultationEdit,
    audit: AuditWithoutTarget,
  ): Promise<ConsultationRecord> {
    const { themeIds, phases, ...columns } = edit;
    return this.prisma.$transaction(async (tx) => {
      if (phases) {
        await tx.consultationPhase.deleteMany({ where: { consultationId: id } });
        await tx.consultationPhase.createMany({
          data: phases.map((phase) => ({ ...phase, consultationId: id })),
        });
      }
      if (themeIds) {
        await tx.consultationTheme.deleteMany({ where: { consultationId: id } });
        await tx.consultationTheme.createMany({
          data: themeIds.map((themeId) => ({ consultationId: id, themeId })),
        });
      }
      const updated = await tx.consultation.update({ where: { id }, data: columns });
      await this.audit.append({ ...audit, targetType: 'CONSULTATION', targetId: id }, tx);
      return updated;
    });
  }
}
