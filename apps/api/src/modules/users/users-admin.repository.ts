import { Injectable } from '@nestjs/common';
import { type Role } from '@passerelle/domain';
import { PrismaService } from '../../common/prisma/prisma.service';
import { type Prisma } from '../../generated/prisma/client';
import { type KeysetCursor } from '../votes/page';
import { type UserRecord } from './users.repository';

export interface UserListFilter {
  /** Part of a display name or e-mail address, any case. */
  search: string | null;
  role: Role | null;
}

const whereOf = ({ search, role }: UserListFilter): Prisma.UserWhereInput => ({
  ...(role ? { role } : {}),
  ...(search
    ? {
        OR: [
          { displayName: { contains: search, mode: 'insensitive' } },
          { email: { contains: search, mode: 'insensitive' } },
        ],
      }
    : {}),
});

/** The administrators' list of accounts (roles screen). */
@Injectable()
export class UsersAdminRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Up to `take` accounts matching the filter, newest first, after the cursor. */
  findPage(
    filter: UserListFilter,
    after: KeysetCursor | null,
    take: number,
  ): Promise<UserRecord[]> {
    const where = whereOf(filter);
    return this.prisma.user.findMany({
      where: after
        ? {
            AND: [
              where,
              {
                OR: [
                  { createdAt: { lt: after.at } },
                  { createdAt: after.at, id: { lt: after.id } },
                ],
              },
            ],
          }
        : where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      omit: { passwordHash: true },
    });
  }

  count(filter: UserListFilter): Promise<number> {
    return this.prisma.user.count({ where: whereOf(filter) });
  }
}
