import { useId, useState, type FormEvent } from 'react';
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { EXPERIMENT_LIMITS, fieldErrors, measurementInputSchema } from '@passerelle/domain';
import { currentLanguage } from '../../../app/i18n/i18n';
import { FormErrorSummary } from '../../../shared/forms/FormErrorSummary';
import { useFieldErrors } from '../../../shared/forms/useFieldErrors';
import { errorMessage, serverFieldErrors } from '../../../shared/graphql/errors';
import type { IndicatorUnit } from '../../../shared/graphql/schema-types';
import {
  EXPERIMENT_QUERY,
  RECORD_MEASUREMENT_MUTATION,
  UPDATE_MEASUREMENT_MUTATION,
  type MeasurementDetail,
} from '../graphql/experiments.documents';
import { evictRegistry } from '../lib/cache';
import { parseFigure } from '../lib/figures';
import { formatDay } from '../lib/format';

const FIELDS = ['value', 'measuredOn', 'source', 'sourceUrl'] as const;

interface MeasurementFormProps {
  indicatorId: string;
  indicatorName: string;
  unit: IndicatorUnit;
  /** Edit: the measurement as it is. */
  measurement?: MeasurementDetail;
  onDone: () => void;
}

/** Records a dated figure of an indicator with its source, or corrects one. */
export function MeasurementForm({
  indicatorId,
  indicatorName,
  unit,
  measurement,
  onDone,
}: MeasurementFormProps) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const { count, report, textField } = useFieldErrors(FIELDS);
  const [formError, setFormError] = useState<string | null>(null);
  const [value, setValue] = useState(measurement ? String(measurement.value) : '');
  const [measuredOn, setMeasuredOn] = useState(measurement?.measuredOn ?? '');
  const [source, setSource] = useState(measurement?.source ?? '');
  const [sourceUrl, setSourceUrl] = useState(measurement?.sourceUrl ?? '');
  const options = {
    refetchQueries: [EXPERIMENT_QUERY],
    awaitRefetchQueries: true,
    update: evictRegistry,
  };
  const [recordMeasurement, recording] = useMutation(RECORD_MEASUREMENT_MUTATION, options);
  const [updateMeasurement, updating] = useMutation(UPDATE_MEASUREMENT_MUTATION, options);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const fields = {
      value: parseFigure(value) ?? undefined,
      // A blank date is missing ("required"), not a malformed one.
      measuredOn: measuredOn || (undefined as unknown as string),
      source,
      sourceUrl: sourceUrl.trim() === '' ? null : sourceUrl.trim(),
    };
    const local = fieldErrors(
      measurementInputSchema(new Date()),
      { ...fields, indicatorId },
      currentLanguage(i18n),
    );
    if (report(local)) return;
    const input = { ...fields, value: fields.value as number };
    try {
      if (measurement) {
        await updateMeasurement({
          variables: { input: { ...input, measurementId: measurement.id } },
        });
      } else {
        await recordMeasurement({ variables: { input: { ...input, indicatorId } } });
      }
      onDone();
    } catch (error) {
      if (report(serverFieldErrors(error))) return;
      setFormError(errorMessage(error, t));
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby={titleId}>
      <Stack gap="md">
        <Title order={4} fz="h5" id={titleId}>
          {measurement
            ? t('experiments.measurementForm.editTitle', {
                name: indicatorName,
                day: formatDay(measurement.measuredOn, i18n.language),
              })
            : t('experiments.measurementForm.title', { name: indicatorName })}
        </Title>
        {measurement?.checkedAt && (
          <Text size="sm" c="gray.7">
            {t('experiments.measurementForm.uncheckNotice')}
          </Text>
        )}
        <FormErrorSummary fieldErrorCount={count} formError={formError} />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('experiments.measurementForm.value', {
              unit: t(`experiments.unit.${unit}`),
            })}
            required
            inputMode="decimal"
            {...textField('value', value, setValue)}
          />
          <TextInput
            type="date"
            label={t('experiments.measurementForm.measuredOn')}
            required
            {...textField('measuredOn', measuredOn, setMeasuredOn)}
          />
        </Group>
        <TextInput
          label={t('experiments.measurementForm.source')}
          description={t('experiments.measurementForm.sourceHint')}
          required
          maxLength={EXPERIMENT_LIMITS.sourceMax}
          {...textField('source', source, setSource)}
        />
        <TextInput
          type="url"
          label={t('experiments.measurementForm.sourceUrl')}
          maxLength={EXPERIMENT_LIMITS.urlMax}
          {...textField('sourceUrl', sourceUrl, setSourceUrl)}
        />
        <Group>
          <Button type="submit" loading={recording.loading || updating.loading}>
            {measurement
              ? t('experiments.measurementForm.save')
              : t('experiments.measurementForm.submit')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('experiments.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
