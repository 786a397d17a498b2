import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { errorCode, errorMessage } from '../../../shared/graphql/errors';
import { formatDate, territoryLabel } from '../../../shared/ui/format';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { NotFoundPage } from '../../../shared/ui/NotFoundPage';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { ProposalList } from '../../proposals/components/ProposalList';
import {
  INVITE_MEMBER_MUTATION,
  ORGANISATION_QUERY,
  REMOVE_MEMBER_MUTATION,
  type MembershipRole,
  type OrganisationDetail,
} from '../graphql/organisations.documents';

function InviteForm({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MembershipRole>('MEMBER');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [invite, { loading }] = useMutation(INVITE_MEMBER_MUTATION);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    try {
      await invite({ variables: { input: { organisationId, email: email.trim(), role } } });
      setMessage({ ok: true, text: t('organisation.invited', { email: email.trim() }) });
      setEmail('');
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error, t) });
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="invite-title">
      <Stack gap="sm">
        <Title order={3} fz="h5" id="invite-title">
          {t('organisation.inviteTitle')}
        </Title>
        <TextInput
          type="email"
          label={t('organisation.inviteEmail')}
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
        />
        <NativeSelect
          label={t('organisation.inviteRole')}
          value={role}
          data={(['MEMBER', 'MANAGER'] as const).map((value) => ({
            value,
            label: t(`organisation.role.${value}`),
          }))}
          onChange={(event) => setRole(event.currentTarget.value as MembershipRole)}
        />
        <Group>
          <Button type="submit" loading={loading}>
            {t('organisation.inviteButton')}
          </Button>
        </Group>
        <Text size="sm" c={message?.ok ? 'passerelle.8' : 'red.7'} role="status">
          {message?.text}
        </Text>
      </Stack>
    </form>
  );
}

function Members({ organisation }: { organisation: OrganisationDetail }) {
  const { t, i18n } = useTranslation();
  const { user } = useCurrentUser();
  const [remove] = useMutation(REMOVE_MEMBER_MUTATION);
  const [error, setError] = useState<string | null>(null);
  const isManager = organisation.myRole === 'MANAGER';
  const removeMember = async (userId: string) => {
    setError(null);
    try {
      await remove({ variables: { input: { organisationId: organisation.id, userId } } });
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };
  return (
    <Card component="section" withBorder radius="md" padding="lg" aria-labelledby="members-title">
      <Stack gap="md">
        <Title order={2} fz="h4" id="members-title">
          {t('organisation.members', { count: organisation.members.length })}
        </Title>
        <Stack component="ul" gap="xs" className="plain-list">
          {organisation.members.map((member) => (
            <li key={member.user.id}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <div>
                  <Text fw={600} size="sm">
                    {member.user.displayName}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {t(`organisation.role.${member.role}`)} ·{' '}
                    {t('organisation.since', { date: formatDate(member.joinedAt, i18n.language) })}
                  </Text>
                </div>
                {(isManager || member.user.id === user?.id) && (
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    onClick={() => void removeMember(member.user.id)}
                  >
                    {member.user.id === user?.id
                      ? t('organisation.leave')
                      : t('organisation.remove', { name: member.user.displayName })}
                  </Button>
                )}
              </Group>
            </li>
          ))}
        </Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {isManager && <InviteForm organisationId={organisation.id} />}
      </Stack>
    </Card>
  );
}

/** An organisation: who it is, its members (managed by its managers) and its proposals. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, loading } = useQuery(ORGANISATION_QUERY, { variables: { id } });
  const organisation = data?.organisation;
  const isNotFound = !loading && !organisation && errorCode(error) === 'NOT_FOUND';
  usePageTitle(organisation?.name ?? (isNotFound ? null : t('app.loading')));

  if (loading && !organisation) return <LoadingState />;
  if (isNotFound) return <NotFoundPage message={t('organisation.notFound')} />;
  if (!organisation) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(error, t)}
      </Alert>
    );
  }
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Group gap="xs">
          <Badge variant="light" radius="sm" tt="none">
            {t(`actorType.${organisation.actorType}`)}
          </Badge>
          {organisation.myRole && (
            <Badge variant="outline" radius="sm" tt="none">
              {t('organisation.yourRole', { role: t(`organisation.role.${organisation.myRole}`) })}
            </Badge>
          )}
        </Group>
        <PageTitle>{organisation.name}</PageTitle>
        <Text c="gray.7">
          {organisation.territory && (
            <Anchor component={Link} to={paths.territory(organisation.territory.id)}>
              {territoryLabel(organisation.territory)}
            </Anchor>
          )}
          {organisation.siret && ` · ${t('organisation.siret', { siret: organisation.siret })}`}
        </Text>
      </Stack>
      <div className="proposal-layout">
        <div className="proposal-main">
          <ProposalList
            title={t('organisation.proposals')}
            headingId="organisation-proposals"
            variables={{ filter: { organisationId: organisation.id }, orderBy: 'NEWEST' }}
            emptyText={t('organisation.noProposals')}
          />
        </div>
        <div className="proposal-aside">
          <Members organisation={organisation} />
        </div>
      </div>
    </Stack>
  );
}
