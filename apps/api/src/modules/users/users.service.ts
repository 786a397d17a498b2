import { Injectable } from '@nestjs/common';
import {
  type Actor,
  assertCan,
  assertCanChangeRole,
  changeUserRoleInputSchema,
  DomainError,
  DomainErrorCode,
  type Language,
  validateInput,
} from '@passerelle/domain';
import { type AuthEventInput, AuthEventsService } from '../audit/auth-events.service';
import { type UserRecord, UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly repository: UsersRepository,
    private readonly authEvents: AuthEventsService,
  ) {}

  /** The signed-in account, or null for an anonymous visitor (or a deleted account). */
  me(actor: Actor): Promise<UserRecord | null> | null {
    return actor ? this.repository.findById(actor.id) : null;
  }

  /** An administrator gives another account a role; that account's sessions end. */
  async changeRole(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
    request?: AuthEventInput['request'],
  ): Promise<UserRecord> {
    assertCan(actor, 'user.manageRoles'); // before reading the input: strangers learn nothing
    const data = validateInput(changeUserRoleInputSchema, input, lang);
    assertCanChangeRole(actor, data.userId);
    const actorId = (actor as NonNullable<Actor>).id;
    const user = await this.repository.changeRoleAndEndSessions(
      data.userId,
      data.role,
      now,
      actorId,
      (tx, change) =>
        this.authEvents.record(
          { kind: 'ROLE_CHANGED', userId: data.userId, actorId, request, detail: change },
          tx,
        ),
    );
    if (!user) throw new DomainError(DomainErrorCode.USER_NOT_FOUND, undefined, lang);
    return user;
  }
}
