import { type ExecutionContext } from '@nestjs/common';
import { type DomainError } from '@passerelle/domain';
import { type SuspensionRecord, type UsersRepository } from '../../modules/users/users.repository';
import { type AuthUser } from './auth-user';
import { SuspensionGuard } from './suspension.guard';

const DAY = 24 * 60 * 60 * 1000;
const STATES: Record<string, SuspensionRecord> = {
  suspended: {
    suspendedAt: new Date(Date.now() - DAY),
    suspendedUntil: new Date(Date.now() + DAY),
  },
  indefinite: { suspendedAt: new Date(Date.now() - DAY), suspendedUntil: null },
  over: { suspendedAt: new Date(Date.now() - 2 * DAY), suspendedUntil: new Date(Date.now() - DAY) },
  active: { suspendedAt: null, suspendedUntil: null },
};

function setup() {
  const lookups: string[] = [];
  const users = {
    findSuspension: async (id: string) => {
      lookups.push(id);
      return STATES[id] ?? null;
    },
  } as unknown as UsersRepository;
  return { guard: new SuspensionGuard(users), lookups };
}

function gqlContext(
  parentType: 'Mutation' | 'Query',
  fieldName: string,
  req: { user?: AuthUser | null },
): ExecutionContext {
  const args = [{}, {}, { req, lang: 'en' }, { parentType: { name: parentType }, fieldName }];
  return {
    getType: () => 'graphql',
    getArgs: () => args,
    getArgByIndex: (index: number) => args[index],
    getClass: () => Object,
    getHandler: () => () => undefined,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
}

async function outcome(guard: SuspensionGuard, context: ExecutionContext) {
  try {
    await guard.canActivate(context);
    return 'ALLOWED';
  } catch (error) {
    return (error as DomainError).code;
  }
}

const signedIn = (id: string) => ({ user: { id, role: 'PARTICIPANT' as const } });

describe('SuspensionGuard', () => {
  it.each([
    ['suspended', 'Mutation', 'castVote', 'ACCOUNT_SUSPENDED'],
    ['indefinite', 'Mutation', 'submitProposal', 'ACCOUNT_SUSPENDED'],
    ['suspended', 'Mutation', 'signOut', 'ALLOWED'],
    ['suspended', 'Mutation', 'markNotificationsRead', 'ALLOWED'],
    ['suspended', 'Query', 'proposals', 'ALLOWED'],
    ['over', 'Mutation', 'castVote', 'ALLOWED'],
    ['active', 'Mutation', 'castVote', 'ALLOWED'],
    ['deleted', 'Mutation', 'castVote', 'ALLOWED'],
  ] as const)('%s account, %s.%s → %s', async (state, parentType, field, expected) => {
    const { guard } = setup();
    expect(await outcome(guard, gqlContext(parentType, field, signedIn(state)))).toBe(expected);
  });

  it('gives the end of the suspension in the error', async () => {
    const { guard } = setup();
    try {
      await guard.canActivate(gqlContext('Mutation', 'castVote', signedIn('suspended')));
      throw new Error('expected ACCOUNT_SUSPENDED');
    } catch (error) {
      expect((error as DomainError).params).toEqual({
        suspendedUntil: STATES['suspended'].suspendedUntil?.toISOString(),
      });
    }
  });

  it('reads the account once per request, and never for anonymous visitors or other transports', async () => {
    const { guard, lookups } = setup();
    const req = signedIn('active');
    await guard.canActivate(gqlContext('Mutation', 'castVote', req));
    await guard.canActivate(gqlContext('Mutation', 'addComment', req));
    await guard.canActivate(gqlContext('Mutation', 'signUp', { user: null }));
    const http = { getType: () => 'http' } as unknown as ExecutionContext;
    expect(await guard.canActivate(http)).toBe(true);
    expect(lookups).toEqual(['active']);
  });
});
