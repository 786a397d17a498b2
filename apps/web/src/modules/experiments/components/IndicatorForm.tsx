import { useId, useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  EXPERIMENT_LIMITS,
  fieldErrors,
  indicatorInputSchema,
  updateIndicatorInputSchema,
} from '@passerelle/domain';
import { currentLanguage } from '../../../app/i18n/i18n';
import { FormErrorSummary } from '../../../shared/forms/FormErrorSummary';
import { useFieldErrors } from '../../../shared/forms/useFieldErrors';
import { errorMessage, serverFieldErrors } from '../../../shared/graphql/errors';
import type { IndicatorKind, IndicatorUnit } from '../../../shared/graphql/schema-types';
import {
  ADD_INDICATOR_MUTATION,
  EXPERIMENT_QUERY,
  type IndicatorDetail,
  UPDATE_INDICATOR_MUTATION,
} from '../graphql/experiments.documents';
import { evictRegistry } from '../lib/cache';
import { INDICATOR_KINDS } from '../lib/experimentSearchParams';
import { parseFigure, unitsOf } from '../lib/figures';

const FIELDS = ['name', 'description', 'kind', 'unit', 'baseline', 'baselineOn'] as const;

type IndicatorFormProps =
  | { experimentId: string; indicator?: undefined; onDone: () => void }
  /** Edit: the indicator as it is (every field is written again). */
  | { experimentId?: undefined; indicator: IndicatorDetail; onDone: () => void };

/**
 * Adds an impact indicator to an experiment, or changes one: kind, unit (those of the kind),
 * baseline.
 */
export function IndicatorForm({ experimentId, indicator, onDone }: IndicatorFormProps) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const { errors, count, fieldRef, report, clear, textField } = useFieldErrors(FIELDS);
  const [formError, setFormError] = useState<string | null>(null);
  const [name, setName] = useState(indicator?.name ?? '');
  const [description, setDescription] = useState(indicator?.description ?? '');
  const [kind, setKind] = useState<IndicatorKind | ''>(indicator?.kind ?? '');
  const [unit, setUnit] = useState<IndicatorUnit | ''>(indicator?.unit ?? '');
  const [baseline, setBaseline] = useState(
    indicator?.baseline === null || indicator?.baseline === undefined
      ? ''
      : String(indicator.baseline),
  );
  const [baselineOn, setBaselineOn] = useState(indicator?.baselineOn ?? '');
  const options = {
    refetchQueries: [EXPERIMENT_QUERY],
    awaitRefetchQueries: true,
    update: evictRegistry,
  };
  const [addIndicator, adding] = useMutation(ADD_INDICATOR_MUTATION, options);
  const [updateIndicator, updating] = useMutation(UPDATE_INDICATOR_MUTATION, options);
  const loading = adding.loading || updating.loading;
  const units = unitsOf(kind);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const fields = {
      name,
      description: description.trim() === '' ? null : description,
      kind: kind || undefined,
      unit: unit || undefined,
      baseline: parseFigure(baseline),
      baselineOn: baselineOn || null,
    };
    const language = currentLanguage(i18n);
    const now = new Date();
    const local = indicator
      ? fieldErrors(
          updateIndicatorInputSchema(now),
          { ...fields, indicatorId: indicator.id },
          language,
        )
      : fieldErrors(indicatorInputSchema(now), { ...fields, experimentId }, language);
    if (report(local)) return;
    const checked = {
      ...fields,
      kind: kind as IndicatorKind,
      unit: unit as IndicatorUnit,
      baseline: fields.baseline as number | null,
    };
    try {
      if (indicator) {
        await updateIndicator({ variables: { input: { ...checked, indicatorId: indicator.id } } });
      } else {
        await addIndicator({
          variables: { input: { ...checked, experimentId: experimentId as string } },
        });
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
        <Title order={3} fz="h4" id={titleId}>
          {indicator
            ? t('experiments.indicatorForm.editTitle', { name: indicator.name })
            : t('experiments.indicatorForm.title')}
        </Title>
        <FormErrorSummary fieldErrorCount={count} formError={formError} />
        <TextInput
          label={t('experiments.indicatorForm.name')}
          description={t('experiments.indicatorForm.nameHint')}
          required
          maxLength={EXPERIMENT_LIMITS.indicatorNameMax}
          {...textField('name', name, setName)}
        />
        <Textarea
          label={t('experiments.indicatorForm.description')}
          autosize
          minRows={2}
          maxLength={EXPERIMENT_LIMITS.indicatorDescriptionMax}
          {...textField('description', description, setDescription)}
        />
        <Group grow align="flex-start" wrap="wrap">
          <NativeSelect
            ref={fieldRef('kind')}
            label={t('experiments.indicatorForm.kind')}
            required
            value={kind}
            error={errors.kind}
            data={[
              { value: '', label: t('experiments.form.choose'), disabled: true },
              ...INDICATOR_KINDS.map((value) => ({
                value,
                label: t(`experiments.kind.${value}`),
              })),
            ]}
            onChange={(event) => {
              const next = event.currentTarget.value as IndicatorKind;
              setKind(next);
              const allowed = unitsOf(next);
              // A unit the new kind does not take is dropped; a kind with one unit chooses it.
              if (allowed.length === 1) setUnit(allowed[0] ?? '');
              else if (unit && !allowed.includes(unit)) setUnit('');
              clear('kind');
              clear('unit');
            }}
          />
          <NativeSelect
            ref={fieldRef('unit')}
            label={t('experiments.indicatorForm.unit')}
            description={kind ? undefined : t('experiments.indicatorForm.unitHint')}
            required
            disabled={!kind}
            value={unit}
            error={errors.unit}
            data={[
              { value: '', label: t('experiments.form.choose'), disabled: true },
              ...units.map((value) => ({ value, label: t(`experiments.unit.${value}`) })),
            ]}
            onChange={(event) => {
              setUnit(event.currentTarget.value as IndicatorUnit);
              clear('unit');
            }}
          />
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('experiments.indicatorForm.baseline')}
            description={t('experiments.indicatorForm.baselineHint')}
            inputMode="decimal"
            {...textField('baseline', baseline, setBaseline)}
          />
          <TextInput
            type="date"
            label={t('experiments.indicatorForm.baselineOn')}
            {...textField('baselineOn', baselineOn, setBaselineOn)}
          />
        </Group>
        <Group>
          <Button type="submit" loading={loading}>
            {indicator
              ? t('experiments.indicatorForm.save')
              : t('experiments.indicatorForm.submit')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('experiments.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
