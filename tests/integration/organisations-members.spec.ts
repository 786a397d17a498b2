import { closeFactories, createUser, type CreatedUser, factoryPrisma } from '../factories';
import {
  INVITE_MEMBER,
  type InvitationView,
  MY_INVITATIONS,
  type OrganisationView,
  organisationWith,
  REMOVE_MEMBER,
  RESPOND_TO_INVITATION,
} from './support/organisations';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

type InviteData = { inviteOrganisationMember: InvitationView };
type RespondData = { respondToOrganisationInvitation: InvitationView };
type RemoveData = { removeOrganisationMember: OrganisationView };
type MyInvitationsData = { myOrganisationInvitations: InvitationView[] };

const NIL_UUID = '00000000-0000-4000-8000-000000000000';

let api: TestApp;

beforeAll(async () => {
  api = await startTestApp();
});
afterAll(async () => {
  await api.close();
  await closeFactories();
});

const as = async (user: CreatedUser) => ({ token: await api.tokenFor(user) });

async function team() {
  const [manager, member, stranger] = [await createUser(), await createUser(), await createUser()];
  const organisation = await organisationWith({ managers: [manager.id], members: [member.id] });
  return { manager, member, stranger, organisation };
}

async function invite(by: CreatedUser, organisationId: string, email: string, role?: string) {
  return api.gql<InviteData>(
    INVITE_MEMBER,
    { input: { organisationId, email, ...(role ? { role } : {}) } },
    await as(by),
  );
}

