import { useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  CompetentLevel,
  Lever,
  PROPOSAL_LIMITS as L,
  fieldErrors,
  submitProposalInputSchema,
} from '@passerelle/domain';
import { currentLanguage } from '../../../app/i18n/i18n';
import { paths } from '../../../app/paths';
import { FormErrorSummary } from '../../../shared/forms/FormErrorSummary';
import { useFieldErrors } from '../../../shared/forms/useFieldErrors';
import { errorMessage, serverFieldErrors } from '../../../shared/graphql/errors';
import type { Consultation, TerritoryRef, Theme } from '../../../shared/graphql/schema-types';
import { TerritorySelect } from '../../territories/components/TerritorySelect';
import { SUBMIT_PROPOSAL_MUTATION, type SubmitProposalInput } from '../graphql/proposals.documents';

/** Form order: focus goes to the first invalid field in this order. */
const FIELDS = [
  'consultationId',
  'title',
  'summary',
  'body',
  'themeIds',
  'territoryId',
  'competentLevel',
  'lever',
  'experiment',
  'measuredImpact',
] as const;

interface SubmitProposalFormProps {
  /** Consultations open for proposals (at least one). */
  consultations: Consultation[];
  /** Every theme, used when the chosen consultation lists none. */
  themes: Theme[];
}

