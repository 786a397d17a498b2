import { Injectable } from '@nestjs/common';
import {
  type Actor,
  applyConsultationSettings,
  assertCan,
  consultationChanges,
  type ConsultationSettings,
  type ConsultationSnapshot,
  createConsultationInputSchema,
  DomainError,
  DomainErrorCode,
  type FieldError,
  isPhaseWindowOpen,
  type Language,
  openPhases,
  parseConsultationSettings,
  type PhaseKind,
  type PhaseWindow,
  updateConsultationInputSchema,
  validateInput,
} from '@passerelle/domain';
import { isUuid, unknownReference } from '../../common/graphql/ids';
import { isUniqueViolation } from '../../common/prisma/prisma-errors';
import { type Prisma } from '../../generated/prisma/client';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { TerritoriesRepository } from '../territories/territories.repository';
import { ThemesRepository } from '../themes/themes.repository';
import { type ConsultationPhase } from './models/consultation-phase.model';
import {
  type ConsultationEdit,
  type ConsultationPhaseRecord,
  type ConsultationRecord,
  ConsultationsRepository,
} from './consultations.repository';

const phasesForAudit = (phases: readonly PhaseWindow[]) =>
  phases.map((phase) => ({
    kind: phase.kind,
    startsAt: phase.startsAt.toISOString(),
    endsAt: phase.endsAt?.toISOString() ?? null,
  }));

@Injectable()
export class ConsultationsService {
  constructor(
    private readonly repository: ConsultationsRepository,
    private readonly themes: ThemesRepository,
    private readonly territories: TerritoriesRepository,
    private readonly organisations: OrganisationsRepository,
  ) {}

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

  settingsOf(consultation: ConsultationRecord): ConsultationSettings {
    return parseConsultationSettings(consultation.settings);
  }

  /**
   * An administrator creates a consultation: input rules (slug, phases, settings), the themes
   * and territory it names, a free slug, then one transaction with its CREATE_CONSULTATION
   * audit entry.
   */
  async create(actor: Actor, input: unknown, lang: Language): Promise<ConsultationRecord> {
    assertCan(actor, 'consultation.manage'); // before reading the input: strangers learn nothing
    const admin = actor as NonNullable<Actor>;
    const data = validateInput(createConsultationInputSchema, input, lang);
    const territoryId = data.territoryId ?? null;
    const organisationId = data.organisationId ?? null;
    await this.assertReferencesExist(data.themeIds, territoryId, organisationId, lang);
    if (await this.repository.findBySlug(data.slug)) {
      throw new DomainError(DomainErrorCode.SLUG_TAKEN, undefined, lang);
    }
    const settings = applyConsultationSettings({}, data.settings);
    try {
      return await this.repository.create(
        {
          slug: data.slug,
          title: data.title,
          description: data.description,
          territoryId,
          organisationId,
          themeIds: data.themeIds,
          phases: data.phases,
          settings: { ...settings },
        },
        {
          actorId: admin.id,
          action: 'CREATE_CONSULTATION',
          metadata: {
            slug: data.slug,
            title: data.title,
            territoryId,
            organisationId,
            themeIds: data.themeIds,
            phases: phasesForAudit(data.phases),
            settings: { ...settings },
          },
        },
      );
    } catch (error) {
      // Another administrator took the slug between the check and the write.
      if (isUniqueViolation(error))
        throw new DomainError(DomainErrorCode.SLUG_TAKEN, undefined, lang);
      throw error;
    }
  }

