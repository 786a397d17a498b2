import { useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/graphql/errors';
import type { CommentNode, CommentStance } from '../../../shared/graphql/schema-types';
import { formatDateTime } from '../../../shared/ui/format';
import {
  COMMENT_THREAD_DEPTH,
  DELETE_COMMENT_MUTATION,
  EDIT_COMMENT_MUTATION,
  REMOVE_COMMENT_UPVOTE_MUTATION,
  UPVOTE_COMMENT_MUTATION,
} from '../graphql/comments.documents';
import { commentAnchor } from '../hooks/useCommentAnchor';
import { CommentForm } from './CommentForm';
import { StanceBadge } from './StanceBadge';
import { ContentDecision } from '../../moderation/components/ProposalModeration';
import { ReportButton } from '../../moderation/components/ReportButton';
import { authorName } from '../../privacy/anonymous';

interface CommentItemProps {
  comment: CommentNode;
  depth: number;
  /** Null for visitors: no actions. */
  viewerId: string | null;
  canComment: boolean;
  onReply: (parentId: string, body: string) => Promise<unknown>;
  /** The comment the URL's hash names (`#commentaire-<id>`): highlighted and focusable. */
  targetId?: string | null;
  /** The viewer moderates the proposal's page (Proposal.viewerCanModerate): hide or restore. */
  canModerate?: boolean;
}

type Mode = 'read' | 'reply' | 'edit' | 'confirmDelete';

/** One comment, its actions and its replies (indented up to COMMENT_THREAD_DEPTH levels). */
export function CommentItem({
  comment,
  depth,
  viewerId,
  canComment,
  onReply,
  targetId = null,
  canModerate = false,
}: CommentItemProps) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<Mode>('read');
  const [actionError, setActionError] = useState<string | null>(null);
  const [editComment] = useMutation(EDIT_COMMENT_MUTATION);
  const [deleteComment, deletion] = useMutation(DELETE_COMMENT_MUTATION);
  const [upvote, upvoting] = useMutation(UPVOTE_COMMENT_MUTATION);
  const [removeUpvote, removing] = useMutation(REMOVE_COMMENT_UPVOTE_MUTATION);
  const isOwn = viewerId !== null && comment.author?.id === viewerId;
  // Hidden by moderation: others get a placeholder (no body, no author); the author a notice.
  const isMasked = Boolean(comment.isHidden) && !comment.isDeleted && comment.body === null;
  const headingId = `comment-${comment.id}`;
  const isTarget = targetId === comment.id;
  // The deepest level shown answers its parent's thread: a deeper reply would not be displayed.
  const replyParentId =
    depth >= COMMENT_THREAD_DEPTH && comment.parentId ? comment.parentId : comment.id;

  const act = async (action: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await action();
    } catch (error) {
      setActionError(errorMessage(error, t));
    }
  };

  const toggleUpvote = () =>
    act(() =>
      comment.hasMyUpvote
        ? removeUpvote({ variables: { commentId: comment.id } })
        : upvote({ variables: { commentId: comment.id } }),
    );

  return (
    <li
      className="comment"
      id={commentAnchor(comment.id)}
      data-depth={Math.min(depth, COMMENT_THREAD_DEPTH)}
    >
      <article
        aria-labelledby={headingId}
        className="comment-card"
        data-targeted={isTarget || undefined}
        tabIndex={isTarget ? -1 : undefined}
      >
        <Stack gap={6}>
          <Group gap="xs" wrap="wrap">
            <Text
              fw={comment.isDeleted ? 400 : 700}
              fs={comment.isDeleted ? 'italic' : undefined}
              c={comment.isDeleted ? 'gray.7' : undefined}
              size="sm"
              id={headingId}
            >
              {isMasked
                ? t('moderation.hiddenComment')
                : comment.isDeleted || !comment.author
                  ? t('comments.deletedAuthor')
                  : authorName(comment.author, t)}
            </Text>
            {comment.author && !comment.isDeleted && (
              <Text size="xs" c="gray.7">
                {t(`actorType.${comment.author.actorType}`)}
              </Text>
            )}
            <Text size="xs" c="gray.7">
              <time dateTime={comment.createdAt}>
                {formatDateTime(comment.createdAt, i18n.language)}
              </time>
            </Text>
            {!comment.isDeleted && <StanceBadge stance={comment.stance} />}
            {comment.isEdited && !comment.isDeleted && (
              <Badge variant="outline" color="gray" radius="sm" tt="none" size="sm">
                {t('comments.edited')}
              </Badge>
            )}
          </Group>
          {comment.isHidden && !isMasked && !comment.isDeleted && (
            <Alert color="ochre" variant="light" p="xs">
              <Text size="sm">{t('moderation.hiddenCommentNotice')}</Text>
            </Alert>
          )}
          {comment.isDeleted || isMasked ? null : mode === 'edit' ? (
            <CommentForm
              label={t('comments.editLabel')}
              submitLabel={t('comments.save')}
              initialBody={comment.body ?? ''}
              initialStance={comment.stance}
              withStance={depth === 1}
              autoFocus
              onCancel={() => setMode('read')}
              onSubmit={async (body: string, stance: CommentStance) => {
                await editComment({
                  variables: { input: { commentId: comment.id, body, stance } },
                });
                setMode('read');
              }}
            />
          ) : comment.bodyHtml ? (
            // bodyHtml is sanitised by the API with an allow-list (renderMarkdown) before storage:
            // the only kind of HTML this app inserts.
            <div className="markdown-body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
          ) : (
            <Text className="preserve-lines">{comment.body}</Text>
          )}
          {!comment.isDeleted && !isMasked && mode !== 'edit' && (
            <Group gap={4} wrap="wrap">
              {viewerId && !isOwn ? (
                <Button
                  variant={comment.hasMyUpvote ? 'light' : 'subtle'}
                  size="compact-sm"
                  aria-pressed={comment.hasMyUpvote}
                  disabled={upvoting.loading || removing.loading}
                  onClick={() => void toggleUpvote()}
                >
                  {t('comments.upvote', { count: comment.upvotes })}
                </Button>
              ) : (
                <Text size="sm" c="gray.7" px={4}>
                  {t('comments.upvotes', { count: comment.upvotes })}
                </Text>
              )}
              {viewerId && canComment && (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  aria-expanded={mode === 'reply'}
                  onClick={() => setMode(mode === 'reply' ? 'read' : 'reply')}
                >
                  {t('comments.reply')}
                </Button>
              )}
              {comment.canEdit && (
                <>
                  <Button variant="subtle" size="compact-sm" onClick={() => setMode('edit')}>
                    {t('comments.edit')}
                  </Button>
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    onClick={() => setMode('confirmDelete')}
                  >
                    {t('comments.delete')}
                  </Button>
                </>
              )}
              {viewerId && !isOwn && (
                <ReportButton
                  targetType="COMMENT"
                  targetId={comment.id}
                  authorId={comment.author?.id}
                />
              )}
            </Group>
          )}
          {canModerate && !comment.isDeleted && mode !== 'edit' && (
            <ContentDecision
              targetType="COMMENT"
              targetId={comment.id}
              isHidden={Boolean(comment.isHidden)}
            />
          )}
          {mode === 'confirmDelete' && (
            <Alert
              color="red"
              variant="light"
              role="alertdialog"
              aria-label={t('comments.confirmDelete')}
            >
              <Stack gap="xs">
                <Text size="sm">{t('comments.confirmDelete')}</Text>
                <Group gap="xs">
                  <Button
                    color="red"
                    size="xs"
                    loading={deletion.loading}
                    onClick={() =>
                      void act(async () => {
                        await deleteComment({ variables: { commentId: comment.id } });
                        setMode('read');
                      })
                    }
                  >
                    {t('comments.confirmDeleteButton')}
                  </Button>
                  <Button variant="subtle" size="xs" onClick={() => setMode('read')}>
                    {t('comments.cancel')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          {actionError && (
            <Alert color="red" role="alert">
              {actionError}
            </Alert>
          )}
          {mode === 'reply' && (
            <CommentForm
              label={t('comments.replyLabel', {
                name: comment.author ? authorName(comment.author, t) : t('comments.deletedAuthor'),
              })}
              submitLabel={t('comments.sendReply')}
              withStance={false}
              autoFocus
              onCancel={() => setMode('read')}
              onSubmit={async (body: string) => {
                await onReply(replyParentId, body);
                setMode('read');
              }}
            />
          )}
        </Stack>
      </article>
      {comment.replies && comment.replies.length > 0 && (
        <ul
          className="plain-list comment-replies"
          aria-label={t('comments.repliesTo', {
            name: comment.author ? authorName(comment.author, t) : t('comments.deletedAuthor'),
          })}
        >
          {comment.replies.map((reply) => (
            <CommentItem
              key={reply.id}
              comment={reply}
              depth={depth + 1}
              viewerId={viewerId}
              canComment={canComment}
              onReply={onReply}
              targetId={targetId}
              canModerate={canModerate}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
