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
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
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
import { StaleVersionAlert, useStaleVersion } from '../../../shared/forms/StaleVersion';
import { useFieldErrors } from '../../../shared/forms/useFieldErrors';
import { errorMessage, serverFieldErrors } from '../../../shared/graphql/errors';
import type {
  Consultation,
  ProposalDetail,
  TerritoryRef,
  Theme,
} from '../../../shared/graphql/schema-types';
import { MY_ORGANISATIONS_QUERY } from '../../profile/graphql/profile.documents';
import { TerritorySelect } from '../../territories/components/TerritorySelect';
import {
  PROPOSAL_QUERY,
  SUBMIT_PROPOSAL_MUTATION,
  UPDATE_PROPOSAL_MUTATION,
  type SubmitProposalInput,
} from '../graphql/proposals.documents';
import {
  type ExperimentOption,
  PROPOSAL_EXPERIMENT_OPTIONS_QUERY,
} from '../graphql/proposal-experiments.documents';
import { ExperimentsPicker } from './ExperimentsPicker';
import { SimilarProposals } from './SimilarProposals';

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
  'experimentIds',
  'organisationId',
] as const;

interface SubmitProposalFormProps {
  /** Consultations open for proposals (at least one); in edit mode, the proposal's own. */
  consultations: Consultation[];
  /** Every theme, used when the chosen consultation lists none. */
  themes: Theme[];
  /** Edit mode: the proposal as loaded (its version guards against overwriting a newer edit). */
  proposal?: ProposalDetail;
}