  /**
   * An administrator edits a consultation: absent fields keep their value; the audit entry
   * (UPDATE_CONSULTATION) lists what changed, with the settings before and after.
   */
  async update(actor: Actor, input: unknown, lang: Language): Promise<ConsultationRecord> {
    assertCan(actor, 'consultation.manage');
    const admin = actor as NonNullable<Actor>;
    const data = validateInput(updateConsultationInputSchema, input, lang);
    const current = isUuid(data.consultationId)
      ? await this.repository.findForEdit(data.consultationId)
      : null;
    if (!current) throw new DomainError(DomainErrorCode.CONSULTATION_NOT_FOUND, undefined, lang);
    await this.assertReferencesExist(
      data.themeIds ?? [],
      data.territoryId ?? null,
      data.organisationId ?? null,
      lang,
    );

    const before: ConsultationSnapshot = {
      title: current.title,
      description: current.description,
      territoryId: current.territoryId,
      organisationId: current.organisationId,
      themeIds: current.themes.map((theme) => theme.themeId),
      phases: current.phases,
      settings: { ...parseConsultationSettings(current.settings) },
    };
    const edit: ConsultationEdit = {
      title: data.title ?? undefined,
      description: data.description ?? undefined,
      territoryId: data.territoryId,
      organisationId: data.organisationId,
      themeIds: data.themeIds ?? undefined,
      phases: data.phases ?? undefined,
      settings: data.settings
        ? { ...applyConsultationSettings(current.settings, data.settings) }
        : undefined,
    };
    const after: ConsultationSnapshot = {
      title: edit.title ?? before.title,
      description: edit.description ?? before.description,
      territoryId: edit.territoryId === undefined ? before.territoryId : edit.territoryId,
      organisationId:
        edit.organisationId === undefined ? before.organisationId : edit.organisationId,
      themeIds: edit.themeIds ?? before.themeIds,
      phases: edit.phases ?? before.phases,
      settings: edit.settings ?? before.settings,
    };
    const changed = consultationChanges(before, after);
    return this.repository.update(current.id, edit, {
      actorId: admin.id,
      action: 'UPDATE_CONSULTATION',
      metadata: {
        changed,
        ...(changed.includes('title') ? { title: { from: before.title, to: after.title } } : {}),
        ...(changed.includes('territoryId')
          ? { territoryId: { from: before.territoryId, to: after.territoryId } }
          : {}),
        ...(changed.includes('organisationId')
          ? { organisationId: { from: before.organisationId, to: after.organisationId } }
          : {}),
        ...(changed.includes('themeIds')
          ? { themeIds: { from: [...before.themeIds], to: [...after.themeIds] } }
          : {}),
        ...(changed.includes('phases')
          ? { phases: { from: phasesForAudit(before.phases), to: phasesForAudit(after.phases) } }
          : {}),
        ...(changed.includes('settings')
          ? {
              settings: {
                from: { ...before.settings } as Prisma.InputJsonObject,
                to: { ...after.settings } as Prisma.InputJsonObject,
              },
            }
          : {}),
      },
    });
  }

  /** Unknown themes, territory or carrying organisation: BAD_USER_INPUT naming the field. */
  private async assertReferencesExist(
    themeIds: readonly string[],
    territoryId: string | null,
    organisationId: string | null,
    lang: Language,
  ): Promise<void> {
    const [themes, isTerritoryKnown, organisation] = await Promise.all([
      themeIds.length > 0 ? this.themes.findByIds(themeIds) : Promise.resolve([]),
      territoryId ? this.territories.exists(territoryId) : Promise.resolve(true),
      organisationId ? this.organisations.findById(organisationId) : Promise.resolve(true),
    ]);
    const unknown: FieldError[] = [];
    themes.forEach((theme, index) => {
      if (!theme) {
        unknown.push(
          ...(unknownReference(`themeIds.${index}`, 'THEME_NOT_FOUND', lang).fields ?? []),
        );
      }
    });
    if (!isTerritoryKnown) {
      unknown.push(...(unknownReference('territoryId', 'TERRITORY_NOT_FOUND', lang).fields ?? []));
    }
    if (!organisation) {
      unknown.push(
        ...(unknownReference('organisationId', 'ORGANISATION_NOT_FOUND', lang).fields ?? []),
      );
    }
    if (unknown.length > 0) throw new DomainError(DomainErrorCode.INVALID_INPUT, unknown, lang);
  }
}
