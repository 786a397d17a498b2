import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/graphql/errors';
import { PROPOSAL_BODY_QUERY } from '../../proposals/graphql/proposals.documents';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { authorName } from '../../privacy/anonymous';
import {
  ANSWER_COAUTHOR_INVITATION_MUTATION,
  PROPOSAL_AMENDMENTS_QUERY,
  PROPOSAL_COAUTHORS_QUERY,
  REMOVE_COAUTHOR_MUTATION,
} from '../graphql/amendments.documents';

// Being a co-author changes who may edit and who may amend.
const AFTER_CHANGE = [PROPOSAL_AMENDMENTS_QUERY, PROPOSAL_BODY_QUERY];

/** The viewer is invited to co-author the proposal: accept or decline. */
export function CoAuthorInvitationBanner({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(PROPOSAL_COAUTHORS_QUERY, { variables: { id: proposalId } });
  const [answer, answering] = useMutation(ANSWER_COAUTHOR_INVITATION_MUTATION, {
    refetchQueries: AFTER_CHANGE,
  });
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const status = data?.proposal.viewerCoAuthorStatus;
  const respond = async (accept: boolean) => {
    setError(null);
    try {
      await answer({ variables: { input: { proposalId, accept } } });
      setAnnouncement(
        t(accept ? 'amendments.coAuthors.acceptedNotice' : 'amendments.coAuthors.declinedNotice'),
      );
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };
  if (status !== 'INVITED') {
    return announcement ? (
      <Alert color="green" role="status">
        {announcement}
      </Alert>
    ) : null;
  }
  return (
    <Alert color="blue" title={t('amendments.coAuthors.invitationTitle')}>
      <Stack gap="xs">
        <Text size="sm">{t('amendments.coAuthors.invitationText')}</Text>
        <Group gap="xs">
          <Button size="xs" loading={answering.loading} onClick={() => void respond(true)}>
            {t('amendments.coAuthors.acceptInvitation')}
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={answering.loading}
            onClick={() => void respond(false)}
          >
            {t('amendments.coAuthors.declineInvitation')}
          </Button>
        </Group>
        {error && (
          <Text size="sm" c="red.7" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * Co-authoring on the proposal page's side column: for the author, the co-authors (removable) and
 * the invitations sent; for an accepted co-author, leaving.
 */
export function CoAuthorsPanel({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const { data } = useQuery(PROPOSAL_COAUTHORS_QUERY, { variables: { id: proposalId } });
  const [remove, removing] = useMutation(REMOVE_COAUTHOR_MUTATION, {
    refetchQueries: AFTER_CHANGE,
  });
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const proposal = data?.proposal;
  const isCoAuthor = proposal?.viewerCoAuthorStatus === 'ACCEPTED';
  if (!proposal || !user || (!proposal.viewerCanInviteCoAuthors && !isCoAuthor)) {
    return <VisuallyHidden role="status">{announcement}</VisuallyHidden>;
  }

  const removeOne = async (userId: string, message: string) => {
    setError(null);
    try {
      await remove({ variables: { input: { proposalId, userId } } });
      setAnnouncement(message);
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };
  const pending = proposal.coAuthorInvitations.filter((i) => i.status !== 'ACCEPTED');

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="coauthors-title">
      <Stack gap="sm">
        <Title order={2} fz="h5" id="coauthors-title">
          {t('amendments.coAuthors.title')}
        </Title>
        {isCoAuthor ? (
          <>
            <Text size="sm">{t('amendments.coAuthors.youCoAuthor')}</Text>
            <Group>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                loading={removing.loading}
                onClick={() => void removeOne(user.id, t('amendments.coAuthors.left'))}
              >
                {t('amendments.coAuthors.leave')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            {proposal.coAuthors.length === 0 ? (
              <Text size="sm">{t('amendments.coAuthors.none')}</Text>
            ) : (
              <ul className="plain-list" style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
                {proposal.coAuthors.map((participant) => {
                  const name = authorName(participant, t);
                  return (
                    <li key={participant.id}>
                      <Group gap="xs" justify="space-between" wrap="nowrap">
                        <Text size="sm">{name}</Text>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={t('amendments.coAuthors.removeLabel', { name })}
                          disabled={removing.loading}
                          onClick={() =>
                            void removeOne(
                              participant.id,
                              t('amendments.coAuthors.removed', { name }),
                            )
                          }
                        >
                          {t('amendments.coAuthors.remove')}
                        </Button>
                      </Group>
                    </li>
                  );
                })}
              </ul>
            )}
            {pending.length > 0 && (
              <Stack gap={4}>
                <Title order={3} fz="h6">
                  {t('amendments.coAuthors.invitations')}
                </Title>
                <ul style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
                  {pending.map((invitation) => (
                    <li key={invitation.participant.id}>
                      <Text size="sm">
                        {authorName(invitation.participant, t)}
                        {' — '}
                        {t(`amendments.coAuthors.invitationStatus.${invitation.status}`)}
                      </Text>
                    </li>
                  ))}
                </ul>
              </Stack>
            )}
            <Text size="xs" c="gray.7">
              {t('amendments.coAuthors.inviteHint')}
            </Text>
          </>
        )}
        <VisuallyHidden role="status">{announcement}</VisuallyHidden>
        {error && (
          <Text size="sm" c="red.7" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
