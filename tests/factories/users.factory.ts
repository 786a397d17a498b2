import * as argon2 from 'argon2';
import { type ActorType, type Role } from '../../apps/api/src/generated/prisma/client';
import { uniqueKey } from './keys';
import { factoryPrisma } from './prisma';
import { TERRITORIES } from './reference';

export const DEFAULT_PASSWORD = 'correct horse battery staple';

const hashes = new Map<string, Promise<string>>();
function hashOf(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = argon2.hash(password, { type: argon2.argon2id });
    hashes.set(password, hash);
  }
  return hash;
}

export interface UserOverrides {
  email?: string;
  password?: string;
  displayName?: string;
  role?: Role;
  actorType?: ActorType;
  territoryId?: string | null;
}

export interface CreatedUser {
  id: string;
  email: string;
  password: string;
  displayName: string;
  role: Role;
  actorType: ActorType;
}

/** An account with a unique e-mail, created directly in the database. */
export async function createUser(overrides: UserOverrides = {}): Promise<CreatedUser> {
  const key = uniqueKey('user');
  const password = overrides.password ?? DEFAULT_PASSWORD;
  const user = await factoryPrisma().user.create({
    data: {
      email: overrides.email ?? `${key}@example.org`,
      displayName: overrides.displayName ?? `Camille ${key.slice(-6)}`,
      passwordHash: await hashOf(password),
      role: overrides.role ?? 'PARTICIPANT',
      actorType: overrides.actorType ?? 'CITIZEN',
      territoryId: overrides.territoryId === undefined ? TERRITORIES.paris : overrides.territoryId,
    },
  });
  return {
    id: user.id,
    email: user.email,
    password,
    displayName: user.displayName,
    role: user.role,
    actorType: user.actorType,
  };
}
