import type { Ref } from 'react';
import { Text, TextInput } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_NAME_QUERY } from '../graphql/local-moderators.documents';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The organisation carrying a local space, named by its id (the API has no organisation search
 * yet): its name is shown as soon as the id is complete, or that no organisation has it.
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
  const lookup = useQuery(ORGANISATION_NAME_QUERY, {
    variables: { id },
    skip: !UUID.test(id),
  });
  const name = lookup.data?.organisation.name;
  return (
    <div>
      <TextInput
        ref={inputRef}
        label={t('localModerators.organisation')}
        description={t('localModerators.organisationHint')}
        autoComplete="off"
        spellCheck={false}
        value={value}
        error={error}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      <div role="status">
        {UUID.test(id) && name && (
          <Text size="sm" mt={4}>
            {t('localModerators.organisationFound', { name })}
          </Text>
        )}
        {UUID.test(id) && lookup.error && !error && (
          <Text size="sm" mt={4} c="red.7">
            {t('localModerators.organisationUnknown')}
          </Text>
        )}
      </div>
    </div>
  );
}
