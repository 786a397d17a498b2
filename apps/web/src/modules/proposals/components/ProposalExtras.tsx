import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths, withNext } from '../../../app/paths';
import { errorMessage } from '../../../shared/graphql/errors';
import { formatDateTime } from '../../../shared/ui/format';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { authorName } from '../../privacy/anonymous';
import { RevisionAmendmentCredit } from '../../amendments/components/RevisionAmendmentCredit';
import {
  FOLLOW_PROPOSAL_MUTATION,
  PROPOSAL_BODY_QUERY,
  PROPOSAL_FOLLOW_QUERY,
  PROPOSAL_HISTORY_QUERY,
  UNFOLLOW_PROPOSAL_MUTATION,
  WITHDRAW_PROPOSAL_MUTATION,
} from '../graphql/proposals.documents';

/**
 * The body as Markdown rendered by the API, or as plain text while the API does not serve
 * `bodyHtml` (or for a proposal stored before it existed).
 */
export function ProposalBody({ proposalId, body }: { proposalId: string; body: string }) {
  const { data } = useQuery(PROPOSAL_BODY_QUERY, { variables: { id: proposalId } });
  const html = data?.proposal.bodyHtml;
  if (html) {
    // bodyHtml is rendered from Markdown and sanitised by the API with an allow-list
    // (renderMarkdown, links get rel="nofollow ugc noopener"): safe to insert as HTML.
    return <div className="markdown-body" dangerouslySetInnerHTML={{ __html: html }} />;
  }
  return <Text className="preserve-lines">{body}</Text>;
}