export function SubmitProposalForm({ consultations, themes }: SubmitProposalFormProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { errors, count, fieldRef, report, clear } = useFieldErrors(FIELDS);
  const [formError, setFormError] = useState<string | null>(null);
  const [consultationId, setConsultationId] = useState(consultations[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [body, setBody] = useState('');
  const [themeIds, setThemeIds] = useState<string[]>([]);
  const [territory, setTerritory] = useState<TerritoryRef | null>(null);
  const [competentLevel, setCompetentLevel] = useState('');
  const [lever, setLever] = useState('');
  const [experiment, setExperiment] = useState('');
  const [measuredImpact, setMeasuredImpact] = useState('');

  const [submitProposal, { loading }] = useMutation(SUBMIT_PROPOSAL_MUTATION, {
    // The new proposal heads the "newest" lists: drop cached pages so they are fetched again.
    update(cache) {
      cache.evict({ fieldName: 'proposals' });
      cache.gc();
    },
  });

  const consultation = consultations.find((item) => item.id === consultationId);
  const themeChoices =
    consultation && consultation.themes.length > 0 ? consultation.themes : themes;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const input = {
      consultationId,
      title,
      summary,
      body,
      themeIds,
      territoryId: territory?.id ?? '',
      // An unchosen select is missing (the domain says "required"), not an unknown value.
      competentLevel: competentLevel || undefined,
      lever: lever || undefined,
      experiment: experiment.trim() === '' ? null : experiment,
      measuredImpact: measuredImpact.trim() === '' ? null : measuredImpact,
    };
    if (report(fieldErrors(submitProposalInputSchema, input, currentLanguage(i18n)))) return;
    try {
      const { data } = await submitProposal({ variables: { input: input as SubmitProposalInput } });
      if (data) await navigate(paths.proposal(data.submitProposal.id));
    } catch (error) {
      if (report(serverFieldErrors(error))) return;
      setFormError(errorMessage(error, t));
    }
  };

  const counter = (value: string, max: number) => t('submit.counter', { count: value.length, max });

  return (
    <form noValidate onSubmit={(event) => void handleSubmit(event)} aria-labelledby="submit-title">
      <Stack gap="lg">
        <FormErrorSummary fieldErrorCount={count} formError={formError} />
        {consultations.length > 1 ? (
          <NativeSelect
            ref={fieldRef('consultationId')}
            label={t('submit.consultation')}
            required
            value={consultationId}
            error={errors.consultationId}
            data={consultations.map((item) => ({ value: item.id, label: item.title }))}
            onChange={(event) => {
              setConsultationId(event.currentTarget.value);
              setThemeIds([]);
              clear('consultationId');
            }}
          />
        ) : (
          <Stack gap={2}>
            <Text fw={700}>{t('submit.consultation')}</Text>
            <Text>{consultation?.title}</Text>
            {errors.consultationId && (
              <Text c="red.6" size="sm" role="alert">
                {errors.consultationId}
              </Text>
            )}
          </Stack>
        )}
        <TextInput
          ref={fieldRef('title')}
          label={t('submit.titleField')}
          description={`${t('submit.lengthHint', { min: L.titleMin, max: L.titleMax })} ${counter(title, L.titleMax)}`}
          required
          maxLength={L.titleMax}
          value={title}
          error={errors.title}
          onChange={(event) => {
            setTitle(event.currentTarget.value);
            clear('title');
          }}
        />
        <Textarea
          ref={fieldRef('summary')}
          label={t('submit.summary')}
          description={`${t('submit.lengthHint', { min: L.summaryMin, max: L.summaryMax })} ${counter(summary, L.summaryMax)}`}
          required
          autosize
          minRows={3}
          maxLength={L.summaryMax}
          value={summary}
          error={errors.summary}
          onChange={(event) => {
            setSummary(event.currentTarget.value);
            clear('summary');
          }}
        />
        <Textarea
          ref={fieldRef('body')}
          label={t('submit.body')}
          description={`${t('submit.bodyHint', { min: L.bodyMin, max: L.bodyMax })} ${counter(body, L.bodyMax)}`}
          required
          autosize
          minRows={8}
          maxRows={24}
          maxLength={L.bodyMax}
          value={body}
          error={errors.body}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            clear('body');
          }}
        />
        <Checkbox.Group
          label={t('submit.themes')}
          description={t('submit.themesHint', { min: L.themesMin, max: L.themesMax })}
          required
          value={themeIds}
          error={errors.themeIds}
          maxSelectedValues={L.themesMax}
          onChange={(value) => {
            setThemeIds(value);
            clear('themeIds');
          }}
        >
          <Group gap="sm" mt="xs" wrap="wrap">
            {themeChoices.map((theme, index) => (
              <Checkbox
                key={theme.id}
                ref={index === 0 ? fieldRef('themeIds') : undefined}
                value={theme.id}
                label={theme.name}
              />
            ))}
          </Group>
        </Checkbox.Group>
        <TerritorySelect
          id="proposal-territory"
          inputRef={fieldRef('territoryId')}
          label={t('territory.label')}
          description={t('submit.territoryHint')}
          required
          value={territory}
          error={errors.territoryId}
          onChange={(value) => {
            setTerritory(value);
            clear('territoryId');
          }}
        />
        <NativeSelect
          ref={fieldRef('competentLevel')}
          label={t('submit.competentLevel')}
          description={t('submit.competentLevelHint')}
          required
          value={competentLevel}
          error={errors.competentLevel}
          data={[
            { value: '', label: t('submit.selectPlaceholder'), disabled: true },
            ...Object.values(CompetentLevel).map((value) => ({
              value,
              label: t(`competentLevel.${value}`),
            })),
          ]}
          onChange={(event) => {
            setCompetentLevel(event.currentTarget.value);
            clear('competentLevel');
          }}
        />
        <NativeSelect
          ref={fieldRef('lever')}
          label={t('submit.lever')}
          required
          value={lever}
          error={errors.lever}
          data={[
            { value: '', label: t('submit.selectPlaceholder'), disabled: true },
            ...Object.values(Lever).map((value) => ({ value, label: t(`lever.${value}`) })),
          ]}
          onChange={(event) => {
            setLever(event.currentTarget.value);
            clear('lever');
          }}
        />
        <Textarea
          ref={fieldRef('experiment')}
          label={t('submit.experiment')}
          description={`${t('submit.experimentHint')} ${t('submit.maxLengthHint', { max: L.experimentMax })}`}
          autosize
          minRows={3}
          maxLength={L.experimentMax}
          value={experiment}
          error={errors.experiment}
          onChange={(event) => {
            setExperiment(event.currentTarget.value);
            clear('experiment');
          }}
        />
        <Textarea
          ref={fieldRef('measuredImpact')}
          label={t('submit.measuredImpact')}
          description={`${t('submit.measuredImpactHint')} ${t('submit.maxLengthHint', { max: L.measuredImpactMax })}`}
          autosize
          minRows={3}
          maxLength={L.measuredImpactMax}
          value={measuredImpact}
          error={errors.measuredImpact}
          onChange={(event) => {
            setMeasuredImpact(event.currentTarget.value);
            clear('measuredImpact');
          }}
        />
        <Group>
          <Button type="submit" size="md" loading={loading}>
            {t('submit.submitButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
