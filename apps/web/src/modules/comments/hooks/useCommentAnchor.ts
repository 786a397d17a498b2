import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import type { CommentNode } from '../../../shared/graphql/schema-types';

const PREFIX = 'commentaire-';

/** The id of a comment's element, which links to the comment name: `#commentaire-<id>`. */
export const commentAnchor = (commentId: string) => `${PREFIX}${commentId}`;

/** The comment named by the URL's hash (`#commentaire-<id>`), or null. */
export function useTargetCommentId(): string | null {
  const { hash } = useLocation();
  if (!hash.startsWith(`#${PREFIX}`)) return null;
  try {
    return decodeURIComponent(hash.slice(PREFIX.length + 1)) || null;
  } catch {
    return null; // a malformed hash names no comment
  }
}

/** Whether `commentId` is among the comments shown, replies included. */
export function isCommentShown(comments: readonly CommentNode[], commentId: string): boolean {
  return comments.some(
    (comment) => comment.id === commentId || isCommentShown(comment.replies ?? [], commentId),
  );
}

/**
 * Once the targeted comment is on the page, scrolls to it and focuses its card (once per hash),
 * so that a link to a comment — e.g. a brief's source marker — lands on it. Deferred to after the
 * page's own focus handling (the layout focuses the new page's title after a navigation).
 */
export function useFocusTargetComment(targetId: string | null, isShown: boolean): void {
  const focused = useRef<string | null>(null);
  useEffect(() => {
    if (!targetId || !isShown || focused.current === targetId) return;
    const timer = window.setTimeout(() => {
      const card = document
        .getElementById(commentAnchor(targetId))
        ?.querySelector<HTMLElement>(':scope > article');
      if (!card) return;
      focused.current = targetId;
      card.scrollIntoView?.({ block: 'center' });
      card.focus({ preventScroll: true });
    }, 0);
    return () => window.clearTimeout(timer);
  }, [targetId, isShown]);
}
