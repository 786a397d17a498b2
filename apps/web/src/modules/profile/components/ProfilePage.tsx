import { useState, type ReactNode } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths, withNext } from '../../../app/paths';
import { errorMessage } from '../../../shared/graphql/errors';
import { formatDate } from '../../../shared/ui/format';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { NotificationEmailPreferences } from '../../notifications/components/NotificationEmailPreferences';
import { PrivacySection } from '../../privacy/components/PrivacySection';
import { ChangePasswordSection } from './ChangePasswordSection';
import {
  MY_INVITATIONS_QUERY,
  RESPOND_INVITATION_MUTATION,
} from '../../organisations/graphql/organisations.documents';
import {
  MY_COMMENTS_QUERY,
  MY_ORGANISATIONS_QUERY,
  MY_PROPOSALS_QUERY,
  MY_VOTES_QUERY,
} from '../graphql/profile.documents';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card component="section" withBorder radius="md" padding="lg" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} fz="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function Invitations() {
  const { t } = useTranslation();
  const { data, refetch } = useQuery(MY_INVITATIONS_QUERY);
  const [respond] = useMutation(RESPOND_INVITATION_MUTATION, {
    refetchQueries: [MY_ORGANISATIONS_QUERY],
  });
  const [error, setError] = useState<string | null>(null);
  const pending = (data?.myOrganisationInvitations ?? []).filter((i) => i.status === 'PENDING');
  if (pending.length === 0) return null;
  const answer = async (invitationId: string, accept: boolean) => {
    setError(null);
    try {
      await respond({ variables: { input: { invitationId, accept } } });
      await refetch();
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };
  return (
    <Section id="invitations-title" title={t('profile.invitations')}>
      <Stack component="ul" gap="sm" className="plain-list">
        {pending.map((invitation) => (
          <li key={invitation.id}>
            <Text size="sm">
              {t('profile.invitation', {
                name: invitation.invitedBy.displayName,
                organisation: invitation.organisation.name,
                role: t(`organisation.role.${invitation.role}`),
              })}
            </Text>
            <Group gap="xs" mt={4}>
              <Button size="xs" onClick={() => void answer(invitation.id, true)}>
                {t('profile.accept')}
              </Button>
              <Button size="xs" variant="outline" onClick={() => void answer(invitation.id, false)}>
                {t('profile.decline')}
              </Button>
            </Group>
          </li>
        ))}
      </Stack>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Section>
  );
}

function Organisations() {
  const { t } = useTranslation();
  const { data } = useQuery(MY_ORGANISATIONS_QUERY);
  const organisations = data?.me?.organisations ?? [];
  return (
    <Section id="organisations-title" title={t('profile.organisations')}>
      {organisations.length === 0 ? (
        <Text c="gray.7">{t('profile.noOrganisation')}</Text>
      ) : (
        <Stack component="ul" gap={4} className="plain-list">
          {organisations.map((organisation) => (
            <li key={organisation.id}>
              <Anchor component={Link} to={paths.organisation(organisation.id)}>
                {organisation.name}
              </Anchor>{' '}
              <Text span size="sm" c="gray.7">
                · {t(`actorType.${organisation.actorType}`)}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      <div>
        <Button component={Link} to={paths.newOrganisation} variant="light" size="sm">
          {t('organisation.create')}
        </Button>
      </div>
    </Section>
  );
}

function MyProposals() {
  const { t } = useTranslation();
  const { data } = useQuery(MY_PROPOSALS_QUERY, { fetchPolicy: 'cache-and-network' });
  const page = data?.me?.proposals;
  return (
    <Section
      id="my-proposals-title"
      title={t('profile.proposals', { count: page?.totalCount ?? 0 })}
    >
      {!page ? (
        <LoadingState />
      ) : page.edges.length === 0 ? (
        <Text c="gray.7">{t('profile.noProposals')}</Text>
      ) : (
        <Stack component="ul" gap="xs" className="plain-list">
          {page.edges.map(({ node }) => (
            <li key={node.id}>
              <Anchor component={Link} to={paths.proposal(node.id)} fw={600}>
                {node.title}
              </Anchor>
              <Group gap="xs" mt={2}>
                <Badge size="sm" variant="outline" radius="sm" tt="none">
                  {t(`status.${node.status}`)}
                </Badge>
                <Text size="xs" c="gray.7">
                  {t('proposal.votesFor', { count: node.votesFor })} ·{' '}
                  {t('proposal.commentsCount', { count: node.commentsCount })}
                </Text>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function MyVotes() {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(MY_VOTES_QUERY, { fetchPolicy: 'cache-and-network' });
  const page = data?.me?.votes;
  return (
    <Section id="my-votes-title" title={t('profile.votes', { count: page?.totalCount ?? 0 })}>
      {!page ? (
        <LoadingState />
      ) : page.edges.length === 0 ? (
        <Text c="gray.7">{t('profile.noVotes')}</Text>
      ) : (
        <Stack component="ul" gap="xs" className="plain-list">
          {page.edges.map(({ node }) => (
            <li key={node.proposal.id}>
              <Badge size="sm" radius="sm" tt="none" mr={6} variant="light">
                {t(`votes.value.${node.value}`)}
              </Badge>
              <Anchor component={Link} to={paths.proposal(node.proposal.id)}>
                {node.proposal.title}
              </Anchor>{' '}
              <Text span size="xs" c="gray.7">
                · {formatDate(node.updatedAt, i18n.language)}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function MyComments() {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(MY_COMMENTS_QUERY, { fetchPolicy: 'cache-and-network' });
  const page = data?.me?.comments;
  return (
    <Section id="my-comments-title" title={t('profile.comments', { count: page?.totalCount ?? 0 })}>
      {!page ? (
        <LoadingState />
      ) : page.edges.length === 0 ? (
        <Text c="gray.7">{t('profile.noComments')}</Text>
      ) : (
        <Stack component="ul" gap="xs" className="plain-list">
          {page.edges.map(({ node }) => (
            <li key={node.id}>
              <Text size="sm" lineClamp={2} fs={node.isDeleted ? 'italic' : undefined}>
                {node.isDeleted ? t('comments.deleted') : node.body}
              </Text>
              <Anchor component={Link} to={paths.proposal(node.proposalId)} size="xs">
                {t('profile.commentOn', { date: formatDate(node.createdAt, i18n.language) })}
              </Anchor>
            </li>
          ))}
        </Stack>
      )}
    </Section>
  );
}

/** The signed-in participant's own activity and organisations. */
export function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('profile.title'));
  const { user, loading } = useCurrentUser();
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle>{t('profile.title')}</PageTitle>
        {user && (
          <Text c="gray.7">
            {user.displayName} · {t(`actorType.${user.actorType}`)}
          </Text>
        )}
      </Stack>
      {loading ? (
        <LoadingState />
      ) : !user ? (
        <Alert color="ochre" title={t('profile.signInRequired')}>
          <Button component={Link} to={withNext(paths.signIn, paths.profile)}>
            {t('account.signIn')}
          </Button>
        </Alert>
      ) : (
        <div className="profile-grid">
          <Invitations />
          <MyProposals />
          <MyVotes />
          <MyComments />
          <Organisations />
          <NotificationEmailPreferences />
          <ChangePasswordSection />
          <PrivacySection />
        </div>
      )}
    </Stack>
  );
}
