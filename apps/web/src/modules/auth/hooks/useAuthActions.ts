import { useCallback } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import {
  ME_QUERY,
  SIGN_IN_MUTATION,
  SIGN_OUT_MUTATION,
  SIGN_UP_MUTATION,
  type SignInVariables,
  type SignUpVariables,
} from '../graphql/auth.documents';

/** Creates an account; the API sets the session cookies and the user becomes `me`. */
export function useSignUp() {
  const client = useApolloClient();
  const [mutate, { loading }] = useMutation(SIGN_UP_MUTATION);
  const signUp = useCallback(
    async (input: SignUpVariables['input']) => {
      const { data } = await mutate({ variables: { input } });
      if (data) {
        client.writeQuery({ query: ME_QUERY, data: { me: data.signUp.user } });
      }
    },
    [client, mutate],
  );
  return { signUp, loading };
}

export function useSignIn() {
  const client = useApolloClient();
  const [mutate, { loading }] = useMutation(SIGN_IN_MUTATION);
  const signIn = useCallback(
    async (input: SignInVariables['input']) => {
      const { data } = await mutate({ variables: { input } });
      if (data) {
        client.writeQuery({ query: ME_QUERY, data: { me: data.signIn.user } });
      }
    },
    [client, mutate],
  );
  return { signIn, loading };
}

/**
 * Signs out, then refetches what is on screen so nothing private stays in the cache. The refetch
 * is not awaited: the caller moves on at once, and a slow refetch finishing later must not undo
 * what the user did meanwhile (it used to send them back home after they had gone elsewhere).
 */
export function useSignOut() {
  const client = useApolloClient();
  const [mutate, { loading }] = useMutation(SIGN_OUT_MUTATION);
  const signOut = useCallback(async () => {
    try {
      await mutate();
    } finally {
      client.resetStore().catch(() => undefined); // queries in flight are refetched anyway
    }
  }, [client, mutate]);
  return { signOut, loading };
}

/** Where to go after signing in: a same-site path from `?next=`, or home. */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