describe('inviteOrganisationMember', () => {
  it('lets a manager invite an existing account by e-mail (any case), as MEMBER by default', async () => {
    const { manager, stranger, organisation } = await team();
    const result = await invite(manager, organisation.id, ` ${stranger.email.toUpperCase()} `);
    expect(dataOf(result).inviteOrganisationMember).toMatchObject({
      role: 'MEMBER',
      status: 'PENDING',
      organisation: { id: organisation.id, name: organisation.name },
      invitee: { id: stranger.id },
      invitedBy: { id: manager.id },
    });
  });

  it('returns the pending invitation when the same person is invited again', async () => {
    const { manager, stranger, organisation } = await team();
    const first = dataOf(await invite(manager, organisation.id, stranger.email, 'MANAGER'));
    const second = dataOf(await invite(manager, organisation.id, stranger.email));
    expect(second.inviteOrganisationMember).toEqual(first.inviteOrganisationMember);
    const concurrent = await Promise.all(
      [1, 2, 3].map(() => invite(manager, organisation.id, stranger.email)),
    );
    for (const result of concurrent) {
      expect(dataOf(result).inviteOrganisationMember.id).toBe(first.inviteOrganisationMember.id);
    }
    expect(
      await factoryPrisma().organisationInvitation.count({
        where: { organisationId: organisation.id, inviteeId: stranger.id },
      }),
    ).toBe(1);
  });

  it('refuses an anonymous visitor: UNAUTHENTICATED / SIGN_IN_REQUIRED', async () => {
    const { stranger, organisation } = await team();
    const result = await api.gql(INVITE_MEMBER, {
      input: { organisationId: organisation.id, email: stranger.email },
    });
    expect(firstError(result).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SIGN_IN_REQUIRED',
    });
  });

  it('refuses a member who is not a manager, and a non-member: FORBIDDEN / NOT_A_MANAGER', async () => {
    const { member, stranger, organisation } = await team();
    const other = await createUser();
    for (const actor of [member, stranger]) {
      const result = await invite(actor, organisation.id, other.email);
      expect(firstError(result).extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NOT_A_MANAGER',
      });
    }
    // Not even whether an e-mail address has an account.
    const unknown = await invite(stranger, organisation.id, 'nobody@example.org');
    expect(firstError(unknown).extensions?.reason).toBe('NOT_A_MANAGER');
    expect(
      await factoryPrisma().organisationInvitation.count({
        where: { organisationId: organisation.id },
      }),
    ).toBe(0);
  });

  it('refuses an e-mail without an account: NOT_FOUND / USER_NOT_FOUND', async () => {
    const { manager, organisation } = await team();
    const result = await invite(manager, organisation.id, 'nobody-here@example.org');
    expect(firstError(result).extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'USER_NOT_FOUND',
    });
  });

  it('refuses someone already a member (or oneself): CONFLICT / ALREADY_MEMBER', async () => {
    const { manager, member, organisation } = await team();
    for (const invitee of [member, manager]) {
      const result = await invite(manager, organisation.id, invitee.email);
      expect(firstError(result).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'ALREADY_MEMBER',
      });
    }
  });

  it('answers NOT_FOUND / ORGANISATION_NOT_FOUND for an unknown organisation', async () => {
    const { manager, stranger } = await team();
    const result = await invite(manager, NIL_UUID, stranger.email);
    expect(firstError(result).extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'ORGANISATION_NOT_FOUND',
    });
  });

  it.each([
    ['organisationId', { organisationId: 'nope' }, 'id'],
    ['email', { email: 'not-an-email' }, 'email'],
    ['email', { email: '  ' }, 'required'],
  ])('refuses an invalid %s: BAD_USER_INPUT naming it', async (field, patch, rule) => {
    const { manager, stranger, organisation } = await team();
    const result = await api.gql(
      INVITE_MEMBER,
      { input: { organisationId: organisation.id, email: stranger.email, ...patch } },
      await as(manager),
    );
    expect(firstError(result).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field, rule }],
    });
  });

  it('refuses an unknown role at the GraphQL layer', async () => {
    const { manager, stranger, organisation } = await team();
    const result = await invite(manager, organisation.id, stranger.email, 'OWNER');
    expect(firstError(result).extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('respondToOrganisationInvitation and myOrganisationInvitations', () => {
  async function invited(role?: string) {
    const setup = await team();
    const invitation = dataOf(
      await invite(setup.manager, setup.organisation.id, setup.stranger.email, role),
    ).inviteOrganisationMember;
    return { ...setup, invitation };
  }

  const respond = async (user: CreatedUser, invitationId: string, accept: boolean) =>
    api.gql<RespondData>(
      RESPOND_TO_INVITATION,
      { input: { invitationId, accept } },
      await as(user),
    );

  it('lists the pending invitations of the signed-in account', async () => {
    const { stranger, invitation } = await invited();
    const result = await api.gql<MyInvitationsData>(MY_INVITATIONS, {}, await as(stranger));
    expect(dataOf(result).myOrganisationInvitations).toEqual([invitation]);
    const anonymous = await api.gql(MY_INVITATIONS);
    expect(firstError(anonymous).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SIGN_IN_REQUIRED',
    });
  });

  it('makes the invitee a member with the invited role on acceptance', async () => {
    const { stranger, organisation, invitation } = await invited('MANAGER');
    const result = await respond(stranger, invitation.id, true);
    expect(dataOf(result).respondToOrganisationInvitation).toMatchObject({
      id: invitation.id,
      status: 'ACCEPTED',
    });
    const membership = await factoryPrisma().organisationMembership.findUnique({
      where: { userId_organisationId: { userId: stranger.id, organisationId: organisation.id } },
    });
    expect(membership?.role).toBe('MANAGER');
    const mine = await api.gql<MyInvitationsData>(MY_INVITATIONS, {}, await as(stranger));
    expect(dataOf(mine).myOrganisationInvitations).toEqual([]);
  });

  it('records a refusal without a membership', async () => {
    const { stranger, organisation, invitation } = await invited();
    const result = await respond(stranger, invitation.id, false);
    expect(dataOf(result).respondToOrganisationInvitation.status).toBe('DECLINED');
    expect(
      await factoryPrisma().organisationMembership.count({
        where: { userId: stranger.id, organisationId: organisation.id },
      }),
    ).toBe(0);
  });

  it('refuses a second answer: CONFLICT / INVITATION_ALREADY_ANSWERED, even concurrent ones', async () => {
    const { stranger, invitation } = await invited();
    const answers = await Promise.all([
      respond(stranger, invitation.id, true),
      respond(stranger, invitation.id, false),
      respond(stranger, invitation.id, true),
    ]);
    expect(answers.filter((answer) => answer.data)).toHaveLength(1);
    const again = await respond(stranger, invitation.id, false);
    expect(firstError(again).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVITATION_ALREADY_ANSWERED',
    });
  });

  it('answers NOT_FOUND / INVITATION_NOT_FOUND to anyone but the invitee, and for an unknown id', async () => {
    const { manager, member, invitation } = await invited();
    for (const user of [manager, member]) {
      const result = await respond(user, invitation.id, true);
      expect(firstError(result).extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'INVITATION_NOT_FOUND',
      });
    }
    const unknown = await respond(member, NIL_UUID, true);
    expect(firstError(unknown).extensions?.reason).toBe('INVITATION_NOT_FOUND');
  });

  it('refuses an anonymous visitor and an invalid id', async () => {
    const { stranger, invitation } = await invited();
    const anonymous = await api.gql(RESPOND_TO_INVITATION, {
      input: { invitationId: invitation.id, accept: true },
    });
    expect(firstError(anonymous).extensions?.reason).toBe('SIGN_IN_REQUIRED');
    const invalid = await respond(stranger, 'nope', true);
    expect(firstError(invalid).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'invitationId', rule: 'id' }],
    });
  });
});

