import { useMemo, useState, type Ref } from 'react';
import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { OrganisationRef } from '../../../shared/graphql/schema-types';
import { SEARCH_ORGANISATIONS_QUERY } from '../graphql/organisations.documents';

/** The API refuses shorter queries. */
export const ORGANISATION_SEARCH_MIN = 2;
/** Results shown while typing. */
const RESULTS = 10;

interface CommonProps {
  id: string;
  label: string;
  description?: string;
  error?: string;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** Organisations never offered (e.g. an experiment's carrier among its partners). */
  exclude?: readonly string[];
}

interface MultipleProps extends CommonProps {
  multiple: true;
  value: OrganisationRef[];
  onChange: (organisations: OrganisationRef[]) => void;
  maxValues?: number;
}

/** What a single select needs to show its organisation. */
export type OrganisationOption = Pick<OrganisationRef, '__typename' | 'id' | 'name'>;

interface SingleProps extends CommonProps {
  multiple?: false;
  value: OrganisationOption | null;
  onChange: (organisation: OrganisationOption | null) => void;
}

export type OrganisationSelectProps = MultipleProps | SingleProps;

/**
 * Organisation picker over the `searchOrganisations` query (debounced, from 2 characters): one
 * organisation, or several with `multiple`. Results come filtered from the API (case and accents
 * ignored), so none is filtered here but the excluded ones.
 */
export function OrganisationSelect(props: OrganisationSelectProps) {
  const { t } = useTranslation();
  const chosen = useMemo<OrganisationOption[]>(
    () => (props.multiple ? props.value : props.value ? [props.value] : []),
    [props.multiple, props.value],
  );
  const selectedId = !props.multiple && props.value ? props.value.id : null;
  const selectedLabel = !props.multiple && props.value ? props.value.name : '';
  const [search, setSearch] = useState(selectedLabel);
  // A single select shows its organisation's name once it changes (chosen, or loaded later).
  const [shownId, setShownId] = useState(selectedId);
  if (shownId !== selectedId) {
    setShownId(selectedId);
    setSearch(selectedLabel);
  }
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  // A single select shows the chosen name in its input: that is no search.
  const shouldSearch =
    debouncedSearch.length >= ORGANISATION_SEARCH_MIN &&
    !(selectedLabel !== '' && search === selectedLabel);
  const { data, previousData, loading } = useQuery(SEARCH_ORGANISATIONS_QUERY, {
    variables: { query: debouncedSearch, first: RESULTS },
    skip: !shouldSearch,
  });
  const results = (data ?? previousData)?.searchOrganisations;
  const { exclude } = props;
  // The chosen organisations stay options while the user searches for others.
  const options = useMemo(() => {
    const byId = new Map<string, OrganisationOption>();
    for (const organisation of chosen) byId.set(organisation.id, organisation);
    for (const organisation of shouldSearch ? (results ?? []) : []) {
      if (!exclude?.includes(organisation.id)) byId.set(organisation.id, organisation);
    }
    return byId;
  }, [chosen, results, exclude, shouldSearch]);

  const items = [...options.values()].map((organisation) => ({
    value: organisation.id,
    label: organisation.name,
  }));
  const nothingFound =
    search.trim().length < ORGANISATION_SEARCH_MIN
      ? t('organisationSelect.typeMore')
      : loading
        ? t('organisationSelect.searching')
        : t('organisationSelect.nothingFound');
  const common = {
    id: props.id,
    ref: props.inputRef,
    label: props.label,
    description: props.description,
    error: props.error,
    required: props.required,
    searchable: true,
    clearable: true,
    data: items,
    searchValue: search,
    onSearchChange: setSearch,
    nothingFoundMessage: nothingFound,
    autoComplete: 'off',
  } as const;

  if (props.multiple) {
    const { onChange, maxValues } = props;
    return (
      <MultiSelect
        {...common}
        filter={({ options: all }) => all}
        placeholder={chosen.length === 0 ? t('organisationSelect.placeholder') : undefined}
        hidePickedOptions
        maxValues={maxValues}
        value={chosen.map((organisation) => organisation.id)}
        onChange={(ids) =>
          onChange(
            ids.flatMap((id) => {
              const organisation = options.get(id);
              return organisation ? [organisation as OrganisationRef] : [];
            }),
          )
        }
      />
    );
  }
  const { onChange } = props;
  return (
    <Select
      {...common}
      filter={({ options: all }) => all}
      placeholder={t('organisationSelect.placeholder')}
      value={props.value?.id ?? null}
      onChange={(id) => onChange(id ? (options.get(id) ?? null) : null)}
    />
  );
}
