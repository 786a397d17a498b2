import { useState } from 'react';
import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/graphql/errors';
import {
  AUDIT_LOG_QUERY,
  DECISION_MUTATIONS,
  type DecisionKind,
  type ModerationItem,
} from '../graphql/moderation.documents';

interface DecisionFormProps {
  /** The queue's item, or on the proposal page just the proposal or comment decided on. */
  item: Pick<ModerationItem, 'targetType' | 'targetId'>;
  kind: DecisionKind;
  /** The button's text, e.g. "Masquer", or "Refuser" for content awaiting review. */
  label: string;
  onDone: (updated: ModerationItem) => void;
}

/** One decision on an item: a button that opens the reason field, then confirms. */
export function DecisionForm({ item, kind, label, onDone }: DecisionFormProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [decide, { loading }] = useMutation(DECISION_MUTATIONS[kind], {
    refetchQueries: [AUDIT_LOG_QUERY],
  });
  const submit = async () => {
    setError(null);
    try {
      const result = await decide({
        variables: {
          input: { targetType: item.targetType, targetId: item.targetId, reason: reason.trim() },
        },
      });
      setOpen(false);
      setReason('');
      const updated = result.data?.[kind];
      if (updated) onDone(updated);
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };
  return (
    <Stack gap={4}>
      <Button
        variant={open ? 'light' : 'default'}
        size="compact-sm"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {label}
      </Button>
      {open && (
        <form
          noValidate
          aria-label={label}
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t('moderation.decisionReason')}
              description={t('moderation.decisionHint')}
              required
              autosize
              minRows={2}
              maxLength={1000}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group gap="xs">
              <Button type="submit" size="xs" loading={loading}>
                {t('moderation.confirm')} : {label}
              </Button>
              <Button variant="subtle" size="xs" onClick={() => setOpen(false)}>
                {t('moderation.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
