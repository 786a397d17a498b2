import { Injectable } from '@nestjs/common';
import { type Actor } from '@passerelle/domain';
import { type UserRecord, UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(private readonly repository: UsersRepository) {}

  /** The signed-in account, or null for an anonymous visitor (or a deleted account). */
  me(actor: Actor): Promise<UserRecord | null> | null {
    return actor ? this.repository.findById(actor.id) : null;
  }
}
