import { useMemo, useState, type Ref } from 'react';
import { Group, Radio, Select, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { TerritoryLevel } from '@passerelle/domain';
import type { TerritoryRef } from '../../../shared/graphql/schema-types';
import { territoryLabel } from '../../../shared/ui/format';
import { TERRITORIES_QUERY } from '../graphql/territories.documents';

const LEVELS: TerritoryLevel[] = ['COMMUNE', 'DEPARTEMENT', 'REGION'];
const MIN_SEARCH = 2;

interface TerritorySelectProps {
  label: string;
  description?: string;
  error?: string;
  value: TerritoryRef | null;
  onChange: (territory: TerritoryRef | null) => void;
  inputRef?: Ref<HTMLInputElement>;
  required?: boolean;
  /** Prefix for the ids of the level radios and the input. */
  id: string;
}

/**
 * Territory autocomplete over the `territories(search:)` query: communes by default, with a choice
 * of level. Results come filtered from the API (accent-insensitive), so none is filtered here.
 */
export function TerritorySelect({
  label,
  description,
  error,
  value,
  onChange,
  inputRef,
  required,
  id,
}: TerritorySelectProps) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<TerritoryLevel>(value?.level ?? 'COMMUNE');
  const [search, setSearch] = useState(value ? territoryLabel(value) : '');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const isSelectedLabel = value !== null && search === territoryLabel(value);
  const shouldSearch = debouncedSearch.length >= MIN_SEARCH && !isSelectedLabel;

  const { data, previousData, loading } = useQuery(TERRITORIES_QUERY, {
    variables: { search: debouncedSearch, levels: [level], first: 10 },
    skip: !shouldSearch,
  });

  const results = (data ?? previousData)?.territories;
  // The chosen territory stays an option while the user searches for another one.
  const options = useMemo(() => {
    const byId = new Map<string, TerritoryRef>();
    if (value) byId.set(value.id, value);
    for (const territory of results ?? []) byId.set(territory.id, territory);
    return byId;
  }, [results, value]);

  const nothingFound =
    search.trim().length < MIN_SEARCH
      ? t('territory.typeMore')
      : loading
        ? t('territory.searching')
        : t('territory.nothingFound');

  return (
    <Stack gap="xs">
      <Radio.Group
        label={t('territory.levelLabel')}
        value={level}
        onChange={(next) => {
          setLevel(next as TerritoryLevel);
          setSearch('');
          onChange(null);
        }}
      >
        <Group gap="md" mt={4} wrap="wrap">
          {LEVELS.map((item) => (
            <Radio
              key={item}
              id={`${id}-level-${item}`}
              value={item}
              label={t(`territoryLevel.${item}`)}
            />
          ))}
        </Group>
      </Radio.Group>
      <Select
        id={id}
        ref={inputRef}
        label={label}
        description={description}
        error={error}
        required={required}
        searchable
        clearable
        placeholder={t('territory.placeholder')}
        data={[...options.values()].map((territory) => ({
          value: territory.id,
          label: territoryLabel(territory),
        }))}
        filter={({ options: all }) => all}
        value={value?.id ?? null}
        searchValue={search}
        onSearchChange={setSearch}
        onChange={(territoryId) =>
          onChange(territoryId ? (options.get(territoryId) ?? null) : null)
        }
        nothingFoundMessage={nothingFound}
        autoComplete="off"
      />
    </Stack>
  );
}
