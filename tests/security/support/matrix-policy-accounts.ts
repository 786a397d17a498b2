// Policy entries of the account operations added with issue 8 (password change, account
// deletion, identity providers). Each acts on the caller's own account, so it runs on a fresh
// account of the caller's role: changing its password or deleting it must not end the sessions
// the rest of the matrix uses.
import { createUser } from '../../factories';
import type { Call, OperationPolicy } from './matrix-policy';
import { ADMINS, type Caller, EVERYONE, type MatrixWorld, SIGNED_IN } from './matrix-world';

const ROLE = {
  owner: 'PARTICIPANT',
  other: 'PARTICIPANT',
  moderator: 'MODERATOR',
  curator: 'CURATOR',
  admin: 'ADMIN',
} as const;

/** A new account with the caller's role, and a token of it (none when anonymous). */
export async function freshAccountOf(world: MatrixWorld, caller: Caller) {
  if (caller === 'anonymous') return { user: await createUser(), token: undefined };
  const user = await createUser({ role: ROLE[caller] });
  return { user, token: await world.api.tokenFor(user) };
}

export const ACCOUNT_POLICY: Record<string, OperationPolicy> = {
  // Who signed in from where (IP addresses, browsers): administrators only.
  authEvents: {
    allowed: ADMINS,
    call: async () => ({
      query: `{ authEvents(first: 5) { totalCount edges { node { kind ip } } } }`,
    }),
  },
  authProviders: { allowed: EVERYONE, call: async () => ({ query: `{ authProviders { name } }` }) },
  changePassword: {
    allowed: SIGNED_IN,
    call: async (world, caller): Promise<Call> => {
      const { user, token } = await freshAccountOf(world, caller);
      return {
        query: `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken } }`,
        variables: {
          input: { currentPassword: user.password, newPassword: 'un tout nouveau mot de passe' },
        },
        token,
      };
    },
  },
  deleteMyAccount: {
    allowed: SIGNED_IN,
    call: async (world, caller): Promise<Call> => {
      const { user, token } = await freshAccountOf(world, caller);
      return {
        query: `mutation ($input: DeleteMyAccountInput!) { deleteMyAccount(input: $input) }`,
        variables: {
          input: { mode: 'KEEP_CONTRIBUTIONS', password: user.password, confirmation: user.email },
        },
        token,
      };
    },
  },
};
