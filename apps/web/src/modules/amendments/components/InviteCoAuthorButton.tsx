import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/graphql/errors';
import type { Participant } from '../../../shared/graphql/schema-types';
import { authorName } from '../../privacy/anonymous';
import { INVITE_COAUTHOR_MUTATION } from '../graphql/amendments.documents';

/** The proposal's author invites a participant (an amendment's author) to co-author it. */
export function InviteCoAuthorButton({
  proposalId,
  participant,
}: {
  proposalId: string;
  participant: Participant;
}) {
  const { t } = useTranslation();
  const [invite, inviting] = useMutation(INVITE_COAUTHOR_MUTATION);
  const [error, setError] = useState<string | null>(null);
  const name = authorName(participant, t);
  const submit = async () => {
    setError(null);
    try {
      // The answer lists the invitation: the list then says « invité·e » in place of the button.
      await invite({ variables: { input: { proposalId, userId: participant.id } } });
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };
  return (
    <Stack gap={4}>
      <Group>
        <Button
          size="xs"
          variant="subtle"
          loading={inviting.loading}
          aria-label={t('amendments.coAuthors.inviteLabel', { name })}
          onClick={() => void submit()}
        >
          {t('amendments.coAuthors.invite')}
        </Button>
      </Group>
      {error && (
        <Text size="sm" c="red.7" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
