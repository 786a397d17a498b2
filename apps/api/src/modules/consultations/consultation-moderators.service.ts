import { Injectable } from '@nestjs/common';
import {
  type Actor,
  assertCan,
  can,
  canModerateConsultation,
  consultationModeratorInputSchema,
  DomainError,
  DomainErrorCode,
  type Language,
  validateInput,
} from '@passerelle/domain';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { type UserRecord } from '../users/users.repository';
import {
  ConsultationModeratorsRepository,
  type LocalModeration,
} from './consultation-moderators.repository';
import { type ConsultationRecord, ConsultationsRepository } from './consultations.repository';

/** Local spaces' moderators: administrators name them; who sees them; what the viewer moderates. */
@Injectable()
export class ConsultationModeratorsService {
  constructor(
    private readonly repository: ConsultationModeratorsRepository,
    private readonly consultations: ConsultationsRepository,
  ) {}

  /** Administrators name a local moderator; naming one twice changes nothing. */
  add(actor: Actor, input: unknown, lang: Language): Promise<ConsultationRecord> {
    return this.set(actor, input, true, lang);
  }

  /** Administrators withdraw a local moderator; withdrawing one who is not changes nothing. */
  remove(actor: Actor, input: unknown, lang: Language): Promise<ConsultationRecord> {
    return this.set(actor, input, false, lang);
  }

  /** The viewer's local moderation, read once per request. */
  localModerationOf(actor: Actor, loaders: LoaderRegistry): Promise<LocalModeration> | null {
    if (actor === null) return null;
    return loaders
      .get('consultations.localModeration', (ids: readonly string[]) =>
        Promise.all(ids.map((id) => this.repository.localModeration(id))),
      )
      .load(actor.id);
  }

  /**
   * A consultation's local moderators, for administrators, platform moderators and its own
   * (not suspended) local moderators; an empty list for everyone else, so that public pages
   * asking for the field keep working.
   */
  async moderatorsVisibleTo(
    actor: Actor,
    consultationId: string,
    loaders: LoaderRegistry,
  ): Promise<UserRecord[]> {
    if (actor === null) return [];
    if (!can(actor, 'moderation.act')) {
      const local = await this.localModerationOf(actor, loaders);
      const isLocalModerator = local?.consultationIds.includes(consultationId) ?? false;
      const context = { isLocalModerator, isSuspended: local?.isSuspended };
      if (!canModerateConsultation(actor, context)) return [];
    }
    return loaders
      .get('consultations.moderators', (ids: readonly string[]) =>
        this.repository.findModeratorsByConsultationIds(ids),
      )
      .load(consultationId);
  }

  /**
   * The consultations the viewer moderates as a local moderator (empty when anonymous, without
   * any, or suspended). Platform moderators moderate every consultation through their role.
   */
  async moderatedBy(actor: Actor): Promise<ConsultationRecord[]> {
    if (actor === null) return [];
    const local = await this.repository.localModeration(actor.id);
    if (local.isSuspended || local.consultationIds.length === 0) return [];
    return this.repository.findModeratedConsultations(actor.id);
  }

  private async set(
    actor: Actor,
    input: unknown,
    isModerator: boolean,
    lang: Language,
  ): Promise<ConsultationRecord> {
    assertCan(actor, 'consultation.manage'); // before reading the input: strangers learn nothing
    const admin = actor as NonNullable<Actor>;
    const data = validateInput(consultationModeratorInputSchema, input, lang);
    const [consultation, userExists] = await Promise.all([
      this.consultations.findByIds([data.consultationId]).then((rows) => rows[0]),
      this.repository.userExists(data.userId),
    ]);
    if (!consultation) {
      throw new DomainError(DomainErrorCode.CONSULTATION_NOT_FOUND, undefined, lang);
    }
    if (!userExists) throw new DomainError(DomainErrorCode.USER_NOT_FOUND, undefined, lang);
    await this.repository.setModerator(
      { consultationId: data.consultationId, userId: data.userId, isModerator },
      {
        actorId: admin.id,
        action: isModerator ? 'ADD_CONSULTATION_MODERATOR' : 'REMOVE_CONSULTATION_MODERATOR',
        targetType: 'CONSULTATION',
        targetId: data.consultationId,
        metadata: { userId: data.userId },
      },
    );
    return consultation;
  }
}
