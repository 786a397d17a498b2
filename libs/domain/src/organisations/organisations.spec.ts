import { fieldErrors } from '../shared/validation';
import {
  assertCanManageOrganisation,
  assertCanRemoveMember,
  createOrganisationInputSchema,
  invitationStatus,
  inviteOrganisationMemberInputSchema,
  type Membership,
  parseCreateOrganisationInput,
  removeOrganisationMemberInputSchema,
  respondToInvitation,
  respondToOrganisationInvitationInputSchema,
} from './organisations';

const ORG_ID = '00000000-0000-4000-8000-000000000001';
const USER_ID = '00000000-0000-4000-8000-000000000002';
const VALID = {
  name: '  Coopérative des Tisserands  ',
  actorType: 'ESS_ENTERPRISE',
  siret: '732 829 320 00074',
  territoryId: 'COMMUNE-42218',
};

describe('createOrganisationInputSchema', () => {
  it('trims the name and removes the spaces of the SIRET', () => {
    expect(parseCreateOrganisationInput(VALID)).toEqual({
      name: 'Coopérative des Tisserands',
      actorType: 'ESS_ENTERPRISE',
      siret: '73282932000074',
      territoryId: 'COMMUNE-42218',
    });
  });

  it.each([undefined, null, '', '   '])('treats a SIRET of %p as none', (siret) => {
    expect(parseCreateOrganisationInput({ ...VALID, siret }).siret).toBeNull();
  });

  it.each([
    [{ name: 'A' }, 'name', 'minLength'],
    [{ name: 'x'.repeat(121) }, 'name', 'maxLength'],
    [{ name: '   ' }, 'name', 'required'],
    [{ actorType: 'KING' }, 'actorType', 'oneOf'],
    [{ siret: '73282932000075' }, 'siret', 'siret'],
    [{ siret: '1234' }, 'siret', 'siret'],
    [{ siret: 73282932000074 }, 'siret', 'invalid'],
    [{ territoryId: 'Paris' }, 'territoryId', 'territory'],
  ])('rejects %p on %s (%s)', (patch, field, rule) => {
    expect(fieldErrors(createOrganisationInputSchema, { ...VALID, ...patch })).toEqual([
      expect.objectContaining({ field, rule }),
    ]);
  });

  it('reports a wrong SIRET alone as INVALID_SIRET naming the field, in the given language', () => {
    expect(() => parseCreateOrganisationInput({ ...VALID, siret: '73282932000075' }, 'en')).toThrow(
      expect.objectContaining({
        code: 'INVALID_SIRET',
        fields: [expect.objectContaining({ field: 'siret', rule: 'siret' })],
      }),
    );
  });

  it('reports several problems as INVALID_INPUT', () => {
    expect(() => parseCreateOrganisationInput({ ...VALID, name: '', siret: '1' })).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        fields: [
          expect.objectContaining({ field: 'name' }),
          expect.objectContaining({ field: 'siret' }),
        ],
      }),
    );
  });
});

describe('membership inputs', () => {
  it('normalises the e-mail of an invitation and defaults its role to MEMBER', () => {
    expect(
      inviteOrganisationMemberInputSchema.parse({
        organisationId: ORG_ID,
        email: ' Alix@Example.ORG ',
      }),
    ).toEqual({ organisationId: ORG_ID, email: 'alix@example.org', role: 'MEMBER' });
    expect(
      inviteOrganisationMemberInputSchema.parse({
        organisationId: ORG_ID,
        email: 'alix@example.org',
        role: 'MANAGER',
      }).role,
    ).toBe('MANAGER');
  });

  it.each([
    [
      inviteOrganisationMemberInputSchema,
      { organisationId: 'x', email: 'a@b.fr' },
      'organisationId',
    ],
    [inviteOrganisationMemberInputSchema, { organisationId: ORG_ID, email: 'nope' }, 'email'],
    [
      inviteOrganisationMemberInputSchema,
      { organisationId: ORG_ID, email: 'a@b.fr', role: 'OWNER' },
      'role',
    ],
    [
      respondToOrganisationInvitationInputSchema,
      { invitationId: 'x', accept: true },
      'invitationId',
    ],
    [respondToOrganisationInvitationInputSchema, { invitationId: ORG_ID, accept: 'yes' }, 'accept'],
    [removeOrganisationMemberInputSchema, { organisationId: ORG_ID, userId: '1' }, 'userId'],
  ] as const)('rejects an invalid field (%#: %s)', (schema, input, field) => {
    expect(fieldErrors(schema, input)).toEqual([expect.objectContaining({ field })]);
  });
});

