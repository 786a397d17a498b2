import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Top-of-form notice. Field errors are announced when focus reaches the first invalid field
 * (its message is linked by aria-describedby), so only a form-level error is an alert.
 */
export function FormErrorSummary({
  fieldErrorCount,
  formError,
}: {
  fieldErrorCount: number;
  formError?: string | null;
}) {
  const { t } = useTranslation();
  if (formError) {
    return (
      <Alert color="red" variant="light" role="alert">
        {formError}
      </Alert>
    );
  }
  if (fieldErrorCount === 0) return null;
  return (
    <Alert color="red" variant="light">
      {t('errors.formSummary', { count: fieldErrorCount })}
    </Alert>
  );
}
