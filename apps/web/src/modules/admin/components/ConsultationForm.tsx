import { useState, type FormEvent } from 'react';
import {
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { ApolloCache } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  CONSULTATION_LIMITS as L,
  CONSULTATION_SETTINGS_LIMITS as S,
  PHASE_ORDER,
  createConsultationInputSchema,
  fieldErrors,
  updateConsultationInputSchema,
  type PhaseKind,
} from '@passerelle/domain';
import { currentLanguage } from '../../../app/i18n/i18n';
import { paths } from '../../../app/paths';
import { FormErrorSummary } from '../../../shared/forms/FormErrorSummary';
import { useFieldErrors } from '../../../shared/forms/useFieldErrors';
import { errorMessage, errorReason, serverFieldErrors } from '../../../shared/graphql/errors';
import type { AdminConsultation, Theme } from '../../../shared/graphql/schema-types';
import { TerritorySelect } from '../../territories/components/TerritorySelect';
import { OrganisationField } from './OrganisationField';
import {
  CONSULTATION_FORM_FIELDS,
  REQUIRED_VOTE_VALUE,
  VOTE_VALUES,
  consultationToForm,
  emptyConsultationForm,
  enabledPhaseKinds,
  missingFieldErrors,
  offeredVoteValues,
  phaseField,
  slugify,
  toCreateConsultationInput,
  toFormFieldErrors,
  toUpdateConsultationInput,
  type ConsultationFormField,
  type ConsultationFormState,
  type PhaseState,
} from '../forms/consultation-form';
import {
  CREATE_CONSULTATION_MUTATION,
  UPDATE_CONSULTATION_MUTATION,
} from '../graphql/admin.documents';

interface ConsultationFormProps {
  /** Every theme; the consultation picks among them. */
  themes: Theme[];
  /** Edit mode: the consultation as loaded (with its carrying organisation, when read). */
  consultation?: AdminConsultation & { organisation?: { id: string } | null };
}

