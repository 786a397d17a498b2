import { closeFactories, createProposal, createUser, factoryPrisma, PHASES } from '../factories';
import { createConsultation } from '../factories';
import { HIDE, moderationFixture, type Role, signedIn } from './support/moderation';
import { SIGN_IN } from './support/operations';
import { ADD_COMMENT, CAST_VOTE } from './support/participation';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';
import {
  MARK_READ,
  ME_SUSPENSION,
  notificationsOf,
  proposalInput,
  REINSTATE,
  SUBMIT,
  SUSPEND,
} from './support/trust';

type ModerationUserData = {
  id: string;
  role: string;
  isSuspended: boolean;
  suspendedUntil: string | null;
  suspensionReason: string | null;
  history: { suspensionsCount: number; proposalsCount: number; memberSince: string };
};
const DAY = 24 * 60 * 60 * 1000;

describe('account suspension', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const suspend = (token: string, input: Record<string, unknown>, lang?: string) =>
    api.gql<{ suspendUser: ModerationUserData }>(SUSPEND, { input }, { token, lang });
  const reinstate = (token: string, input: Record<string, unknown>) =>
    api.gql<{ reinstateUser: ModerationUserData }>(REINSTATE, { input }, { token });
  const auditOf = (targetId: string, action: string) =>
    factoryPrisma().auditLogEntry.findMany({ where: { targetId, action } });

  /** A participant with a token, a public proposal in an open consultation to write on. */
  async function participantWithTargets() {
    const user = await createUser();
    const token = await api.tokenFor(user);
    const proposing = await createConsultation();
    const voting = await createConsultation({ phases: PHASES.proposingClosed() });
    const other = await createUser();
    const proposal = await createProposal({ consultationId: proposing.id, authorId: other.id });
    const votable = await createProposal({ consultationId: voting.id, authorId: other.id });
    return {
      user,
      token,
      proposingId: proposing.id,
      proposalId: proposal.id,
      votableId: votable.id,
    };
  }

  it('blocks every contribution of a suspended participant with the end of the suspension, not reads nor sign-in', async () => {
    const moderator = await signedIn(api, 'MODERATOR');
    const target = await participantWithTargets();
    const before = Date.now();
    const result = await suspend(moderator.token, {
      userId: target.user.id,
      reason: 'Insultes répétées',
      durationDays: 7,
    });
    const suspended = dataOf(result).suspendUser;
    expect(suspended).toMatchObject({
      id: target.user.id,
      role: 'PARTICIPANT',
      isSuspended: true,
      suspensionReason: 'Insultes répétées',
      history: { suspensionsCount: 1, proposalsCount: 0 },
    });
    const until = new Date(suspended.suspendedUntil as string).getTime();
    expect(until).toBeGreaterThanOrEqual(before + 7 * DAY);
    expect(until).toBeLessThanOrEqual(Date.now() + 7 * DAY);

    const attempts = [
      await api.gql(
        CAST_VOTE,
        { input: { proposalId: target.votableId, value: 'FOR' } },
        { token: target.token, lang: 'en' },
      ),
      await api.gql(
        SUBMIT,
        { input: await proposalInput(target.proposingId) },
        { token: target.token, lang: 'en' },
      ),
      await api.gql(
        ADD_COMMENT,
        { input: { proposalId: target.proposalId, body: 'Je contribue encore' } },
        { token: target.token, lang: 'en' },
      ),
    ];
    for (const attempt of attempts) {
      const error = firstError(attempt);
      expect(error.extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'ACCOUNT_SUSPENDED',
        suspendedUntil: suspended.suspendedUntil,
      });
      expect(error.message).toContain(suspended.suspendedUntil);
    }
    expect(await factoryPrisma().vote.count({ where: { userId: target.user.id } })).toBe(0);
    expect(await factoryPrisma().proposal.count({ where: { authorId: target.user.id } })).toBe(0);
    expect(await factoryPrisma().comment.count({ where: { authorId: target.user.id } })).toBe(0);

    // Reads, the session and the notices still work.
    const me = dataOf(
      await api.gql<{ me: Record<string, unknown> }>(ME_SUSPENSION, {}, { token: target.token }),
    ).me;
    expect(me).toEqual({
      id: target.user.id,
      isSuspended: true,
      suspendedUntil: suspended.suspendedUntil,
      suspensionReason: 'Insultes répétées',
    });
    const signIn = await api.gql(SIGN_IN, {
      input: { email: target.user.email, password: target.user.password },
    });
    expect(signIn.errors).toBeUndefined();
    expect(
      dataOf(
        await api.gql<{ markNotificationsRead: number }>(MARK_READ, {}, { token: target.token }),
      ).markNotificationsRead,
    ).toBe(1);

    const audit = await auditOf(target.user.id, 'SUSPEND_USER');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: moderator.id, reason: 'Insultes répétées' });
    const notices = await notificationsOf(target.user.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      kind: 'ACCOUNT_SUSPENDED',
      payload: { reason: 'Insultes répétées', suspendedUntil: suspended.suspendedUntil },
    });
  });

  it('suspends until reinstated when no duration is given, without an end in the error', async () => {
    const admin = await signedIn(api, 'ADMIN');
    const target = await participantWithTargets();
    const suspended = dataOf(
      await suspend(admin.token, { userId: target.user.id, reason: 'Spam massif' }),
    ).suspendUser;
    expect(suspended).toMatchObject({ isSuspended: true, suspendedUntil: null });
    const error = firstError(
      await api.gql(
        ADD_COMMENT,
        { input: { proposalId: target.proposalId, body: 'Encore du spam' } },
        { token: target.token },
      ),
    );
    expect(error.extensions?.reason).toBe('ACCOUNT_SUSPENDED');
    expect(error.extensions).not.toHaveProperty('suspendedUntil');
  });

  it('no longer blocks once the suspension has ended', async () => {
    const target = await participantWithTargets();
    await factoryPrisma().user.update({
      where: { id: target.user.id },
      data: {
        suspendedAt: new Date(Date.now() - 10 * DAY),
        suspendedUntil: new Date(Date.now() - DAY),
        suspensionReason: 'Ancienne suspension',
      },
    });
    const comment = await api.gql(
      ADD_COMMENT,
      { input: { proposalId: target.proposalId, body: 'De retour' } },
      { token: target.token },
    );
    expect(comment.errors).toBeUndefined();
    const me = dataOf(
      await api.gql<{ me: Record<string, unknown> }>(ME_SUSPENSION, {}, { token: target.token }),
    ).me;
    expect(me).toMatchObject({ isSuspended: false, suspendedUntil: null, suspensionReason: null });
  });

  it('reinstates a suspended account, once, with an audit entry and a notice', async () => {
    const moderator = await signedIn(api, 'MODERATOR');
    const target = await participantWithTargets();
    dataOf(
      await suspend(moderator.token, {
        userId: target.user.id,
        reason: 'Propos haineux',
        durationDays: 30,
      }),
    );
    const reinstated = dataOf(
      await reinstate(moderator.token, { userId: target.user.id, reason: 'Erreur de modération' }),
    ).reinstateUser;
    expect(reinstated).toMatchObject({
      isSuspended: false,
      suspendedUntil: null,
      suspensionReason: null,
    });
    const comment = await api.gql(
      ADD_COMMENT,
      { input: { proposalId: target.proposalId, body: 'Merci' } },
      { token: target.token },
    );
    expect(comment.errors).toBeUndefined();

    const again = firstError(
      await reinstate(moderator.token, { userId: target.user.id, reason: 'Encore' }),
    );
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_SUSPENDED' });
    expect(await auditOf(target.user.id, 'REINSTATE_USER')).toHaveLength(1);
    expect(await auditOf(target.user.id, 'SUSPEND_USER')).toHaveLength(1);
    const kinds = (await notificationsOf(target.user.id)).map((notice) => notice.kind);
    expect(kinds).toEqual(['ACCOUNT_REINSTATED', 'ACCOUNT_SUSPENDED']);
  });

  it('updates a running suspension when suspending again, and counts both in the history', async () => {
    const moderator = await signedIn(api, 'MODERATOR');
    const target = await createUser();
    dataOf(
      await suspend(moderator.token, {
        userId: target.id,
        reason: 'Premier avertissement',
        durationDays: 1,
      }),
    );
    const second = dataOf(
      await suspend(moderator.token, { userId: target.id, reason: 'Récidive', durationDays: 10 }),
    ).suspendUser;
    expect(second).toMatchObject({
      suspensionReason: 'Récidive',
      history: { suspensionsCount: 2 },
    });
    expect(new Date(second.suspendedUntil as string).getTime()).toBeGreaterThan(
      Date.now() + 9 * DAY,
    );
  });

  it.each([
    ['MODERATOR', 'ADMIN', 'NOT_ALLOWED'],
    ['MODERATOR', 'MODERATOR', 'NOT_ALLOWED'],
    ['ADMIN', 'MODERATOR', 'allowed'],
    ['MODERATOR', 'CURATOR', 'allowed'],
  ] as [Role, Role, string][])(
    'a %s suspending a %s → %s',
    async (actorRole, targetRole, expected) => {
      const actor = await signedIn(api, actorRole);
      const target = await createUser({ role: targetRole });
      const result = await suspend(actor.token, { userId: target.id, reason: 'Comportement' });
      if (expected === 'allowed') {
        expect(dataOf(result).suspendUser.isSuspended).toBe(true);
      } else {
        expect(firstError(result).extensions).toMatchObject({
          code: 'FORBIDDEN',
          reason: expected,
        });
        expect(await auditOf(target.id, 'SUSPEND_USER')).toHaveLength(0);
      }
    },
  );

  it.each(['MODERATOR', 'ADMIN'] as Role[])('a %s cannot suspend themself', async (role) => {
    const actor = await signedIn(api, role);
    const error = firstError(
      await suspend(actor.token, { userId: actor.id, reason: 'Pause' }, 'en'),
    );
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_ACCOUNT_SUSPENSION' });
    expect(error.message).toBe('You cannot suspend your own account.');
  });

  it.each([
    ['PARTICIPANT', 'FORBIDDEN'],
    ['CURATOR', 'FORBIDDEN'],
    [null, 'UNAUTHENTICATED'],
  ] as [Role | null, string][])(
    '%s may not suspend or reinstate (%s; null: anonymous)',
    async (role, code) => {
      const target = await createUser();
      const token = role ? (await signedIn(api, role)).token : '';
      const input = { userId: target.id, reason: 'Comportement' };
      expect(firstError(await suspend(token, input)).extensions?.code).toBe(code);
      expect(firstError(await reinstate(token, input)).extensions?.code).toBe(code);
      expect(await auditOf(target.id, 'SUSPEND_USER')).toHaveLength(0);
    },
  );

  it('rejects an unknown account and invalid inputs', async () => {
    const moderator = await signedIn(api, 'MODERATOR');
    const unknown = await suspend(moderator.token, {
      userId: '00000000-0000-4000-8000-000000000000',
      reason: 'Comportement',
    });
    expect(firstError(unknown).extensions?.code).toBe('NOT_FOUND');
    const target = await createUser();
    const invalid = firstError(
      await suspend(moderator.token, { userId: target.id, reason: 'x', durationDays: 0 }),
    );
    expect(invalid.extensions?.code).toBe('BAD_USER_INPUT');
    expect(invalid.extensions?.fields?.map((field) => field.field).sort()).toEqual([
      'durationDays',
      'reason',
    ]);
  });

  it('blocks the moderation mutations of a suspended moderator too', async () => {
    const admin = await signedIn(api, 'ADMIN');
    const moderator = await signedIn(api, 'MODERATOR');
    const fixture = await moderationFixture();
    dataOf(
      await suspend(admin.token, {
        userId: moderator.id,
        reason: 'Abus de pouvoir',
        durationDays: 3,
      }),
    );
    const hide = await api.gql(
      HIDE,
      { input: { targetType: 'PROPOSAL', targetId: fixture.proposalId, reason: 'Hors sujet' } },
      { token: moderator.token },
    );
    expect(firstError(hide).extensions?.reason).toBe('ACCOUNT_SUSPENDED');
    const proposal = await factoryPrisma().proposal.findUniqueOrThrow({
      where: { id: fixture.proposalId },
    });
    expect(proposal.hiddenAt).toBeNull();
  });
});