const manager = (userId: string): Membership => ({ userId, role: 'MANAGER' });
const member = (userId: string): Membership => ({ userId, role: 'MEMBER' });

describe('assertCanManageOrganisation', () => {
  it.each([
    [manager('a'), null],
    [member('a'), 'NOT_A_MANAGER'],
    [null, 'NOT_A_MANAGER'],
    [undefined, 'NOT_A_MANAGER'],
  ])('%p → %p', (membership, code) => {
    if (code) {
      expect(() => assertCanManageOrganisation(membership)).toThrow(
        expect.objectContaining({ code }),
      );
    } else {
      expect(() => assertCanManageOrganisation(membership)).not.toThrow();
    }
  });
});

describe('assertCanRemoveMember', () => {
  it.each([
    ['a manager removes a member', 'a', manager('a'), 'b', member('b'), 1, null],
    ['a manager removes another manager', 'a', manager('a'), 'b', manager('b'), 2, null],
    ['a member leaves', 'b', member('b'), 'b', member('b'), 1, null],
    ['a manager leaves while another stays', 'a', manager('a'), 'a', manager('a'), 2, null],
    ['the last manager leaves', 'a', manager('a'), 'a', manager('a'), 1, 'LAST_MANAGER'],
    ['a member removes another member', 'b', member('b'), 'c', member('c'), 1, 'NOT_A_MANAGER'],
    ['a stranger removes a member', 'z', null, 'c', member('c'), 1, 'NOT_A_MANAGER'],
    ['a manager removes a non-member', 'a', manager('a'), 'y', null, 1, 'NOT_A_MEMBER'],
    ['a stranger "leaves"', 'z', null, 'z', null, 1, 'NOT_A_MEMBER'],
  ] as const)(
    '%s → %p',
    (_, actorId, actorMembership, targetUserId, target, managerCount, code) => {
      const attempt = () =>
        assertCanRemoveMember({ actorId, actorMembership, targetUserId, target, managerCount });
      if (code) expect(attempt).toThrow(expect.objectContaining({ code }));
      else expect(attempt).not.toThrow();
    },
  );
});

describe('invitations', () => {
  const at = new Date('2026-11-25T10:00:00Z');
  const pending = { acceptedAt: null, declinedAt: null, revokedAt: null };

  it.each([
    [pending, 'PENDING'],
    [{ ...pending, acceptedAt: at }, 'ACCEPTED'],
    [{ ...pending, declinedAt: at }, 'DECLINED'],
    [{ ...pending, revokedAt: at }, 'REVOKED'],
    [{ ...pending, acceptedAt: at, revokedAt: at }, 'REVOKED'],
  ])('%p is %p', (timestamps, status) => {
    expect(invitationStatus(timestamps)).toBe(status);
  });

  it('lets the invitee accept or decline a pending invitation once', () => {
    const invitation = { ...pending, inviteeId: USER_ID };
    expect(respondToInvitation(invitation, USER_ID, true, at)).toEqual({ acceptedAt: at });
    expect(respondToInvitation(invitation, USER_ID, false, at)).toEqual({ declinedAt: at });
  });

  it.each([
    ['someone else answers', pending, 'other', 'INVITATION_NOT_FOUND'],
    ['a second answer', { ...pending, declinedAt: at }, USER_ID, 'INVITATION_ALREADY_ANSWERED'],
    ['a revoked one', { ...pending, revokedAt: at }, USER_ID, 'INVITATION_ALREADY_ANSWERED'],
  ])('refuses %s', (_, timestamps, actorId, code) => {
    expect(() =>
      respondToInvitation({ ...timestamps, inviteeId: USER_ID }, actorId, true, at),
    ).toThrow(expect.objectContaining({ code }));
  });
});
