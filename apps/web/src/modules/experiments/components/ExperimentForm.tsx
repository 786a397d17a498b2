import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  EXPERIMENT_LIMITS,
  fieldErrors,
  recordExperimentInputSchema,
  updateExperimentInputSchema,
} from '@passerelle/domain';
import { currentLanguage } from '../../../app/i18n/i18n';
import { paths } from '../../../app/paths';
import { FormErrorSummary } from '../../../shared/forms/FormErrorSummary';
import { StaleVersionAlert, useStaleVersion } from '../../../shared/forms/StaleVersion';
import { useFieldErrors } from '../../../shared/forms/useFieldErrors';
import { errorMessage, serverFieldErrors } from '../../../shared/graphql/errors';
import type {
  ExperimentOrganisation,
  ExperimentStatus,
  OrganisationRef,
  TerritoryRef,
  Theme,
} from '../../../shared/graphql/schema-types';
import { OrganisationSelect } from '../../organisations/components/OrganisationSelect';
import {
  EXPERIMENT_QUERY,
  RECORD_EXPERIMENT_MUTATION,
  UPDATE_EXPERIMENT_MUTATION,
  type ExperimentDetail,
} from '../graphql/experiments.documents';
import { evictRegistry } from '../lib/cache';
import { EXPERIMENT_STATUSES } from '../lib/experimentSearchParams';
import { TerritoriesPicker } from './TerritoriesPicker';

const FIELDS = [
  'organisationId',
  'name',
  'description',
  'territoryIds',
  'partnerOrganisationIds',
  'themeIds',
  'status',
  'startedOn',
  'endedOn',
  'links',
] as const;

interface ExperimentFormProps {
  themes: readonly Theme[];
  /** Record: the organisations the member may record for. */
  organisations?: readonly ExperimentOrganisation[];
  /** Edit: the experiment as it is. */
  experiment?: ExperimentDetail;
}

const splitLinks = (text: string) =>
  text
    .split(/\s+/)
    .map((link) => link.trim())
    .filter(Boolean);

/**
 * Records an experiment for one of the member's organisations, or changes one (naming the
 * version it was read at, so that a change made meanwhile is never overwritten). Partners are
 * searched among all organisations; the carrying organisation is never offered as a partner.
 */
