import { useState } from 'react';
import { Alert, Button, Card, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/graphql/errors';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import {
  ANSWER_PROPOSAL_MUTATION,
  ANSWER_STATUSES,
  PROPOSAL_MODERATION_QUERY,
  type AnswerStatus,
  type ModerationItem,
} from '../graphql/moderation.documents';
import { DecisionForm } from './DecisionForm';
import { ReportButton } from './ReportButton';

export const isModerator = (role: string | undefined) => role === 'MODERATOR' || role === 'ADMIN';

/**
 * Whether the proposal page offers to hide or restore the proposal and its comments: the API's
 * `viewerCanModerate` (platform moderators, and the local moderators of its consultation), or
 * the platform role while the answer is not there yet.
 */
export function canModerateOnPage(
  proposal: { viewerCanModerate?: boolean } | null | undefined,
  role: string | undefined,
): boolean {
  return proposal?.viewerCanModerate === true || isModerator(role);
}

function useProposalModeration(proposalId: string) {
  const { data } = useQuery(PROPOSAL_MODERATION_QUERY, { variables: { id: proposalId } });
  return data?.proposal;
}

/**
 * Whether the viewer moderates this proposal's page (it and its comments). Read from the cache
 * (the page's one request fills it): the comments never send a request of their own for it.
 */
export function useCanModerateProposal(proposalId: string): boolean {
  const { user } = useCurrentUser();
  const { data } = useQuery(PROPOSAL_MODERATION_QUERY, {
    variables: { id: proposalId },
    fetchPolicy: 'cache-only',
    skip: !user,
  });
  return user ? canModerateOnPage(data?.proposal, user.role) : false;
}

/** The cache's type of each content decided on from its page (its isHidden is updated). */
const CONTENT_TYPENAMES = {
  PROPOSAL: 'Proposal',
  COMMENT: 'Comment',
  AMENDMENT: 'Amendment',
} as const;

interface ContentDecisionProps {
  targetType: keyof typeof CONTENT_TYPENAMES;
  targetId: string;
  isHidden: boolean;
  /** After the decision and the cache update, e.g. to refetch what the decision changed. */
  onDecided?: (updated: ModerationItem) => void;
}

/**
 * "Masquer" or "Rétablir" a proposal, comment or amendment from its page, with the decision's
 * reason.
 */
export function ContentDecision({
  targetType,
  targetId,
  isHidden,
  onDecided,
}: ContentDecisionProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [notice, setNotice] = useState<string | null>(null);
  const kind = isHidden ? 'restoreContent' : 'hideContent';
  return (
    <Stack gap={4}>
      <DecisionForm
        key={kind}
        item={{ targetType, targetId }}
        kind={kind}
        label={isHidden ? t('moderation.restore') : t('moderation.hide')}
        onDone={(updated) => {
          client.cache.modify({
            id: client.cache.identify({ __typename: CONTENT_TYPENAMES[targetType], id: targetId }),
            fields: { isHidden: () => updated.isHidden },
          });
          setNotice(t(`moderation.done.${kind}`));
          onDecided?.(updated);
        }}
      />
      {notice && (
        <Text size="sm" role="status">
          {notice}
        </Text>
      )}
    </Stack>
  );
}

/** Hide or restore the proposal, for whoever moderates its page. */
export function ProposalModerationActions({ proposalId }: { proposalId: string }) {
  const proposal = useProposalModeration(proposalId);
  const canModerate = useCanModerateProposal(proposalId);
  if (!proposal || !canModerate) return null;
  return (
    <ContentDecision targetType="PROPOSAL" targetId={proposal.id} isHidden={proposal.isHidden} />
  );
}

/** "Masquée en attente de modération", shown to the author (and moderators) of a hidden proposal. */
export function HiddenProposalNotice({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const proposal = useProposalModeration(proposalId);
  if (!proposal?.isHidden) return null;
  return (
    <Alert color="ochre" title={t('moderation.hidden')}>
      {t('moderation.hiddenProposalNotice')}
    </Alert>
  );
}

/** The official answer, with the state it gave the proposal. */
export function OfficialAnswer({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const proposal = useProposalModeration(proposalId);
  if (!proposal?.officialAnswer) return null;
  return (
    <Card component="section" withBorder radius="md" padding="lg" aria-labelledby="official-answer">
      <Stack gap="xs">
        <Title order={2} fz="h3" id="official-answer">
          {t('moderation.officialAnswer')}
        </Title>
        <Text fw={600}>{t(`status.${proposal.status}` as 'status.PUBLISHED')}</Text>
        <Text className="preserve-lines">{proposal.officialAnswer}</Text>
      </Stack>
    </Card>
  );
}

/** "Signaler" for signed-in participants other than the author. */
export function ReportProposal({ proposalId }: { proposalId: string }) {
  const proposal = useProposalModeration(proposalId);
  if (!proposal) return null;
  return <ReportButton targetType="PROPOSAL" targetId={proposalId} authorId={proposal.author.id} />;
}

/** "Répondre officiellement", for moderators and admins. */
export function AnswerProposalForm({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const proposal = useProposalModeration(proposalId);
  const [status, setStatus] = useState<AnswerStatus>('UNDER_REVIEW');
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [answerProposal, { loading }] = useMutation(ANSWER_PROPOSAL_MUTATION);
  if (!proposal || !isModerator(user?.role)) return null;

  const submit = async () => {
    setError(null);
    setNotice(null);
    try {
      await answerProposal({ variables: { input: { proposalId, status, answer: answer.trim() } } });
      setAnswer('');
      setNotice(t('moderation.answered'));
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };

  return (
    <Card component="section" withBorder radius="md" padding="lg" aria-labelledby="answer-form">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Title order={2} fz="h4" id="answer-form">
            {t('moderation.answerTitle')}
          </Title>
          <NativeSelect
            label={t('moderation.answerStatus')}
            data={ANSWER_STATUSES.map((value) => ({
              value,
              label: t(`status.${value}`),
            }))}
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value as AnswerStatus)}
          />
          <Textarea
            label={t('moderation.answerText')}
            description={t('moderation.answerHint')}
            required
            autosize
            minRows={3}
            maxLength={5000}
            value={answer}
            onChange={(event) => setAnswer(event.currentTarget.value)}
          />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <div role="status">{notice && <Text size="sm">{notice}</Text>}</div>
          <Button type="submit" loading={loading}>
            {t('moderation.answerSubmit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
