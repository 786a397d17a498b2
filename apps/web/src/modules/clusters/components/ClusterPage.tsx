import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
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
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CLUSTER_LIMITS } from '@passerelle/domain';
import { paths } from '../../../app/paths';
import { errorCode, errorMessage } from '../../../shared/graphql/errors';
import type { ClusterMember, ProposalCluster } from '../../../shared/graphql/schema-types';
import { formatDate } from '../../../shared/ui/format';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { NotFoundPage } from '../../../shared/ui/NotFoundPage';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { isModerator } from '../../moderation/components/ProposalModeration';
import { authorName, proposalTitle } from '../../privacy/anonymous';
import { VoteCounts } from '../../proposals/components/VoteCounts';
import { VoteBar } from '../../votes/components/VoteBar';
import { PROPOSAL_CLUSTER_QUERY, UNDO_MERGE_MUTATION } from '../graphql/clusters.documents';

function MemberCard({ member, isLead }: { member: ClusterMember; isLead: boolean }) {
  const { t } = useTranslation();
  return (
    <Card
      component="article"
      withBorder
      radius="md"
      padding="md"
      aria-label={proposalTitle(member, t)}
    >
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          {isLead && (
            <Badge color="passerelle.8" radius="sm" tt="none">
              {t('clusters.lead')}
            </Badge>
          )}
          <Badge variant="outline" radius="sm" tt="none">
            {t(`status.${member.status}`)}
          </Badge>
        </Group>
        <Title order={3} fz="h4">
          <Anchor component={Link} to={paths.proposal(member.id)}>
            {proposalTitle(member, t)}
          </Anchor>
        </Title>
        <Text size="sm" c="gray.7">
          {t('clusters.by', { name: authorName(member.author, t) })}
          {' · '}
          {t(`actorType.${member.author.actorType}`)}
        </Text>
        <VoteCounts
          votesFor={member.votesFor}
          votesAgainst={member.votesAgainst}
          votesNeutral={member.votesNeutral}
        />
      </Stack>
    </Card>
  );
}

function CombinedSupportCard({ cluster }: { cluster: ProposalCluster }) {
  const { t } = useTranslation();
  const support = cluster.combinedSupport;
  return (
    <Card component="section" withBorder radius="md" padding="lg" aria-labelledby="cluster-support">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="cluster-support">
          {t('clusters.support')}
        </Title>
        <Text fw={700} fz="lg">
          {t('clusters.participants', { count: support.participants })}
        </Text>
        <VoteBar
          votesFor={support.votesFor}
          votesAgainst={support.votesAgainst}
          votesNeutral={support.votesNeutral}
        />
        <VoteCounts
          votesFor={support.votesFor}
          votesAgainst={support.votesAgainst}
          votesNeutral={support.votesNeutral}
        />
        <Text size="sm">
          {t('clusters.noDoubleCount', {
            count: support.participants,
            votes: support.sumOfVotes,
          })}
        </Text>
      </Stack>
    </Card>
  );
}

