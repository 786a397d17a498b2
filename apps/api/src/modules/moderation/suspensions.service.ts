import { Injectable } from '@nestjs/common';
import {
  type Actor,
  assertCan,
  assertCanSuspend,
  assertSuspended,
  DomainError,
  DomainErrorCode,
  type Language,
  reinstateUserInputSchema,
  suspendUserInputSchema,
  suspensionEnd,
  validateInput,
} from '@passerelle/domain';
import { type UserRecord, UsersRepository } from '../users/users.repository';

/** Moderators and administrators suspend accounts and lift suspensions. */
@Injectable()
export class SuspensionsService {
  constructor(private readonly users: UsersRepository) {}

  /** Suspends an account for `durationDays` (or until reinstated); re-suspending updates it. */
  async suspend(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<UserRecord> {
    assertCan(actor, 'moderation.act'); // before reading the input: strangers learn nothing
    const moderator = actor as NonNullable<Actor>;
    const data = validateInput(suspendUserInputSchema, input, lang);
    const target = await this.target(data.userId, lang);
    assertCanSuspend(moderator, target, lang);
    return this.users.suspend({
      userId: target.id,
      moderatorId: moderator.id,
      reason: data.reason,
      at: now,
      until: suspensionEnd(now, data.durationDays),
    });
  }

  /** Lifts a running suspension (NOT_SUSPENDED otherwise). */
  async reinstate(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<UserRecord> {
    assertCan(actor, 'moderation.act');
    const moderator = actor as NonNullable<Actor>;
    const data = validateInput(reinstateUserInputSchema, input, lang);
    const target = await this.target(data.userId, lang);
    assertCanSuspend(moderator, target, lang);
    assertSuspended(target, now, lang);
    const user = await this.users.reinstate({
      userId: target.id,
      moderatorId: moderator.id,
      reason: data.reason,
      at: now,
    });
    // Lifted or over between the read and the write.
    if (!user) throw new DomainError(DomainErrorCode.NOT_SUSPENDED, undefined, lang);
    return user;
  }

  private async target(userId: string, lang: Language): Promise<UserRecord> {
    const user = await this.users.findById(userId);
    if (!user) throw new DomainError(DomainErrorCode.USER_NOT_FOUND, undefined, lang);
    return user;
  }
}
