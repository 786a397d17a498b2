import { useQuery } from '@apollo/client/react';
import { can } from '@passerelle/domain';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import {
  MY_MODERATED_CONSULTATIONS_QUERY,
  type ModeratedConsultation,
} from '../graphql/local-moderation.documents';

export interface ModerationAccess {
  loading: boolean;
  /** Platform moderators and administrators: every consultation, accounts and the audit log. */
  isPlatformModerator: boolean;
  /** The consultations a local moderator moderates (empty for platform moderators). */
  localConsultations: ModeratedConsultation[];
  /** May open the moderation page at all. */
  mayModerate: boolean;
}

/** What the viewer moderates: everything (platform role), some consultations (local), or nothing. */
export function useModerationAccess(): ModerationAccess {
  const { user, loading: userLoading } = useCurrentUser();
  const isPlatformModerator = can(user, 'moderation.act');
  const local = useQuery(MY_MODERATED_CONSULTATIONS_QUERY, {
    skip: !user || isPlatformModerator,
  });
  const localConsultations = local.data?.myModeratedConsultations ?? [];
  return {
    loading: userLoading || (local.loading && !local.data),
    isPlatformModerator,
    localConsultations,
    mayModerate: isPlatformModerator || localConsultations.length > 0,
  };
}