function UndoMergeForm({ clusterId, onUndone }: { clusterId: string; onUndone: () => void }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [undoMerge, { loading }] = useMutation(UNDO_MERGE_MUTATION, {
    update(cache) {
      // Members are back in the public lists with their previous status.
      cache.evict({ fieldName: 'proposals' });
    },
  });

  const submit = async () => {
    setError(null);
    const trimmed = reason.trim();
    if (trimmed.length < CLUSTER_LIMITS.reasonMin) {
      setFieldError(t('clusters.reasonRequired'));
      return;
    }
    setFieldError(null);
    try {
      await undoMerge({ variables: { input: { clusterId, reason: trimmed } } });
      setOpen(false);
      setReason('');
      onUndone();
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };

  return (
    <Card component="section" withBorder radius="md" padding="lg" aria-labelledby="undo-merge">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="undo-merge">
          {t('clusters.undoTitle')}
        </Title>
        {!isOpen ? (
          <Group>
            <Button variant="outline" color="red.9" onClick={() => setOpen(true)}>
              {t('clusters.undo')}
            </Button>
          </Group>
        ) : (
          <form
            noValidate
            aria-labelledby="undo-merge"
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <Stack gap="sm">
              <Text size="sm">{t('clusters.undoIntro')}</Text>
              <Textarea
                label={t('clusters.undoReason')}
                description={t('clusters.undoHint')}
                required
                autosize
                minRows={2}
                maxLength={CLUSTER_LIMITS.reasonMax}
                value={reason}
                error={fieldError}
                onChange={(event) => setReason(event.currentTarget.value)}
              />
              {error && (
                <Alert color="red" role="alert">
                  {error}
                </Alert>
              )}
              <Group gap="sm">
                <Button type="submit" color="red.9" loading={loading}>
                  {t('clusters.undoConfirm')}
                </Button>
                <Button variant="subtle" onClick={() => setOpen(false)}>
                  {t('clusters.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

/**
 * A group of duplicate proposals: the lead and every member with its own figures, the combined
 * support counted once per participant, why and when they were grouped; moderators may undo it.
 */
export function ClusterPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useCurrentUser();
  const [notice, setNotice] = useState('');
  const { data, error, loading } = useQuery(PROPOSAL_CLUSTER_QUERY, { variables: { id } });
  const cluster = data?.proposalCluster;
  const isNotFound =
    !loading &&
    !cluster &&
    (!error || ['NOT_FOUND', 'BAD_USER_INPUT'].includes(errorCode(error) ?? ''));
  usePageTitle(
    cluster
      ? t('clusters.title')
      : isNotFound
        ? t('notFound.title')
        : error
          ? t('errors.generic')
          : t('app.loading'),
  );

  if (loading && !cluster) return <LoadingState />;
  if (isNotFound) return <NotFoundPage message={t('clusters.notFound')} />;
  if (!cluster) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(error, t)}
      </Alert>
    );
  }

  const others = cluster.members.filter((member) => member.id !== cluster.lead.id);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.proposal(cluster.lead.id)} size="sm" fw={600}>
        ← {cluster.lead.title}
      </Anchor>
      <Stack gap="xs" component="header">
        <PageTitle fz={{ base: 26, sm: 34 }}>{t('clusters.title')}</PageTitle>
        <Text c="gray.7">{t('clusters.intro')}</Text>
        <Text size="sm">
          <time dateTime={cluster.createdAt}>
            {t('clusters.mergedOn', { date: formatDate(cluster.createdAt, i18n.language) })}
          </time>
        </Text>
        <Text size="sm" className="preserve-lines">
          {t('clusters.reason', { reason: cluster.reason })}
        </Text>
        {!cluster.isActive && cluster.undoneAt && (
          <Alert color="ochre" variant="light">
            {t('clusters.undoneNotice', { date: formatDate(cluster.undoneAt, i18n.language) })}
          </Alert>
        )}
      </Stack>
      <CombinedSupportCard cluster={cluster} />
      <Stack component="section" gap="sm" aria-labelledby="cluster-lead">
        <Title order={2} fz="h3" id="cluster-lead">
          {t('clusters.lead')}
        </Title>
        <MemberCard member={cluster.lead} isLead />
      </Stack>
      <Stack component="section" gap="sm" aria-labelledby="cluster-members">
        <Title order={2} fz="h3" id="cluster-members">
          {t('clusters.members', { count: others.length })}
        </Title>
        <Stack gap="sm">
          {others.map((member) => (
            <MemberCard key={member.id} member={member} isLead={false} />
          ))}
        </Stack>
      </Stack>
      {cluster.isActive && isModerator(user?.role) && (
        <UndoMergeForm clusterId={cluster.id} onUndone={() => setNotice(t('clusters.undone'))} />
      )}
      <VisuallyHidden role="status">{notice}</VisuallyHidden>
    </Stack>
  );
}
