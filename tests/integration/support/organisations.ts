import { randomInt } from 'node:crypto';
import { factoryPrisma } from '../../factories';

const ORGANISATION_FIELDS = `id name actorType siret territory { id } myRole
  members { role joinedAt user { id displayName } }`;
const INVITATION_FIELDS = `id role status createdAt organisation { id name }
  invitee { id displayName } invitedBy { id displayName }`;

export const CREATE_ORGANISATION = `mutation CreateOrganisation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { ${ORGANISATION_FIELDS} }
}`;
export const ORGANISATION = `query Organisation($id: ID!) { organisation(id: $id) { ${ORGANISATION_FIELDS} } }`;
export const INVITE_MEMBER = `mutation Invite($input: InviteOrganisationMemberInput!) {
  inviteOrganisationMember(input: $input) { ${INVITATION_FIELDS} }
}`;
export const RESPOND_TO_INVITATION = `mutation Respond($input: RespondToOrganisationInvitationInput!) {
  respondToOrganisationInvitation(input: $input) { ${INVITATION_FIELDS} }
}`;
export const REMOVE_MEMBER = `mutation Remove($input: RemoveOrganisationMemberInput!) {
  removeOrganisationMember(input: $input) { ${ORGANISATION_FIELDS} }
}`;
export const MY_INVITATIONS = `query MyInvitations { myOrganisationInvitations { ${INVITATION_FIELDS} } }`;

export interface OrganisationView {
  id: string;
  name: string;
  actorType: string;
  siret: string | null;
  territory: { id: string } | null;
  myRole: 'MEMBER' | 'MANAGER' | null;
  members: { role: string; joinedAt: string; user: { id: string; displayName: string } }[];
}
export interface InvitationView {
  id: string;
  role: string;
  status: string;
  createdAt: string;
  organisation: { id: string; name: string };
  invitee: { id: string; displayName: string };
  invitedBy: { id: string; displayName: string };
}

/** A random SIRET (14 digits) whose Luhn key is right, outside La Poste's SIREN. */
export function randomSiret(): string {
  const digits = Array.from({ length: 13 }, () => randomInt(10));
  digits[0] = 1 + randomInt(2); // never 356… (La Poste)
  for (let key = 0; key < 10; key += 1) {
    const candidate = [...digits, key];
    let sum = 0;
    candidate
      .slice()
      .reverse()
      .forEach((d, i) => {
        const doubled = i % 2 === 1 ? d * 2 : d;
        sum += doubled > 9 ? doubled - 9 : doubled;
      });
    if (sum % 10 === 0) return candidate.join('');
  }
  throw new Error('unreachable');
}

/** An organisation with the given managers and members, written straight to the database. */
export async function organisationWith(members: {
  managers?: string[];
  members?: string[];
}): Promise<{ id: string; name: string }> {
  const name = `Coopérative ${randomSiret().slice(0, 8)}`;
  const organisation = await factoryPrisma().organisation.create({
    data: {
      name,
      actorType: 'ASSOCIATION',
      territoryId: 'COMMUNE-42218',
      members: {
        create: [
          ...(members.managers ?? []).map((userId) => ({ userId, role: 'MANAGER' as const })),
          ...(members.members ?? []).map((userId) => ({ userId, role: 'MEMBER' as const })),
        ],
      },
    },
  });
  return { id: organisation.id, name };
}