/** Follow / unfollow (toggle button); visitors are invited to sign in. */
export function FollowButton({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const { data } = useQuery(PROPOSAL_FOLLOW_QUERY, { variables: { id: proposalId } });
  const [follow, following] = useMutation(FOLLOW_PROPOSAL_MUTATION);
  const [unfollow, unfollowing] = useMutation(UNFOLLOW_PROPOSAL_MUTATION);
  const [error, setError] = useState<string | null>(null);
  const proposal = data?.proposal;
  if (!proposal) return null;
  if (!user) {
    return (
      <Button
        component={Link}
        variant="default"
        to={withNext(paths.signIn, paths.proposal(proposalId))}
      >
        {t('follow.signIn')}
      </Button>
    );
  }
  const toggle = async () => {
    setError(null);
    try {
      if (proposal.isFollowedByMe) await unfollow({ variables: { proposalId } });
      else await follow({ variables: { proposalId } });
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };
  return (
    <Stack gap={4}>
      <Button
        variant={proposal.isFollowedByMe ? 'light' : 'default'}
        aria-pressed={proposal.isFollowedByMe}
        loading={following.loading || unfollowing.loading}
        onClick={() => void toggle()}
      >
        {proposal.isFollowedByMe ? t('follow.following') : t('follow.follow')}
        <VisuallyHidden>
          {' '}
          {t('follow.followers', { count: proposal.followersCount })}
        </VisuallyHidden>
      </Button>
      {error && (
        <Text size="sm" c="red.7" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** Copies the page's address; the address is also shown when the clipboard is not available. */
export function ShareButton() {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const copy = async () => {
    const url = window.location.href; // read on click: the page is also rendered on the server
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t('share.copied'));
    } catch {
      setStatus(t('share.copyThis', { url }));
    }
  };
  return (
    <Stack gap={4}>
      <Button variant="default" onClick={() => void copy()}>
        {t('share.button')}
      </Button>
      <Text size="sm" c="gray.7" role="status">
        {status}
      </Text>
    </Stack>
  );
}

/** Edit link and withdrawal (with a reason and a confirmation) for the author. */
export function AuthorActions({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(PROPOSAL_BODY_QUERY, { variables: { id: proposalId } });
  const [withdraw, withdrawal] = useMutation(WITHDRAW_PROPOSAL_MUTATION, {
    // The status history and the vote card change; the proposal leaves the public lists.
    refetchQueries: [PROPOSAL_HISTORY_QUERY, PROPOSAL_BODY_QUERY],
    update(cache) {
      cache.evict({ fieldName: 'proposals' });
    },
  });
  const [isConfirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  if (!data?.proposal.canEdit) {
    return <VisuallyHidden role="status">{announcement}</VisuallyHidden>;
  }

  const confirm = async () => {
    setError(null);
    try {
      await withdraw({ variables: { input: { proposalId, reason: reason.trim() || null } } });
      setConfirming(false);
      setAnnouncement(t('authorActions.withdrawn'));
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="author-actions">
      <Stack gap="sm">
        <Title order={2} fz="h5" id="author-actions">
          {t('authorActions.title')}
        </Title>
        <Group gap="xs" wrap="wrap">
          <Button component={Link} to={paths.editProposal(proposalId)} variant="light">
            {t('authorActions.edit')}
          </Button>
          <Button
            variant="subtle"
            color="red"
            aria-expanded={isConfirming}
            onClick={() => setConfirming((open) => !open)}
          >
            {t('authorActions.withdraw')}
          </Button>
        </Group>
        {isConfirming && (
          <Stack gap="xs">
            <Text size="sm">{t('authorActions.withdrawWarning')}</Text>
            <Textarea
              label={t('authorActions.withdrawReason')}
              autosize
              minRows={2}
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            <Group gap="xs">
              <Button color="red" loading={withdrawal.loading} onClick={() => void confirm()}>
                {t('authorActions.confirmWithdraw')}
              </Button>
              <Button variant="subtle" onClick={() => setConfirming(false)}>
                {t('comments.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

/** Status changes (who, when, why) and every revision of the text, newest first. */
export function ProposalHistory({ proposalId }: { proposalId: string }) {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(PROPOSAL_HISTORY_QUERY, { variables: { id: proposalId } });
  const proposal = data?.proposal;
  if (!proposal) return null;
  return (
    <Stack component="section" gap="md" aria-labelledby="history-title">
      <Title order={2} fz="h3" id="history-title">
        {t('history.title')}
      </Title>
      <Stack gap="xs">
        <Title order={3} fz="h5">
          {t('history.statuses')}
        </Title>
        <ol className="history-list">
          {proposal.statusHistory.map((change) => (
            <li key={`${change.at}-${change.to}`}>
              <Text size="sm">
                <time dateTime={change.at}>{formatDateTime(change.at, i18n.language)}</time>
                {' — '}
                {change.from
                  ? t('history.statusChange', {
                      from: t(`status.${change.from}`),
                      to: t(`status.${change.to}`),
                    })
                  : t(`status.${change.to}`)}
                {' · '}
                {t('history.by', { name: authorName(change.actor, t) })}
              </Text>
              {change.reason && (
                <Text size="sm" c="gray.7">
                  {t('history.reason', { reason: change.reason })}
                </Text>
              )}
            </li>
          ))}
        </ol>
      </Stack>
      <Stack gap="xs">
        <Title order={3} fz="h5">
          {t('history.revisions', { count: proposal.revisions.length })}
        </Title>
        <Stack gap="xs">
          {proposal.revisions.map((revision) => (
            <details key={revision.version} className="revision">
              <summary>
                {t('history.version', { version: revision.version })}
                {' — '}
                <time dateTime={revision.createdAt}>
                  {formatDateTime(revision.createdAt, i18n.language)}
                </time>
                {' · '}
                {t('history.by', { name: authorName(revision.editor, t) })}
                <RevisionAmendmentCredit
                  proposalId={proposalId}
                  version={revision.version}
                  editorName={authorName(revision.editor, t)}
                />
              </summary>
              <Stack gap="xs" mt="xs">
                <Text fw={700}>{revision.title}</Text>
                <Text size="sm" className="preserve-lines">
                  {revision.summary}
                </Text>
                {revision.bodyHtml ? (
                  // Sanitised by the API like the proposal body.
                  <div
                    className="markdown-body"
                    dangerouslySetInnerHTML={{ __html: revision.bodyHtml }}
                  />
                ) : (
                  <Text size="sm" className="preserve-lines">
                    {revision.body}
                  </Text>
                )}
              </Stack>
            </details>
          ))}
        </Stack>
      </Stack>
    </Stack>
  );
}