export function ExperimentForm({ themes, organisations = [], experiment }: ExperimentFormProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const { errors, count, fieldRef, report, clear, textField } = useFieldErrors(FIELDS);
  const [formError, setFormError] = useState<string | null>(null);
  const stale = useStaleVersion(experiment?.version ?? 1);
  const { expectedVersion } = stale;
  const [organisationId, setOrganisationId] = useState(
    organisations.length === 1 ? (organisations[0]?.id ?? '') : '',
  );
  const [name, setName] = useState(experiment?.name ?? '');
  const [description, setDescription] = useState(experiment?.description ?? '');
  const [territories, setTerritories] = useState<TerritoryRef[]>(experiment?.territories ?? []);
  const [partners, setPartners] = useState<OrganisationRef[]>(experiment?.partners ?? []);
  const carrierId = experiment ? experiment.organisation.id : organisationId;
  const [themeIds, setThemeIds] = useState<string[]>(
    experiment?.themes.map((theme) => theme.id) ?? [],
  );
  const [status, setStatus] = useState<ExperimentStatus>(experiment?.status ?? 'RUNNING');
  const [startedOn, setStartedOn] = useState(experiment?.startedOn ?? '');
  const [endedOn, setEndedOn] = useState(experiment?.endedOn ?? '');
  const [links, setLinks] = useState(experiment?.links.join('\n') ?? '');

  const [record, recording] = useMutation(RECORD_EXPERIMENT_MUTATION, {
    update: evictRegistry,
  });
  const [updateExperiment, updating] = useMutation(UPDATE_EXPERIMENT_MUTATION, {
    update: evictRegistry,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    stale.clear();
    const fields = {
      name,
      description,
      territoryIds: territories.map((territory) => territory.id),
      partnerOrganisationIds: partners.map((partner) => partner.id),
      themeIds,
      status,
      // A blank date is missing ("required"), not a malformed one.
      startedOn: startedOn || (undefined as unknown as string),
      endedOn: endedOn || null,
      links: splitLinks(links),
    };
    const language = currentLanguage(i18n);
    const now = new Date();
    const local = experiment
      ? fieldErrors(
          updateExperimentInputSchema(now),
          { ...fields, experimentId: experiment.id, expectedVersion },
          language,
        )
      : fieldErrors(recordExperimentInputSchema(now), { ...fields, organisationId }, language);
    if (report(local)) return;
    try {
      if (experiment) {
        await updateExperiment({
          variables: { input: { ...fields, experimentId: experiment.id, expectedVersion } },
        });
        await navigate(paths.experiment(experiment.id), {
          state: { announce: t('experiments.form.saved') },
        });
        return;
      }
      const { data } = await record({ variables: { input: { ...fields, organisationId } } });
      if (data) await navigate(paths.experiment(data.recordExperiment.id));
    } catch (error) {
      if (report(serverFieldErrors(error))) return;
      const latestVersion = async () => {
        if (!experiment) return undefined;
        const variables = { id: experiment.id };
        const latest = await client.query({
          query: EXPERIMENT_QUERY,
          variables,
          fetchPolicy: 'network-only',
        });
        return latest.data?.experiment?.version;
      };
      if (experiment && (await stale.recover(error, latestVersion))) return;
      setFormError(errorMessage(error, t));
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="experiment-form-title"
    >
      <Stack gap="lg">
        <FormErrorSummary fieldErrorCount={count} formError={formError} />
        {stale.conflict && experiment && (
          <StaleVersionAlert
            title={t('experiments.form.conflictTitle')}
            text={t('experiments.form.conflictText')}
            linkLabel={t('experiments.form.conflictLink')}
            href={paths.experiment(experiment.id)}
          />
        )}
        {!experiment && (
          <NativeSelect
            ref={fieldRef('organisationId')}
            label={t('experiments.form.organisation')}
            description={t('experiments.form.organisationHint')}
            required
            value={organisationId}
            error={errors.organisationId}
            data={[
              { value: '', label: t('experiments.form.choose'), disabled: true },
              ...organisations.map((organisation) => ({
                value: organisation.id,
                label: organisation.name,
              })),
            ]}
            onChange={(event) => {
              const carrier = event.currentTarget.value;
              setOrganisationId(carrier);
              // The carrier cannot also be a partner.
              setPartners((current) => current.filter((partner) => partner.id !== carrier));
              clear('organisationId');
            }}
          />
        )}
        <TextInput
          label={t('experiments.form.name')}
          required
          maxLength={EXPERIMENT_LIMITS.nameMax}
          {...textField('name', name, setName)}
        />
        <Textarea
          label={t('experiments.form.description')}
          description={t('experiments.form.descriptionHint', {
            min: EXPERIMENT_LIMITS.descriptionMin,
          })}
          required
          autosize
          minRows={5}
          maxLength={EXPERIMENT_LIMITS.descriptionMax}
          {...textField('description', description, setDescription)}
        />
        <TerritoriesPicker
          inputRef={fieldRef('territoryIds')}
          value={territories}
          error={errors.territoryIds}
          onChange={(next) => {
            setTerritories(next);
            clear('territoryIds');
          }}
        />
        <Checkbox.Group
          label={t('experiments.form.themes')}
          description={t('experiments.form.themesHint', { max: EXPERIMENT_LIMITS.themesMax })}
          required
          value={themeIds}
          error={errors.themeIds}
          maxSelectedValues={EXPERIMENT_LIMITS.themesMax}
          onChange={(next) => {
            setThemeIds(next);
            clear('themeIds');
          }}
        >
          <Stack gap={6} mt="xs">
            {themes.map((theme, index) => (
              <Checkbox
                key={theme.id}
                ref={index === 0 ? fieldRef('themeIds') : undefined}
                value={theme.id}
                label={theme.name}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <OrganisationSelect
          multiple
          id="experiment-partners"
          inputRef={fieldRef('partnerOrganisationIds')}
          label={t('experiments.form.partners')}
          description={t('experiments.form.partnersHint', { max: EXPERIMENT_LIMITS.partnersMax })}
          maxValues={EXPERIMENT_LIMITS.partnersMax}
          exclude={carrierId ? [carrierId] : []}
          value={partners}
          error={errors.partnerOrganisationIds}
          onChange={(next) => {
            setPartners(next);
            clear('partnerOrganisationIds');
          }}
        />
        <NativeSelect
          ref={fieldRef('status')}
          label={t('experiments.form.status')}
          required
          value={status}
          error={errors.status}
          data={EXPERIMENT_STATUSES.map((value) => ({
            value,
            label: t(`experiments.status.${value}`),
          }))}
          onChange={(event) => {
            setStatus(event.currentTarget.value as ExperimentStatus);
            clear('status');
            clear('endedOn');
          }}
        />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label={t('experiments.form.startedOn')}
            required
            {...textField('startedOn', startedOn, setStartedOn)}
          />
          <TextInput
            type="date"
            label={t('experiments.form.endedOn')}
            description={t('experiments.form.endedOnHint')}
            {...textField('endedOn', endedOn, setEndedOn)}
          />
        </Group>
        <Textarea
          label={t('experiments.form.links')}
          description={t('experiments.form.linksHint', { max: EXPERIMENT_LIMITS.linksMax })}
          autosize
          minRows={2}
          {...textField('links', links, setLinks)}
        />
        <Group>
          <Button type="submit" loading={recording.loading || updating.loading}>
            {experiment ? t('experiments.form.save') : t('experiments.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
