import { useMemo, useState, type Ref } from 'react';
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_LIMITS } from '@passerelle/domain';
import {
  EXPERIMENT_OPTIONS_QUERY,
  type ExperimentOption,
} from '../graphql/proposal-experiments.documents';

interface ExperimentsPickerProps {
  value: ExperimentOption[];
  onChange: (experiments: ExperimentOption[]) => void;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/** « Centrale villageoise — PTCE Sud Loire »: an option names its carrier too. */
const optionLabel = (experiment: ExperimentOption) =>
  `${experiment.name} — ${experiment.organisation.name}`;

/**
 * Registry experiments the proposal cites as its evidence (up to 5, in the order picked),
 * searched by name with the `experiments(filter: { query })` query: results come filtered from
 * the API, so none is filtered here.
 */
export function ExperimentsPicker({ value, onChange, error, inputRef }: ExperimentsPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const { data, previousData, loading } = useQuery(EXPERIMENT_OPTIONS_QUERY, {
    variables: { query: debouncedSearch || null },
  });
  const results = (data ?? previousData)?.experiments.nodes;
  // The chosen experiments stay options while the user searches for others.
  const options = useMemo(() => {
    const byId = new Map<string, ExperimentOption>();
    for (const experiment of value) byId.set(experiment.id, experiment);
    for (const experiment of results ?? []) byId.set(experiment.id, experiment);
    return byId;
  }, [results, value]);

  return (
    <MultiSelect
      id="proposal-experiments"
      ref={inputRef}
      label={t('evidence.formLabel')}
      description={t('evidence.formHint', { max: PROPOSAL_LIMITS.experimentsMax })}
      placeholder={value.length === 0 ? t('evidence.formPlaceholder') : undefined}
      error={error}
      searchable
      clearable
      hidePickedOptions
      maxValues={PROPOSAL_LIMITS.experimentsMax}
      data={[...options.values()].map((experiment) => ({
        value: experiment.id,
        label: optionLabel(experiment),
      }))}
      filter={({ options: all }) => all}
      value={value.map((experiment) => experiment.id)}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(ids) =>
        onChange(
          ids.flatMap((id) => (options.has(id) ? [options.get(id) as ExperimentOption] : [])),
        )
      }
      nothingFoundMessage={loading ? t('evidence.searching') : t('evidence.nothingFound')}
      autoComplete="off"
    />
  );
}
