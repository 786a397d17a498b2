import { useQuery } from '@apollo/client/react';
import type { CurrentUser } from '../../../shared/graphql/schema-types';
import { ME_QUERY } from '../graphql/auth.documents';

/** The signed-in user, or null for a visitor. */
export function useCurrentUser(): { user: CurrentUser | null; loading: boolean } {
  const { data, loading } = useQuery(ME_QUERY);
  return { user: data?.me ?? null, loading: loading && !data };
}
