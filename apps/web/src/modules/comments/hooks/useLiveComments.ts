import { useCallback, useEffect, useRef, useState } from 'react';
import { useSubscription } from '@apollo/client/react';
import type { CommentNode } from '../../../shared/graphql/schema-types';
import { COMMENT_ADDED_SUBSCRIPTION } from '../graphql/comments-live.documents';
import { commentAnchor, isCommentShown } from './useCommentAnchor';

interface LiveCommentsOptions {
  proposalId: string;
  /** The thread as shown (top-level comments with their replies). */
  shown: readonly CommentNode[] | undefined;
  viewerId: string | null;
  /** Loads the thread's first page again (the new comments with it). */
  reload: () => Promise<unknown>;
}

/**
 * Counts the comments posted by others since the thread was shown, without moving the thread
 * under the reader's eyes; `reveal` loads them and focuses the first one. A comment already shown
 * or written by the viewer (its mutation reloads the thread) is never counted, so nothing shows
 * twice.
 */
export function useLiveComments({ proposalId, shown, viewerId, reload }: LiveCommentsOptions) {
  const [pendingIds, setPendingIds] = useState<readonly string[]>([]);
  const context = useRef({ shown, viewerId });
  useEffect(() => {
    context.current = { shown, viewerId };
  }, [shown, viewerId]);
  useSubscription(COMMENT_ADDED_SUBSCRIPTION, {
    variables: { proposalId },
    ignoreResults: true,
    onData: ({ data }) => {
      const comment = data.data?.commentAdded;
      if (!comment) return;
      const current = context.current;
      if (comment.author && comment.author.id === current.viewerId) return;
      if (current.shown && isCommentShown(current.shown, comment.id)) return;
      setPendingIds((ids) => (ids.includes(comment.id) ? ids : [...ids, comment.id]));
    },
  });
  // Shown meanwhile (e.g. the thread was reloaded after the viewer's own post): no longer new.
  const newIds = pendingIds.filter((id) => !shown || !isCommentShown(shown, id));

  const reveal = useCallback(async () => {
    const [first] = newIds;
    await reload();
    setPendingIds([]);
    if (!first) return;
    // After React has rendered the reloaded thread.
    window.setTimeout(() => {
      document
        .getElementById(commentAnchor(first))
        ?.querySelector<HTMLElement>(':scope > article')
        ?.focus();
    }, 0);
  }, [newIds, reload]);

  return { newCount: newIds.length, reveal };
}
