import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { TerritoryRef } from '../../../shared/graphql/schema-types';
import { TERRITORY_QUERY } from '../graphql/territories.documents';
import { TerritorySelect } from './TerritorySelect';

export interface TerritoryFilterProps {
  /** The territory id held in the URL, or ''. */
  territoryId: string;
  onChange: (territory: TerritoryRef | null) => void;
  id: string;
  description: string;
}

/** A list's territory filter: the chosen territory is read back from its id in the URL. */
export function TerritoryFilter({ territoryId, onChange, id, description }: TerritoryFilterProps) {
  const { t } = useTranslation();
  const { data } = useQuery(TERRITORY_QUERY, {
    variables: { id: territoryId },
    skip: !territoryId,
  });
  const value = territoryId && data?.territory.id === territoryId ? data.territory : null;
  return (
    <TerritorySelect
      // A new territory from the URL (Back) re-creates the field with its label.
      key={value?.id ?? territoryId}
      id={id}
      label={t('territory.label')}
      description={description}
      value={value}
      onChange={onChange}
    />
  );
}
