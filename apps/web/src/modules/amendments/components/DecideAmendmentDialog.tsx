import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage, errorReason } from '../../../shared/graphql/errors';
import type { Amendment } from '../../../shared/graphql/schema-types';
import { authorName } from '../../privacy/anonymous';
import { PROPOSAL_HISTORY_QUERY } from '../../proposals/graphql/proposals.documents';
import { conflictKind, decisionInput, type Decision } from '../amendment-logic';
import {
  ACCEPT_AMENDMENT_MUTATION,
  PROPOSAL_AMENDMENTS_QUERY,
  PROPOSAL_COAUTHORS_QUERY,
  REJECT_AMENDMENT_MUTATION,
} from '../graphql/amendments.documents';

const DECISION_REASON_MAX = 1000;

/**
 * Accept or reject an amendment, in a dialog: a reason (required when a moderator decides in the
 * author's place) and, on acceptance, whether to invite the amendment's author as a co-author.
 * A rebase in between (STALE_VERSION) or a newer revision of the proposal (AMENDMENT_OUTDATED)
 * refreshes the list and says why nothing was applied.
 */
export function DecideAmendmentDialog({
  amendment,
  decision,
  isReasonRequired,
  onClose,
  onDecided,
}: {
  amendment: Pick<Amendment, 'id' | 'version' | 'author'>;
  decision: Decision;
  /** The viewer decides as a moderator, not as the proposal's author. */
  isReasonRequired: boolean;
  onClose: () => void;
  onDecided: (message: string) => void;
}) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [reason, setReason] = useState('');
  const [inviteAuthor, setInviteAuthor] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refetchQueries = [
    PROPOSAL_AMENDMENTS_QUERY,
    PROPOSAL_HISTORY_QUERY,
    PROPOSAL_COAUTHORS_QUERY,
  ];
  const [accept, accepting] = useMutation(ACCEPT_AMENDMENT_MUTATION, { refetchQueries });
  const [reject, rejecting] = useMutation(REJECT_AMENDMENT_MUTATION, {
    refetchQueries: [PROPOSAL_AMENDMENTS_QUERY],
  });
  const name = authorName(amendment.author, t);
  const isAccept = decision === 'ACCEPT';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setFieldError(null);
    const result = decisionInput(amendment, decision, { reason, inviteAuthor }, isReasonRequired);
    if ('error' in result) {
      setFieldError(t('amendments.decision.reasonRequired'));
      return;
    }
    try {
      if (isAccept) await accept({ variables: { input: result.input } });
      else await reject({ variables: { input: result.input } });
      onDecided(t(isAccept ? 'amendments.announce.accepted' : 'amendments.announce.rejected'));
    } catch (failure) {
      const reasonCode = errorReason(failure);
      if (reasonCode === 'DECISION_REASON_REQUIRED') {
        setFieldError(errorMessage(failure, t));
        return;
      }
      const conflict = conflictKind(reasonCode);
      // The amendment or the proposal changed since the page was read: show what they are now.
      if (conflict) void client.refetchQueries({ include: [PROPOSAL_AMENDMENTS_QUERY] });
      setError(conflict ? t(`amendments.errors.${conflict}`) : errorMessage(failure, t));
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(isAccept ? 'amendments.decision.acceptTitle' : 'amendments.decision.rejectTitle', {
        name,
      })}
      closeButtonProps={{ 'aria-label': t('amendments.cancel') }}
      centered
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Stack gap="md">
          <Text size="sm">
            {t(isAccept ? 'amendments.decision.acceptText' : 'amendments.decision.rejectText')}
          </Text>
          <Textarea
            label={t('amendments.decision.reason')}
            description={t(
              isReasonRequired
                ? 'amendments.decision.reasonHintModerator'
                : 'amendments.decision.reasonHintAuthor',
            )}
            required={isReasonRequired}
            autosize
            minRows={3}
            maxLength={DECISION_REASON_MAX}
            value={reason}
            error={fieldError}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setFieldError(null);
            }}
          />
          {/* Only the proposal's author invites co-authors, never a moderator deciding. */}
          {isAccept && !isReasonRequired && (
            <Checkbox
              label={t('amendments.decision.inviteAuthor')}
              description={t('amendments.decision.inviteAuthorHint', { name })}
              checked={inviteAuthor}
              onChange={(event) => setInviteAuthor(event.currentTarget.checked)}
            />
          )}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('amendments.cancel')}
            </Button>
            <Button
              type="submit"
              color={isAccept ? undefined : 'red'}
              loading={accepting.loading || rejecting.loading}
            >
              {t(
                isAccept
                  ? 'amendments.decision.confirmAccept'
                  : 'amendments.decision.confirmReject',
              )}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
