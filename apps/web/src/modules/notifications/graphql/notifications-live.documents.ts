import { gql, type TypedDocumentNode } from '@apollo/client';
import type { NotificationKind } from '../../../shared/graphql/schema-types';

/** Each notification created for the signed-in user; the badge and the list are then refetched. */
export const NOTIFICATION_ADDED_SUBSCRIPTION: TypedDocumentNode<
  {
    notificationAdded: {
      __typename?: 'Notification';
      id: string;
      kind: NotificationKind;
      createdAt: string;
    };
  },
  Record<string, never>
> = gql`
  subscription NotificationAdded {
    notificationAdded {
      id
      kind
      createdAt
    }
  }
`;
