import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  MySuspension,
  NotificationConnection,
  NotificationPreference,
} from '../../../shared/graphql/schema-types';

export const NOTIFICATIONS_PAGE_SIZE = 20;

const NOTIFICATION_FIELDS = gql`
  fragment NotificationFields on Notification {
    id
    kind
    createdAt
    readAt
    isRead
    reason
    proposal {
      id
      title
    }
    commentId
    clusterId
    title
    suspendedUntil
    briefTitle
    sectionTitle
    authorName
    excerpt
    status
    amendmentId
    decision
    accepted
    votesFor
    votesAgainst
  }
`;

/** My notifications, newest first, with the unread count. */
export const MY_NOTIFICATIONS_QUERY: TypedDocumentNode<
  { myNotifications: NotificationConnection },
  { first?: number; after?: string | null }
> = gql`
  query MyNotifications($first: Int, $after: String) {
    myNotifications(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...NotificationFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
      unreadCount
    }
  }
  ${NOTIFICATION_FIELDS}
`;

/** The header's badge: only the unread count (polled, and refetched on navigation). */
export const UNREAD_NOTIFICATIONS_QUERY: TypedDocumentNode<
  { myNotifications: Pick<NotificationConnection, '__typename' | 'unreadCount'> },
  Record<string, never>
> = gql`
  query UnreadNotifications {
    myNotifications(first: 1, unreadOnly: true) {
      unreadCount
    }
  }
`;

/** `ids` absent marks all of mine as read; answers how many were marked. */
export const MARK_NOTIFICATIONS_READ_MUTATION: TypedDocumentNode<
  { markNotificationsRead: number },
  { ids?: string[] | null }
> = gql`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`;

/** The signed-in account's suspension, asked apart from `me` so an older API still signs in. */
export const MY_SUSPENSION_QUERY: TypedDocumentNode<
  { me: MySuspension | null },
  Record<string, never>
> = gql`
  query MySuspension {
    me {
      id
      isSuspended
      suspendedUntil
      suspensionReason
    }
  }
`;

/** How often each kind of notification goes out by e-mail (every kind). */
export const MY_NOTIFICATION_PREFERENCES_QUERY: TypedDocumentNode<
  { myNotificationPreferences: NotificationPreference[] },
  Record<string, never>
> = gql`
  query MyNotificationPreferences {
    myNotificationPreferences {
      kind
      frequency
    }
  }
`;

/** Stores the given kinds' frequencies; answers every kind. */
export const UPDATE_NOTIFICATION_PREFERENCES_MUTATION: TypedDocumentNode<
  { updateNotificationPreferences: NotificationPreference[] },
  { preferences: Pick<NotificationPreference, 'kind' | 'frequency'>[] }
> = gql`
  mutation UpdateNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {
    updateNotificationPreferences(preferences: $preferences) {
      kind
      frequency
    }
  }
`;
