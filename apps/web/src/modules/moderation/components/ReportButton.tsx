import { useState } from 'react';
import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorCode, errorMessage, errorReason } from '../../../shared/graphql/errors';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import {
  REPORT_CONTENT_MUTATION,
  REPORT_REASONS,
  type ReportReason,
  type ReportTargetType,
} from '../graphql/moderation.documents';

/** The button's accessible name: what is reported. */
const REPORT_LABELS = {
  PROPOSAL: 'moderation.reportProposal',
  COMMENT: 'moderation.reportComment',
  AMENDMENT: 'moderation.reportAmendment',
} as const;

interface ReportButtonProps {
  targetType: Extract<ReportTargetType, 'PROPOSAL' | 'COMMENT' | 'AMENDMENT'>;
  targetId: string;
  /** The author of the content: nobody reports their own. */
  authorId: string | null | undefined;
}

/** "Signaler": a dialog with the reasons, for signed-in participants other than the author. */
export function ReportButton({ targetType, targetId, authorId }: ReportButtonProps) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState<ReportReason | ''>('');
  const [details, setDetails] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [report, { loading }] = useMutation(REPORT_CONTENT_MUTATION);

  if (!user || !authorId || user.id === authorId) return null;

  const close = () => {
    setOpened(false);
    setReason('');
    setDetails('');
    setFieldError(null);
    setError(null);
  };

  const submit = async () => {
    setError(null);
    setFieldError(null);
    if (!reason) {
      setFieldError(t('moderation.reason'));
      return;
    }
    if (reason === 'OTHER' && !details.trim()) {
      setFieldError(t('moderation.detailsRequired'));
      return;
    }
    try {
      await report({
        variables: { input: { targetType, targetId, reason, details: details.trim() || null } },
      });
      setNotice(t('moderation.reported'));
      close();
    } catch (failure) {
      if (errorCode(failure) === 'CONFLICT' || errorReason(failure) === 'ALREADY_REPORTED') {
        setNotice(t('moderation.alreadyReported'));
        close();
        return;
      }
      setError(errorMessage(failure, t));
    }
  };

  const label = t(REPORT_LABELS[targetType]);
  return (
    <Stack gap={4}>
      <Group>
        <Button
          variant="subtle"
          color="gray.8"
          size="compact-sm"
          onClick={() => setOpened(true)}
          aria-label={label}
        >
          {t('moderation.report')}
        </Button>
      </Group>
      <div role="status">
        {notice && (
          <Text size="sm" c="green.9">
            {notice}
          </Text>
        )}
      </div>
      <Modal
        opened={opened}
        onClose={close}
        title={t('moderation.reportTitle')}
        closeButtonProps={{ 'aria-label': t('moderation.cancel') }}
        centered
      >
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack gap="md">
            <Text size="sm">{t('moderation.reportIntro')}</Text>
            <Radio.Group
              label={t('moderation.reason')}
              required
              value={reason}
              onChange={(value) => setReason(value as ReportReason)}
              error={fieldError && !reason ? fieldError : undefined}
            >
              <Stack gap="xs" mt="xs">
                {REPORT_REASONS.map((value) => (
                  <Radio key={value} value={value} label={t(`moderation.reasons.${value}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea
              label={t('moderation.details')}
              description={t('moderation.detailsHint')}
              required={reason === 'OTHER'}
              maxLength={1000}
              autosize
              minRows={3}
              value={details}
              onChange={(event) => setDetails(event.currentTarget.value)}
              error={fieldError && reason ? fieldError : undefined}
            />
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('moderation.cancel')}
              </Button>
              <Button type="submit" loading={loading}>
                {t('moderation.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
