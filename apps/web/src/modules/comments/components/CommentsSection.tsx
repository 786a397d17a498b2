import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { NetworkStatus } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths, withNext } from '../../../app/paths';
import { errorMessage, isUnsupportedByApi } from '../../../shared/graphql/errors';
import type { CommentStance } from '../../../shared/graphql/schema-types';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { useCanModerateProposal } from '../../moderation/components/ProposalModeration';
import { ADD_COMMENT_MUTATION, PROPOSAL_COMMENTS_QUERY } from '../graphql/comments.documents';
import {
  isCommentShown,
  useFocusTargetComment,
  useTargetCommentId,
} from '../hooks/useCommentAnchor';
import { useLiveComments } from '../hooks/useLiveComments';
import { CommentForm } from './CommentForm';
import { CommentItem } from './CommentItem';
import { NewCommentsNotice } from './NewCommentsNotice';

/**
 * The proposal's discussion: threaded comments with a stance, replies, upvotes, edits and soft
 * deletion. Hidden entirely while the API does not serve comments yet.
 */
export function CommentsSection({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const canModerate = useCanModerateProposal(proposalId);
  const { data, error, fetchMore, refetch, networkStatus } = useQuery(PROPOSAL_COMMENTS_QUERY, {
    variables: { id: proposalId },
    notifyOnNetworkStatusChange: true,
  });
  const [addComment] = useMutation(ADD_COMMENT_MUTATION);
  const [announcement, setAnnouncement] = useState('');
  const proposal = data?.proposal;
  // A link to a comment (`#commentaire-<id>`): load pages until it is shown, then go to it.
  const targetId = useTargetCommentId();
  const comments = proposal?.comments;
  const isTargetShown =
    targetId !== null &&
    comments !== undefined &&
    isCommentShown(
      comments.edges.map((edge) => edge.node),
      targetId,
    );
  const requestedCursors = useRef(new Set<string | null>());
  useEffect(() => {
    if (!targetId || !comments || isTargetShown || networkStatus !== NetworkStatus.ready) return;
    const { hasNextPage, endCursor } = comments.pageInfo;
    if (!hasNextPage || requestedCursors.current.has(endCursor)) return;
    requestedCursors.current.add(endCursor);
    void fetchMore({ variables: { after: endCursor } });
  }, [targetId, comments, isTargetShown, networkStatus, fetchMore]);
  useFocusTargetComment(targetId, isTargetShown);
  const live = useLiveComments({
    proposalId,
    shown: comments?.edges.map((edge) => edge.node),
    viewerId: user?.id ?? null,
    reload: () => refetch({ id: proposalId, after: null }),
  });
  if (error && isUnsupportedByApi(error)) return null;
  const canComment = proposal?.consultation.openPhases.some((phase) => phase !== 'CLOSED') ?? false;

  const post = async (body: string, stance: CommentStance, parentId: string | null) => {
    await addComment({ variables: { input: { proposalId, parentId, body, stance } } });
    // The thread's shape and the count change: fetch the first page again.
    await refetch({ id: proposalId, after: null });
    setAnnouncement(parentId ? t('comments.replyPosted') : t('comments.posted'));
  };

  return (
    <Stack component="section" gap="md" aria-labelledby="comments-title">
      <Title order={2} fz="h3" id="comments-title">
        {t('comments.title', { count: proposal?.commentsCount ?? 0 })}
      </Title>
      {error && !proposal && <Alert color="red">{errorMessage(error, t)}</Alert>}
      {proposal && !canComment && <Alert color="gray">{t('comments.closed')}</Alert>}
      {proposal && canComment && user && (
        <Card withBorder radius="md" padding="md">
          <CommentForm
            label={t('comments.newLabel')}
            submitLabel={t('comments.post')}
            onSubmit={(body, stance) => post(body, stance, null)}
          />
        </Card>
      )}
      {proposal && canComment && !user && (
        <Group gap="xs" wrap="wrap">
          <Text size="sm">{t('comments.signInToComment')}</Text>
          <Button
            component={Link}
            size="xs"
            variant="outline"
            to={withNext(paths.signIn, paths.proposal(proposalId))}
          >
            {t('account.signIn')}
          </Button>
        </Group>
      )}
      <NewCommentsNotice count={live.newCount} onReveal={live.reveal} />
      {proposal && proposal.comments.edges.length === 0 && (
        <Text c="gray.7">{t('comments.none')}</Text>
      )}
      {proposal && proposal.comments.edges.length > 0 && (
        <ul className="plain-list comment-list">
          {proposal.comments.edges.map(({ node }) => (
            <CommentItem
              key={node.id}
              comment={node}
              depth={1}
              viewerId={user?.id ?? null}
              canComment={canComment}
              onReply={(parentId, body) => post(body, 'NONE', parentId)}
              targetId={targetId}
              canModerate={canModerate}
            />
          ))}
        </ul>
      )}
      {proposal?.comments.pageInfo.hasNextPage && (
        <Group justify="center">
          <Button
            variant="outline"
            loading={networkStatus === NetworkStatus.fetchMore}
            onClick={() =>
              void fetchMore({ variables: { after: proposal.comments.pageInfo.endCursor } })
            }
          >
            {t('comments.loadMore')}
          </Button>
        </Group>
      )}
      <VisuallyHidden role="status">{announcement}</VisuallyHidden>
    </Stack>
  );
}
