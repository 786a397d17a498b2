import { useState, type Ref } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  OrganisationSelect,
  type OrganisationOption,
} from '../../organisations/components/OrganisationSelect';
import { ORGANISATION_NAME_QUERY } from '../graphql/local-moderators.documents';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The organisation carrying a local space, searched by name. The form keeps its id ('' for
 * none); an organisation loaded with the consultation is named by the `organisation` query.
 */
export function OrganisationField({
  value,
  error,
  inputRef,
  onChange,
}: {
  value: string;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const id = value.trim();
  const [picked, setPicked] = useState<OrganisationOption | null>(null);
  const isPicked = picked !== null && picked.id === id;
  const lookup = useQuery(ORGANISATION_NAME_QUERY, {
    variables: { id },
    skip: isPicked || !UUID.test(id),
  });
  const loaded = lookup.data?.organisation;
  const current: OrganisationOption | null = isPicked
    ? picked
    : loaded && loaded.id === id
      ? loaded
      : null;
  return (
    <OrganisationSelect
      id="consultation-organisation"
      inputRef={inputRef}
      label={t('localModerators.organisation')}
      description={t('localModerators.organisationHint')}
      error={error}
      value={current}
      onChange={(organisation) => {
        setPicked(organisation);
        onChange(organisation?.id ?? '');
      }}
    />
  );
}
