import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { EXPERIMENT_LIMITS, fieldErrors, indicatorInputSchema } from '@passerelle/domain';
import { currentLanguage } from '../../../app/i18n/i18n';
import { FormErrorSummary } from '../../../shared/forms/FormErrorSummary';
import { useFieldErrors } from '../../../shared/forms/useFieldErrors';
import { errorMessage, serverFieldErrors } from '../../../shared/graphql/errors';
import type { IndicatorKind, IndicatorUnit } from '../../../shared/graphql/schema-types';
import { ADD_INDICATOR_MUTATION, EXPERIMENT_QUERY } from '../graphql/experiments.documents';
import { evictRegistry } from '../lib/cache';
import { INDICATOR_KINDS } from '../lib/experimentSearchParams';
import { parseFigure, unitsOf } from '../lib/figures';

const FIELDS = ['name', 'description', 'kind', 'unit', 'baseline', 'baselineOn'] as const;

interface IndicatorFormProps {
  experimentId: string;
  onDone: () => void;
}

/** Adds an impact indicator to an experiment: kind, unit (those of the kind), baseline. */
export function IndicatorForm({ experimentId, onDone }: IndicatorFormProps) {
  const { t, i18n } = useTranslation();
  const { errors, count, fieldRef, report, clear } = useFieldErrors(FIELDS);
  const [formError, setFormError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<IndicatorKind | ''>('');
  const [unit, setUnit] = useState<IndicatorUnit | ''>('');
  const [baseline, setBaseline] = useState('');
  const [baselineOn, setBaselineOn] = useState('');
  const [addIndicator, { loading }] = useMutation(ADD_INDICATOR_MUTATION, {
    refetchQueries: [EXPERIMENT_QUERY],
    awaitRefetchQueries: true,
    update: evictRegistry,
  });
  const units = unitsOf(kind);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const input = {
      experimentId,
      name,
      description: description.trim() === '' ? null : description,
      kind: kind || undefined,
      unit: unit || undefined,
      baseline: parseFigure(baseline),
      baselineOn: baselineOn || null,
    };
    if (report(fieldErrors(indicatorInputSchema(new Date()), input, currentLanguage(i18n)))) {
      return;
    }
    try {
      await addIndicator({
        variables: {
          input: {
            ...input,
            kind: kind as IndicatorKind,
            unit: unit as IndicatorUnit,
            baseline: input.baseline as number | null,
          },
        },
      });
      onDone();
    } catch (error) {
      if (report(serverFieldErrors(error))) return;
      setFormError(errorMessage(error, t));
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="indicator-form-title"
    >
      <Stack gap="md">
        <Title order={3} fz="h4" id="indicator-form-title">
          {t('experiments.indicatorForm.title')}
        </Title>
        <FormErrorSummary fieldErrorCount={count} formError={formError} />
        <TextInput
          ref={fieldRef('name')}
          label={t('experiments.indicatorForm.name')}
          description={t('experiments.indicatorForm.nameHint')}
          required
          maxLength={EXPERIMENT_LIMITS.indicatorNameMax}
          value={name}
          error={errors.name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            clear('name');
          }}
        />
        <Textarea
          ref={fieldRef('description')}
          label={t('experiments.indicatorForm.description')}
          autosize
          minRows={2}
          maxLength={EXPERIMENT_LIMITS.indicatorDescriptionMax}
          value={description}
          error={errors.description}
          onChange={(event) => {
            setDescription(event.currentTarget.value);
            clear('description');
          }}
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
            ref={fieldRef('baseline')}
            label={t('experiments.indicatorForm.baseline')}
            description={t('experiments.indicatorForm.baselineHint')}
            inputMode="decimal"
            value={baseline}
            error={errors.baseline}
            onChange={(event) => {
              setBaseline(event.currentTarget.value);
              clear('baseline');
            }}
          />
          <TextInput
            ref={fieldRef('baselineOn')}
            type="date"
            label={t('experiments.indicatorForm.baselineOn')}
            value={baselineOn}
            error={errors.baselineOn}
            onChange={(event) => {
              setBaselineOn(event.currentTarget.value);
              clear('baselineOn');
            }}
          />
        </Group>
        <Group>
          <Button type="submit" loading={loading}>
            {t('experiments.indicatorForm.submit')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('experiments.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