export function SubmitProposalForm({ consultations, themes, proposal }: SubmitProposalFormProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const { errors, count, fieldRef, report, clear, textField } = useFieldErrors(FIELDS);
  const [formError, setFormError] = useState<string | null>(null);
  const stale = useStaleVersion(proposal?.version ?? 1);
  const { expectedVersion } = stale;
  const [consultationId, setConsultationId] = useState(
    proposal?.consultation.id ?? consultations[0]?.id ?? '',
  );
  const [title, setTitle] = useState(proposal?.title ?? '');
  const [summary, setSummary] = useState(proposal?.summary ?? '');
  const [body, setBody] = useState(proposal?.body ?? '');
  const [themeIds, setThemeIds] = useState<string[]>(
    proposal?.themes.map((theme) => theme.id) ?? [],
  );
  const [territory, setTerritory] = useState<TerritoryRef | null>(proposal?.territory ?? null);
  const [competentLevel, setCompetentLevel] = useState<string>(proposal?.competentLevel ?? '');
  const [lever, setLever] = useState<string>(proposal?.lever ?? '');
  const [experiment, setExperiment] = useState(proposal?.experiment ?? '');
  const [measuredImpact, setMeasuredImpact] = useState(proposal?.measuredImpact ?? '');
  const [organisationId, setOrganisationId] = useState('');
  // Cited registry experiments (issue 10). In edit mode, null until the author changes them: the
  // edit then leaves the citations as they are.
  const [pickedExperiments, setPickedExperiments] = useState<ExperimentOption[] | null>(null);
  const citedNow = useQuery(PROPOSAL_EXPERIMENT_OPTIONS_QUERY, {
    variables: { id: proposal?.id ?? '' },
    skip: !proposal,
  });
  const experiments = pickedExperiments ?? citedNow.data?.proposal.experiments ?? [];
  // Members may post on behalf of their organisations (not changed by an edit).
  const myOrganisations = useQuery(MY_ORGANISATIONS_QUERY, { skip: Boolean(proposal) });
  const organisations = myOrganisations.data?.me?.organisations ?? [];
  const [updateProposal, updating] = useMutation(UPDATE_PROPOSAL_MUTATION, {
    // The history gained a revision: the proposal page fetches it again.
    update(cache) {
      if (!proposal) return;
      cache.evict({
        id: cache.identify({ __typename: 'Proposal', id: proposal.id }),
        fieldName: 'revisions',
      });
      cache.evict({
        id: cache.identify({ __typename: 'Proposal', id: proposal.id }),
        fieldName: 'experiments',
      });
    },
  });

  const [submitProposal, submitting] = useMutation(SUBMIT_PROPOSAL_MUTATION, {
    // The new proposal heads the "newest" lists: drop cached pages so they are fetched again.
    update(cache) {
      cache.evict({ fieldName: 'proposals' });
      cache.gc();
    },
  });

  const consultation = consultations.find((item) => item.id === consultationId);
  const themeChoices =
    consultation && consultation.themes.length > 0 ? consultation.themes : themes;

  // Which button sent the form (its own spinner); null while nothing is being sent.
  const [pendingAction, setPendingAction] = useState<'publish' | 'draft' | null>(null);

  /** Publishes (or, asDraft, saves a draft of) a new proposal, or saves an edit. */
  const save = async (asDraft: boolean) => {
    setFormError(null);
    stale.clear();
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
      ...(organisationId && !proposal ? { organisationId } : {}),
      ...(pickedExperiments !== null || (!proposal && experiments.length > 0)
        ? { experimentIds: experiments.map((item) => item.id) }
        : {}),
    };
    if (report(fieldErrors(submitProposalInputSchema, input, currentLanguage(i18n)))) return;
    try {
      if (proposal) {
        const { consultationId: _unchanged, ...fields } = input as SubmitProposalInput;
        await updateProposal({
          variables: { input: { ...fields, proposalId: proposal.id, expectedVersion } },
        });
        await navigate(paths.proposal(proposal.id), {
          state: { announce: t('edit.saved') },
        });
        return;
      }
      // Same fields and rules as a submission: the draft is only kept from the public.
      const { data } = await submitProposal({
        variables: {
          input: { ...(input as SubmitProposalInput), ...(asDraft ? { asDraft: true } : {}) },
        },
      });
      if (data) {
        await navigate(
          paths.proposal(data.submitProposal.id),
          asDraft ? { state: { announce: t('submit.draftSaved') } } : undefined,
        );
      }
    } catch (error) {
      if (report(serverFieldErrors(error))) return;
      const latestVersion = async () => {
        if (!proposal) return undefined;
        const variables = { id: proposal.id };
        const latest = await client.query({
          query: PROPOSAL_QUERY,
          variables,
          fetchPolicy: 'network-only',
        });
        return latest.data?.proposal.version;
      };
      if (proposal && (await stale.recover(error, latestVersion))) return;
      setFormError(errorMessage(error, t));
    }
  };
  const run = async (action: 'publish' | 'draft') => {
    if (pendingAction) return; // one save at a time (Enter in a field while a draft is saved)
    setPendingAction(action);
    try {
      await save(action === 'draft');
    } finally {
      setPendingAction(null);
    }
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run('publish');
  };
  const loading = submitting.loading || updating.loading || pendingAction !== null;

  const counter = (value: string, max: number) => t('submit.counter', { count: value.length, max });

  return (
    <form noValidate onSubmit={handleSubmit} aria-labelledby="submit-title">
      <Stack gap="lg">
        <FormErrorSummary fieldErrorCount={count} formError={formError} />
        {stale.conflict && proposal && (
          <StaleVersionAlert
            title={t('edit.conflictTitle')}
            text={t('edit.conflictText')}
            linkLabel={t('edit.conflictLink')}
            href={paths.proposal(proposal.id)}
          />
        )}
        {consultations.length > 1 && !proposal ? (
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
          label={t('submit.titleField')}
          description={`${t('submit.lengthHint', { min: L.titleMin, max: L.titleMax })} ${counter(title, L.titleMax)}`}
          required
          maxLength={L.titleMax}
          {...textField('title', title, setTitle)}
        />
        <SimilarProposals title={title} consultationId={consultationId} excludeId={proposal?.id} />
        <Textarea
          label={t('submit.summary')}
          description={`${t('submit.lengthHint', { min: L.summaryMin, max: L.summaryMax })} ${counter(summary, L.summaryMax)}`}
          required
          autosize
          minRows={3}
          maxLength={L.summaryMax}
          {...textField('summary', summary, setSummary)}
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
          label={t('submit.experiment')}
          description={`${t('submit.experimentHint')} ${t('submit.maxLengthHint', { max: L.experimentMax })}`}
          autosize
          minRows={3}
          maxLength={L.experimentMax}
          {...textField('experiment', experiment, setExperiment)}
        />
        <Textarea
          label={t('submit.measuredImpact')}
          description={`${t('submit.measuredImpactHint')} ${t('submit.maxLengthHint', { max: L.measuredImpactMax })}`}
          autosize
          minRows={3}
          maxLength={L.measuredImpactMax}
          {...textField('measuredImpact', measuredImpact, setMeasuredImpact)}
        />
        <ExperimentsPicker
          inputRef={fieldRef('experimentIds')}
          value={experiments}
          error={errors.experimentIds}
          onChange={(next) => {
            setPickedExperiments(next);
            clear('experimentIds');
          }}
        />
        {!proposal && organisations.length > 0 && (
          <NativeSelect
            ref={fieldRef('organisationId')}
            label={t('submit.organisation')}
            description={t('submit.organisationHint')}
            value={organisationId}
            error={errors.organisationId}
            data={[
              { value: '', label: t('submit.inMyName') },
              ...organisations.map((item) => ({ value: item.id, label: item.name })),
            ]}
            onChange={(event) => {
              setOrganisationId(event.currentTarget.value);
              clear('organisationId');
            }}
          />
        )}
        <Stack gap="xs">
          <Group gap="sm">
            <Button
              type="submit"
              size="md"
              loading={loading && pendingAction !== 'draft'}
              disabled={pendingAction === 'draft'}
            >
              {proposal ? t('edit.submitButton') : t('submit.submitButton')}
            </Button>
            {!proposal && (
              <Button
                type="button"
                size="md"
                variant="default"
                loading={pendingAction === 'draft'}
                disabled={loading && pendingAction !== 'draft'}
                aria-describedby="draft-hint"
                onClick={() => void run('draft')}
              >
                {t('submit.saveDraftButton')}
              </Button>
            )}
          </Group>
          {!proposal && (
            <Text size="sm" c="gray.7" id="draft-hint">
              {t('submit.draftHint')}
            </Text>
          )}
        </Stack>
      </Stack>
    </form>
  );
}