describe('removeOrganisationMember', () => {
  const remove = async (actor: CreatedUser | null, organisationId: string, userId: string) =>
    api.gql<RemoveData>(
      REMOVE_MEMBER,
      { input: { organisationId, userId } },
      actor ? await as(actor) : {},
    );

  it('lets a manager remove a member', async () => {
    const { manager, member, organisation } = await team();
    const result = await remove(manager, organisation.id, member.id);
    expect(dataOf(result).removeOrganisationMember.members).toEqual([
      expect.objectContaining({
        role: 'MANAGER',
        user: expect.objectContaining({ id: manager.id }),
      }),
    ]);
  });

  it('lets a member leave', async () => {
    const { member, organisation } = await team();
    const result = await remove(member, organisation.id, member.id);
    expect(dataOf(result).removeOrganisationMember).toMatchObject({ myRole: null });
    expect(dataOf(result).removeOrganisationMember.members).toHaveLength(1);
  });

  it('lets a manager leave or be removed while another manager stays', async () => {
    const [a, b] = [await createUser(), await createUser()];
    const organisation = await organisationWith({ managers: [a.id, b.id] });
    const removed = await remove(a, organisation.id, b.id);
    expect(dataOf(removed).removeOrganisationMember.members).toHaveLength(1);
  });

  it('never removes the last manager: FORBIDDEN / LAST_MANAGER', async () => {
    const { manager, organisation } = await team();
    const result = await remove(manager, organisation.id, manager.id);
    expect(firstError(result).extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'LAST_MANAGER',
    });
  });

  it('keeps a manager when two managers leave at the same time', async () => {
    const [a, b] = [await createUser(), await createUser()];
    const organisation = await organisationWith({ managers: [a.id, b.id] });
    const results = await Promise.all([
      remove(a, organisation.id, a.id),
      remove(b, organisation.id, b.id),
    ]);
    expect(results.filter((r) => r.data)).toHaveLength(1);
    expect(
      await factoryPrisma().organisationMembership.count({
        where: { organisationId: organisation.id, role: 'MANAGER' },
      }),
    ).toBe(1);
  });

  it('refuses a member removing another member, and a stranger: FORBIDDEN / NOT_A_MANAGER', async () => {
    const { manager, member, stranger, organisation } = await team();
    for (const [actor, target] of [
      [member, manager],
      [stranger, member],
    ] as const) {
      const result = await remove(actor, organisation.id, target.id);
      expect(firstError(result).extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NOT_A_MANAGER',
      });
    }
  });

  it('refuses removing (or leaving as) someone who is not a member: FORBIDDEN / NOT_A_MEMBER', async () => {
    const { manager, stranger, organisation } = await team();
    for (const actor of [manager, stranger]) {
      const result = await remove(actor, organisation.id, stranger.id);
      expect(firstError(result).extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NOT_A_MEMBER',
      });
    }
  });

  it('refuses an anonymous visitor, an unknown organisation and invalid ids', async () => {
    const { manager, member, organisation } = await team();
    expect(firstError(await remove(null, organisation.id, member.id)).extensions?.reason).toBe(
      'SIGN_IN_REQUIRED',
    );
    expect(firstError(await remove(manager, NIL_UUID, member.id)).extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'ORGANISATION_NOT_FOUND',
    });
    expect(firstError(await remove(manager, organisation.id, 'x')).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'userId', rule: 'id' }],
    });
    expect(firstError(await remove(manager, 'x', member.id)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'organisationId', rule: 'id' }],
    });
  });
});
