import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  ActorType,
  ORGANISATION_LIMITS,
  createOrganisationInputSchema,
  fieldErrors,
} from '@passerelle/domain';
import { currentLanguage } from '../../../app/i18n/i18n';
import { paths, withNext } from '../../../app/paths';
import { FormErrorSummary } from '../../../shared/forms/FormErrorSummary';
import { useFieldErrors } from '../../../shared/forms/useFieldErrors';
import { errorMessage, errorReason, serverFieldErrors } from '../../../shared/graphql/errors';
import type { TerritoryRef } from '../../../shared/graphql/schema-types';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { ME_QUERY } from '../../auth/graphql/auth.documents';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { TerritorySelect } from '../../territories/components/TerritorySelect';
import { CREATE_ORGANISATION_MUTATION } from '../graphql/organisations.documents';

const FIELDS = ['name', 'actorType', 'siret', 'territoryId'] as const;
/** Organisations are collectives: every collège but the citizens'. */
const ORGANISATION_TYPES = (Object.values(ActorType) as ActorType[]).filter(
  (type) => type !== 'CITIZEN',
);

function CreateOrganisationForm() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { errors, count, fieldRef, report, clear } = useFieldErrors(FIELDS);
  const [formError, setFormError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [actorType, setActorType] = useState('');
  const [siret, setSiret] = useState('');
  const [territory, setTerritory] = useState<TerritoryRef | null>(null);
  const [create, { loading }] = useMutation(CREATE_ORGANISATION_MUTATION, {
    refetchQueries: [ME_QUERY],
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const input = {
      name,
      actorType: actorType || undefined,
      siret: siret.trim() || null,
      territoryId: territory?.id ?? '',
    };
    const local = fieldErrors(createOrganisationInputSchema, input, currentLanguage(i18n));
    if (report(local)) return;
    try {
      const { data } = await create({
        variables: {
          input: { ...input, name: name.trim(), actorType: actorType as ActorType },
        },
      });
      if (data) await navigate(paths.organisation(data.createOrganisation.id));
    } catch (error) {
      if (report(serverFieldErrors(error))) return;
      if (errorReason(error) === 'SIRET_TAKEN' || errorReason(error) === 'INVALID_SIRET') {
        report([{ field: 'siret', message: errorMessage(error, t), rule: 'siret' }]);
        return;
      }
      setFormError(errorMessage(error, t));
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="organisation-title">
      <Stack gap="lg">
        <FormErrorSummary fieldErrorCount={count} formError={formError} />
        <TextInput
          ref={fieldRef('name')}
          label={t('organisationForm.name')}
          required
          maxLength={ORGANISATION_LIMITS.nameMax}
          value={name}
          error={errors.name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            clear('name');
          }}
        />
        <NativeSelect
          ref={fieldRef('actorType')}
          label={t('organisationForm.actorType')}
          required
          value={actorType}
          error={errors.actorType}
          data={[
            { value: '', label: t('submit.selectPlaceholder'), disabled: true },
            ...ORGANISATION_TYPES.map((value) => ({ value, label: t(`actorType.${value}`) })),
          ]}
          onChange={(event) => {
            setActorType(event.currentTarget.value);
            clear('actorType');
          }}
        />
        <TextInput
          ref={fieldRef('siret')}
          label={t('organisationForm.siret')}
          description={t('organisationForm.siretHint')}
          inputMode="numeric"
          autoComplete="off"
          value={siret}
          error={errors.siret}
          onChange={(event) => {
            setSiret(event.currentTarget.value);
            clear('siret');
          }}
        />
        <TerritorySelect
          id="organisation-territory"
          inputRef={fieldRef('territoryId')}
          label={t('territory.label')}
          required
          value={territory}
          error={errors.territoryId}
          onChange={(value) => {
            setTerritory(value);
            clear('territoryId');
          }}
        />
        <Group>
          <Button type="submit" loading={loading}>
            {t('organisationForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CreateOrganisationPage() {
  const { t } = useTranslation();
  usePageTitle(t('organisationForm.title'));
  const { user, loading } = useCurrentUser();
  return (
    <Stack maw={640} mx="auto" gap="lg">
      <Stack gap="xs">
        <PageTitle id="organisation-title">{t('organisationForm.title')}</PageTitle>
        <Text>{t('organisationForm.intro')}</Text>
      </Stack>
      {loading ? (
        <LoadingState />
      ) : user ? (
        <CreateOrganisationForm />
      ) : (
        <Alert color="ochre">
          <Button component={Link} to={withNext(paths.signIn, paths.newOrganisation)}>
            {t('account.signIn')}
          </Button>
        </Alert>
      )}
    </Stack>
  );
}
