import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage, serverFieldErrors } from '../../../shared/graphql/errors';
import type { CommentStance } from '../../../shared/graphql/schema-types';

const STANCES: CommentStance[] = ['NONE', 'FOR', 'AGAINST', 'NEUTRAL'];
const BODY_MAX = 5000;

interface CommentFormProps {
  label: string;
  submitLabel: string;
  initialBody?: string;
  initialStance?: CommentStance;
  /** Replies take no stance of their own. */
  withStance?: boolean;
  onSubmit: (body: string, stance: CommentStance) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/** New comment, reply or edit: the text is kept when the API refuses it. */
export function CommentForm({
  label,
  submitLabel,
  initialBody = '',
  initialStance = 'NONE',
  withStance = true,
  onSubmit,
  onCancel,
  autoFocus,
}: CommentFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [body, setBody] = useState(initialBody);
  const [stance, setStance] = useState<CommentStance>(initialStance);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // A reply or edit form opened by a button takes the focus, so typing can start at once.
  useEffect(() => {
    if (autoFocus) bodyRef.current?.focus();
  }, [autoFocus]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (body.trim() === '') {
      setFieldError(t('comments.bodyRequired'));
      return;
    }
    setSending(true);
    try {
      await onSubmit(body, stance);
      if (!initialBody) {
        setBody('');
        setStance('NONE');
      }
    } catch (error) {
      const fields = serverFieldErrors(error);
      if (fields.length > 0) setFieldError(fields[0].message);
      else setFormError(errorMessage(error, t));
    } finally {
      setSending(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Stack gap="sm">
        <Textarea
          id={`${id}-body`}
          label={label}
          required
          autosize
          minRows={3}
          maxLength={BODY_MAX}
          value={body}
          error={fieldError}
          ref={bodyRef}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            setFieldError(null);
          }}
        />
        {withStance && (
          <Radio.Group
            label={t('comments.stanceLabel')}
            value={stance}
            onChange={(value) => setStance(value as CommentStance)}
          >
            <Group gap="md" mt={4} wrap="wrap">
              {STANCES.map((value) => (
                <Radio
                  key={value}
                  id={`${id}-stance-${value}`}
                  value={value}
                  label={t(`comments.stanceOption.${value}`)}
                />
              ))}
            </Group>
          </Radio.Group>
        )}
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Group gap="xs">
          <Button type="submit" loading={isSending}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="subtle" onClick={onCancel}>
              {t('comments.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
