import { DomainError } from '../shared/errors';
import { type Role } from '../shared/enums';
import {
  type Action,
  type Actor,
  assertCan,
  assertCanModerateConsultation,
  can,
  canModerateConsultation,
} from './can';

const as = (role: Role, id = 'u1'): Actor => ({ id, role });
const ROLES: Role[] = ['PARTICIPANT', 'MODERATOR', 'CURATOR', 'ADMIN'];

// Expected answers per action, for each role, acting on someone else's resource.
const MATRIX: Record<Action, Role[]> = {
  'proposal.submit': ['PARTICIPANT', 'MODERATOR', 'CURATOR', 'ADMIN'],
  'proposal.edit': [],
  'proposal.withdraw': [],
  'proposal.answer': ['MODERATOR', 'ADMIN'],
  'vote.cast': ['PARTICIPANT', 'MODERATOR', 'CURATOR', 'ADMIN'],
  'comment.create': ['PARTICIPANT', 'MODERATOR', 'CURATOR', 'ADMIN'],
  'moderation.act': ['MODERATOR', 'ADMIN'],
  'brief.edit': ['CURATOR', 'ADMIN'],
  'dashboard.readExact': ['CURATOR', 'ADMIN'],
  'consultation.manage': ['ADMIN'],
  'user.readEmail': ['ADMIN'],
  'user.manageRoles': ['ADMIN'],
  'mail.readOutbox': ['ADMIN'],
  'audit.readAuthEvents': ['ADMIN'],
  'experiment.checkFigures': ['MODERATOR', 'ADMIN'],
};

describe('can', () => {
  const others = { ownerId: 'someone-else' };

  for (const [action, allowed] of Object.entries(MATRIX) as [Action, Role[]][]) {
    it(`${action}: allows exactly ${allowed.join(', ') || 'nobody'} on others' resources`, () => {
      for (const role of ROLES) expect(can(as(role), action, others)).toBe(allowed.includes(role));
      expect(can(null, action, others)).toBe(false);
    });
  }

  it.each(['proposal.edit', 'proposal.withdraw', 'user.readEmail'] as Action[])(
    '%s is allowed to the owner only',
    (action) => {
      expect(can(as('PARTICIPANT', 'me'), action, { ownerId: 'me' })).toBe(true);
      expect(can(as('PARTICIPANT', 'me'), action, { ownerId: null })).toBe(false);
      expect(can(as('PARTICIPANT', 'me'), action)).toBe(false);
    },
  );
});

describe('assertCan', () => {
  it('asks anonymous visitors to sign in', () => {
    expect(() => assertCan(null, 'vote.cast')).toThrow(
      expect.objectContaining({ code: 'SIGN_IN_REQUIRED' }),
    );
  });

  it('refuses accounts without the right', () => {
    expect(() => assertCan(as('PARTICIPANT'), 'moderation.act')).toThrow(DomainError);
    expect(() => assertCan(as('PARTICIPANT'), 'moderation.act')).toThrow(
      expect.objectContaining({ code: 'NOT_ALLOWED' }),
    );
  });

  it('lets allowed accounts through', () => {
    expect(() => assertCan(as('MODERATOR'), 'moderation.act')).not.toThrow();
  });
});

describe('canModerateConsultation', () => {
  const local = { isLocalModerator: true };
  const stranger = { isLocalModerator: false };

  it('lets platform moderators and administrators moderate every consultation', () => {
    for (const role of ['MODERATOR', 'ADMIN'] as Role[]) {
      expect(canModerateConsultation(as(role), stranger)).toBe(true);
      expect(canModerateConsultation(as(role), { ...local, isSuspended: false })).toBe(true);
    }
  });

  it("lets a local moderator moderate their consultation's content only", () => {
    for (const role of ['PARTICIPANT', 'CURATOR'] as Role[]) {
      expect(canModerateConsultation(as(role), local)).toBe(true);
      expect(canModerateConsultation(as(role), { ...local, isSuspended: false })).toBe(true);
      expect(canModerateConsultation(as(role), stranger)).toBe(false);
    }
  });

  it('a suspended local moderator moderates nothing', () => {
    expect(canModerateConsultation(as('PARTICIPANT'), { ...local, isSuspended: true })).toBe(false);
  });

  it('anonymous visitors moderate nothing', () => {
    expect(canModerateConsultation(null, local)).toBe(false);
  });
});

describe('assertCanModerateConsultation', () => {
  it('asks anonymous visitors to sign in', () => {
    expect(() => assertCanModerateConsultation(null, { isLocalModerator: true })).toThrow(
      expect.objectContaining({ code: 'SIGN_IN_REQUIRED' }),
    );
  });

  it('refuses accounts that are not moderators of the consultation', () => {
    expect(() =>
      assertCanModerateConsultation(as('PARTICIPANT'), { isLocalModerator: false }, 'en'),
    ).toThrow(expect.objectContaining({ code: 'NOT_ALLOWED' }));
  });

  it('lets local moderators through', () => {
    expect(() =>
      assertCanModerateConsultation(as('PARTICIPANT'), { isLocalModerator: true }),
    ).not.toThrow();
  });
});
