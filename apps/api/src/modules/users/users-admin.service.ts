import { Injectable } from '@nestjs/common';
import { type Actor, assertCan, type Language, type Role } from '@passerelle/domain';
import { invalidArgument } from '../../common/graphql/ids';
import { type Page, pageArgs, toPage } from '../votes/page';
import { UsersAdminRepository } from './users-admin.repository';
import { type UserRecord } from './users.repository';

export const USERS_PAGE = { first: 20, max: 100 };
const SEARCH_MAX = 100;

@Injectable()
export class UsersAdminService {
  constructor(private readonly repository: UsersAdminRepository) {}

  /** Administrators list accounts, newest first, by part of a name or e-mail and by role. */
  async list(
    actor: Actor,
    args: {
      search?: string | null;
      role?: Role | null;
      first?: number | null;
      after?: string | null;
    },
    lang: Language,
  ): Promise<Page<UserRecord>> {
    assertCan(actor, 'user.manageRoles'); // before reading the arguments: strangers learn nothing
    const page = pageArgs(args.first, args.after, USERS_PAGE, lang);
    const search = args.search?.trim() || null;
    if (search && search.length > SEARCH_MAX) {
      throw invalidArgument(
        'search',
        'maxLength',
        {
          fr: `Saisissez au plus ${SEARCH_MAX} caractères.`,
          en: `Enter at most ${SEARCH_MAX} characters.`,
        },
        lang,
      );
    }
    const filter = { search, role: args.role ?? null };
    const [rows, total] = await Promise.all([
      this.repository.findPage(filter, page.after, page.take + 1),
      this.repository.count(filter),
    ]);
    return toPage(rows, page.take, total, (row) => ({ at: row.createdAt, id: row.id }));
  }
}
