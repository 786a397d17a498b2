import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ModerationQueueEvent } from '../../../shared/graphql/schema-types';

/** Moderators: each change of the queue (report filed, item held for review, decision taken). */
export const MODERATION_QUEUE_CHANGED_SUBSCRIPTION: TypedDocumentNode<
  { moderationQueueChanged: ModerationQueueEvent },
  Record<string, never>
> = gql`
  subscription ModerationQueueChanged {
    moderationQueueChanged {
      kind
      openCount
    }
  }
`;
