import { type ActorType } from '../../apps/api/src/generated/prisma/client';
import { uniqueKey } from './keys';
import { factoryPrisma } from './prisma';
import { TERRITORIES } from './reference';

export interface OrganisationOverrides {
  name?: string;
  actorType?: ActorType;
  territoryId?: string | null;
  memberIds?: string[];
}

/** An organisation (no SIRET) with the given members. */
export async function createOrganisation(
  overrides: OrganisationOverrides = {},
): Promise<{ id: string; name: string }> {
  const organisation = await factoryPrisma().organisation.create({
    data: {
      name: overrides.name ?? `SCIC ${uniqueKey('org')}`,
      actorType: overrides.actorType ?? 'ESS_ENTERPRISE',
      territoryId:
        overrides.territoryId === undefined ? TERRITORIES.saintEtienne : overrides.territoryId,
      members: { create: (overrides.memberIds ?? []).map((userId) => ({ userId })) },
    },
  });
  return { id: organisation.id, name: organisation.name };
}
