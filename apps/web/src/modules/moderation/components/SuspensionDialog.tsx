import { useState } from 'react';
import { Button, Group, Modal, NumberInput, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../app/i18n/i18n';
import { FormErrorSummary } from '../../../shared/forms/FormErrorSummary';
import { useFieldErrors } from '../../../shared/forms/useFieldErrors';
import { errorMessage, serverFieldErrors } from '../../../shared/graphql/errors';
import type { ModerationUser } from '../../../shared/graphql/schema-types';
import { REINSTATE_USER_MUTATION, SUSPEND_USER_MUTATION } from '../graphql/moderation.documents';
import {
  SUSPENSION_DAYS,
  SUSPENSION_FIELDS,
  suspensionFieldErrors,
  toDurationDays,
  type SuspensionFormValues,
  type SuspensionMode,
} from './suspension.schema';

const DEFAULT_DAYS = '7';

interface SuspensionDialogProps {
  mode: SuspensionMode;
  user: Pick<ModerationUser, 'id' | 'displayName'>;
  opened: boolean;
  onClose: () => void;
  /** Called with the account's new state once the API has answered. */
  onDone: (user: ModerationUser) => void;
}

/**
 * Suspends an account (reason and duration, or until further notice) or lifts its suspension
 * (reason). Errors are shown next to their field, from the same rules as the API.
 */
export function SuspensionDialog({ mode, user, opened, onClose, onDone }: SuspensionDialogProps) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<SuspensionFormValues>({
    reason: '',
    isIndefinite: false,
    days: DEFAULT_DAYS,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const { errors, count, fieldRef, report, clear } = useFieldErrors(SUSPENSION_FIELDS);
  const [suspend, suspending] = useMutation(SUSPEND_USER_MUTATION);
  const [reinstate, reinstating] = useMutation(REINSTATE_USER_MUTATION);
  const isSuspend = mode === 'suspend';

  const close = () => {
    setValues({ reason: '', isIndefinite: false, days: DEFAULT_DAYS });
    setFormError(null);
    report([]);
    onClose();
  };

  const submit = async () => {
    setFormError(null);
    if (report(suspensionFieldErrors(mode, user.id, values, currentLanguage(i18n)))) return;
    const reason = values.reason.trim();
    try {
      if (isSuspend) {
        const { data } = await suspend({
          variables: {
            input: { userId: user.id, reason, durationDays: toDurationDays(values) ?? null },
          },
        });
        if (data) onDone(data.suspendUser);
      } else {
        const { data } = await reinstate({ variables: { input: { userId: user.id, reason } } });
        if (data) onDone(data.reinstateUser);
      }
      close();
    } catch (error) {
      if (report(serverFieldErrors(error))) return;
      setFormError(errorMessage(error, t));
    }
  };

  const title = t(isSuspend ? 'moderation.suspendTitle' : 'moderation.reinstateTitle', {
    name: user.displayName,
  });
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      closeButtonProps={{ 'aria-label': t('moderation.cancel') }}
      centered
    >
      <form
        noValidate
        aria-label={title}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm">
            {t(isSuspend ? 'moderation.suspendIntro' : 'moderation.reinstateIntro')}
          </Text>
          <FormErrorSummary fieldErrorCount={count} formError={formError} />
          <Textarea
            ref={fieldRef('reason')}
            label={t('moderation.suspensionReason')}
            description={t('moderation.suspensionReasonHint')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            value={values.reason}
            error={errors.reason}
            onChange={(event) => {
              const reason = event.currentTarget.value;
              setValues((previous) => ({ ...previous, reason }));
              clear('reason');
            }}
          />
          {isSuspend && (
            <>
              <Radio.Group
                label={t('moderation.duration')}
                required
                value={values.isIndefinite ? 'indefinite' : 'days'}
                onChange={(value) => {
                  setValues((previous) => ({ ...previous, isIndefinite: value === 'indefinite' }));
                  clear('durationDays');
                }}
              >
                <Stack gap="xs" mt="xs">
                  <Radio value="days" label={t('moderation.durationDays')} />
                  <Radio value="indefinite" label={t('moderation.durationIndefinite')} />
                </Stack>
              </Radio.Group>
              {!values.isIndefinite && (
                <NumberInput
                  ref={fieldRef('durationDays')}
                  label={t('moderation.days')}
                  description={t('moderation.daysHint')}
                  required
                  min={SUSPENSION_DAYS.min}
                  max={SUSPENSION_DAYS.max}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="none"
                  maw={240}
                  value={values.days}
                  error={errors.durationDays}
                  onChange={(value) => {
                    setValues((previous) => ({ ...previous, days: String(value) }));
                    clear('durationDays');
                  }}
                />
              )}
            </>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('moderation.cancel')}
            </Button>
            <Button
              type="submit"
              color={isSuspend ? 'red' : undefined}
              loading={suspending.loading || reinstating.loading}
            >
              {t(isSuspend ? 'moderation.confirmSuspend' : 'moderation.confirmReinstate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