/** Creates or edits a consultation: text, scope, themes, dated phases and settings. */
export function ConsultationForm({ themes, consultation }: ConsultationFormProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { errors, count, fieldRef, report, clear } = useFieldErrors(CONSULTATION_FORM_FIELDS);
  const [formError, setFormError] = useState<string | null>(null);
  const [state, setState] = useState<ConsultationFormState>(() =>
    consultation ? consultationToForm(consultation) : emptyConsultationForm(),
  );
  // A new consultation's slug follows its title until the slug is typed in.
  const [isSlugTyped, setIsSlugTyped] = useState(Boolean(consultation));
  const isEdit = Boolean(consultation);

  const change = (patch: Partial<ConsultationFormState>, ...fields: ConsultationFormField[]) => {
    setState((previous) => ({ ...previous, ...patch }));
    for (const field of fields) clear(field);
  };
  const changePhase = (
    kind: PhaseKind,
    patch: Partial<PhaseState>,
    field?: 'startsAt' | 'endsAt',
  ) => {
    setState((previous) => ({
      ...previous,
      phases: { ...previous.phases, [kind]: { ...previous.phases[kind], ...patch } },
    }));
    clear('phases');
    if (field) clear(phaseField(kind, field));
  };

  // The lists of consultations (home page, administration) are fetched again.
  const evictLists = {
    update(cache: ApolloCache) {
      cache.evict({ fieldName: 'consultations' });
      cache.gc();
    },
  };
  const [createConsultation, creating] = useMutation(CREATE_CONSULTATION_MUTATION, evictLists);
  const [updateConsultation, updating] = useMutation(UPDATE_CONSULTATION_MUTATION, evictLists);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const kinds = enabledPhaseKinds(state);
    const lang = currentLanguage(i18n);
    const missing = missingFieldErrors(state, t('admin.required'));
    const input = consultation
      ? toUpdateConsultationInput(consultation.id, state)
      : toCreateConsultationInput(state);
    const invalid = fieldErrors(
      consultation ? updateConsultationInputSchema : createConsultationInputSchema,
      input,
      lang,
    );
    // Missing values first: "required" says more than the schema's message about an empty value.
    if (report(toFormFieldErrors([...missing, ...invalid], kinds))) return;
    try {
      if (consultation) {
        const { data } = await updateConsultation({
          variables: { input: toUpdateConsultationInput(consultation.id, state) },
        });
        const title = data?.updateConsultation.title ?? state.title;
        await navigate(paths.adminConsultations, {
          state: { announce: t('admin.consultations.saved', { title }) },
        });
        return;
      }
      const { data } = await createConsultation({
        variables: { input: toCreateConsultationInput(state) },
      });
      const title = data?.createConsultation.title ?? state.title;
      await navigate(paths.adminConsultations, {
        state: { announce: t('admin.consultations.created', { title }) },
      });
    } catch (error) {
      if (report(toFormFieldErrors(serverFieldErrors(error), kinds))) return;
      if (errorReason(error) === 'SLUG_TAKEN') {
        report([{ field: 'slug', rule: 'taken', message: errorMessage(error, t) }]);
        return;
      }
      setFormError(errorMessage(error, t));
    }
  };

  const numberHint = (key: 'reportThresholdHint', min: number, max: number) =>
    t(`admin.form.${key}`, { min, max });

  return (
    <form
      noValidate
      onSubmit={(event) => void handleSubmit(event)}
      aria-labelledby="consultation-form-title"
    >
      <Stack gap="xl">
        <FormErrorSummary fieldErrorCount={count} formError={formError} />

        <Fieldset legend={t('admin.form.presentation')}>
          <Stack gap="md">
            <TextInput
              ref={fieldRef('title')}
              label={t('admin.form.title')}
              description={t('admin.form.lengthHint', { min: L.titleMin, max: L.titleMax })}
              required
              maxLength={L.titleMax}
              value={state.title}
              error={errors.title}
              onChange={(event) => {
                const title = event.currentTarget.value;
                if (isSlugTyped) change({ title }, 'title');
                else change({ title, slug: slugify(title) }, 'title', 'slug');
              }}
            />
            <TextInput
              ref={fieldRef('slug')}
              label={t('admin.form.slug')}
              description={
                isEdit
                  ? t('admin.form.slugLocked')
                  : t('admin.form.slugHint', { min: L.slugMin, max: L.slugMax })
              }
              required={!isEdit}
              readOnly={isEdit}
              maxLength={L.slugMax}
              autoComplete="off"
              spellCheck={false}
              value={state.slug}
              error={errors.slug}
              onChange={(event) => {
                setIsSlugTyped(true);
                change({ slug: event.currentTarget.value }, 'slug');
              }}
            />
            <Textarea
              ref={fieldRef('description')}
              label={t('admin.form.description')}
              description={t('admin.form.lengthHint', {
                min: L.descriptionMin,
                max: L.descriptionMax,
              })}
              required
              autosize
              minRows={4}
              maxRows={16}
              maxLength={L.descriptionMax}
              value={state.description}
              error={errors.description}
              onChange={(event) =>
                change({ description: event.currentTarget.value }, 'description')
              }
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('admin.form.scopeAndThemes')}>
          <Stack gap="md">
            <Radio.Group
              label={t('admin.form.scope')}
              value={state.isNational ? 'national' : 'territory'}
              onChange={(value) => change({ isNational: value === 'national' }, 'territoryId')}
            >
              <Group gap="md" mt="xs" wrap="wrap">
                <Radio value="national" label={t('admin.form.national')} />
                <Radio value="territory" label={t('admin.form.territorial')} />
              </Group>
            </Radio.Group>
            {!state.isNational && (
              <TerritorySelect
                id="consultation-territory"
                inputRef={fieldRef('territoryId')}
                label={t('admin.form.territory')}
                required
                value={state.territory}
                error={errors.territoryId}
                onChange={(territory) => change({ territory }, 'territoryId')}
              />
            )}
            <OrganisationField
              inputRef={fieldRef('organisationId')}
              value={state.organisationId}
              error={errors.organisationId}
              onChange={(organisationId) => change({ organisationId }, 'organisationId')}
            />
            <Checkbox.Group
              label={t('admin.form.themes')}
              description={t('admin.form.themesHint')}
              required
              value={state.themeIds}
              error={errors.themeIds}
              onChange={(themeIds) => change({ themeIds }, 'themeIds')}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                {themes.map((theme, index) => (
                  <Checkbox
                    key={theme.id}
                    ref={index === 0 ? fieldRef('themeIds') : undefined}
                    value={theme.id}
                    label={theme.name}
                  />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('admin.form.phases')}>
          <Stack gap="md">
            <Text size="sm" c="gray.7">
              {t('admin.form.phasesHint')}
            </Text>
            {errors.phases && (
              <Text c="red.7" size="sm" role="alert">
                {errors.phases}
              </Text>
            )}
            {PHASE_ORDER.map((kind, index) => {
              const phase = state.phases[kind];
              return (
                <Fieldset key={kind} legend={t(`phase.${kind}`)} variant="filled">
                  <Stack gap="sm">
                    <Checkbox
                      ref={index === 0 ? fieldRef('phases') : undefined}
                      label={t('admin.form.includePhase', { phase: t(`phase.${kind}`) })}
                      checked={phase.enabled}
                      onChange={(event) =>
                        changePhase(kind, { enabled: event.currentTarget.checked })
                      }
                    />
                    {phase.enabled && (
                      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                        <TextInput
                          ref={fieldRef(phaseField(kind, 'startsAt'))}
                          type="datetime-local"
                          label={t('admin.form.startsAt')}
                          required
                          value={phase.startsAt}
                          error={errors[phaseField(kind, 'startsAt')]}
                          onChange={(event) =>
                            changePhase(kind, { startsAt: event.currentTarget.value }, 'startsAt')
                          }
                        />
                        <TextInput
                          ref={fieldRef(phaseField(kind, 'endsAt'))}
                          type="datetime-local"
                          label={t('admin.form.endsAt')}
                          value={phase.endsAt}
                          error={errors[phaseField(kind, 'endsAt')]}
                          onChange={(event) =>
                            changePhase(kind, { endsAt: event.currentTarget.value }, 'endsAt')
                          }
                        />
                      </SimpleGrid>
                    )}
                  </Stack>
                </Fieldset>
              );
            })}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('admin.form.settings')}>
          <Stack gap="md">
            {errors.settings && (
              <Text c="red.7" size="sm" role="alert">
                {errors.settings}
              </Text>
            )}
            <NumberInput
              ref={fieldRef('reportThreshold')}
              label={t('admin.form.reportThreshold')}
              description={numberHint(
                'reportThresholdHint',
                S.reportThresholdMin,
                S.reportThresholdMax,
              )}
              required
              allowDecimal={false}
              allowNegative={false}
              min={S.reportThresholdMin}
              max={S.reportThresholdMax}
              value={state.reportThreshold}
              error={errors.reportThreshold}
              onChange={(reportThreshold) => change({ reportThreshold }, 'reportThreshold')}
              maw={560}
            />
            <Checkbox
              ref={fieldRef('preModeration')}
              label={t('admin.form.preModeration')}
              description={t('admin.form.preModerationHint')}
              checked={state.preModeration}
              error={errors.preModeration}
              onChange={(event) =>
                change({ preModeration: event.currentTarget.checked }, 'preModeration')
              }
            />
            <Checkbox.Group
              label={t('admin.form.voteValues')}
              description={t('admin.form.voteValuesHint')}
              value={state.voteValues}
              error={errors.voteValues}
              onChange={(values) => change({ voteValues: offeredVoteValues(values) }, 'voteValues')}
            >
              <Group gap="md" mt="xs" wrap="wrap">
                {VOTE_VALUES.map((value) => (
                  <Checkbox
                    key={value}
                    ref={value === 'AGAINST' ? fieldRef('voteValues') : undefined}
                    value={value}
                    label={t(`admin.form.voteValue.${value}`)}
                    // FOR is always offered: shown ticked, not editable.
                    disabled={value === REQUIRED_VOTE_VALUE}
                  />
                ))}
              </Group>
            </Checkbox.Group>
            <Fieldset legend={t('admin.form.colleges')} variant="filled">
              <Stack gap="sm">
                <Text size="sm" c="gray.7">
                  {t('admin.form.collegesHint')}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  <NumberInput
                    ref={fieldRef('minForShare')}
                    label={t('admin.form.minForShare')}
                    description={t('admin.form.minForShareHint', {
                      min: S.minForShareMin * 100,
                      max: S.minForShareMax * 100,
                    })}
                    required
                    allowDecimal={false}
                    allowNegative={false}
                    min={S.minForShareMin * 100}
                    max={S.minForShareMax * 100}
                    suffix=" %"
                    value={state.minForSharePercent}
                    error={errors.minForShare}
                    onChange={(minForSharePercent) => change({ minForSharePercent }, 'minForShare')}
                  />
                  <NumberInput
                    ref={fieldRef('minColleges')}
                    label={t('admin.form.minColleges')}
                    description={t('admin.form.minCollegesHint', {
                      min: S.minCollegesMin,
                      max: S.minCollegesMax,
                    })}
                    required
                    allowDecimal={false}
                    allowNegative={false}
                    min={S.minCollegesMin}
                    max={S.minCollegesMax}
                    value={state.minColleges}
                    error={errors.minColleges}
                    onChange={(minColleges) => change({ minColleges }, 'minColleges')}
                  />
                  <NumberInput
                    ref={fieldRef('minVotesPerCollege')}
                    label={t('admin.form.minVotesPerCollege')}
                    description={t('admin.form.minVotesPerCollegeHint', {
                      min: S.minVotesPerCollegeMin,
                      max: S.minVotesPerCollegeMax,
                    })}
                    required
                    allowDecimal={false}
                    allowNegative={false}
                    min={S.minVotesPerCollegeMin}
                    max={S.minVotesPerCollegeMax}
                    value={state.minVotesPerCollege}
                    error={errors.minVotesPerCollege}
                    onChange={(minVotesPerCollege) =>
                      change({ minVotesPerCollege }, 'minVotesPerCollege')
                    }
                  />
                </SimpleGrid>
              </Stack>
            </Fieldset>
          </Stack>
        </Fieldset>

        <Group>
          <Button type="submit" size="md" loading={creating.loading || updating.loading}>
            {isEdit ? t('admin.form.save') : t('admin.form.create')}
          </Button>
          <Anchor component={Link} to={paths.adminConsultations}>
            {t('admin.form.cancel')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
