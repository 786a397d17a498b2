import { useState, type Ref } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TerritoryRef } from '../../../shared/graphql/schema-types';
import { territoryLabel } from '../../../shared/ui/format';
import { TerritorySelect } from '../../territories/components/TerritorySelect';

interface TerritoriesPickerProps {
  value: TerritoryRef[];
  onChange: (territories: TerritoryRef[]) => void;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * Several territories: each one chosen in the territory autocomplete joins the list below it,
 * from which it can be removed.
 */
export function TerritoriesPicker({ value, onChange, error, inputRef }: TerritoriesPickerProps) {
  const { t } = useTranslation();
  // A new key empties the autocomplete once its territory has joined the list.
  const [round, setRound] = useState(0);
  return (
    <Stack gap="xs">
      <TerritorySelect
        key={round}
        id="experiment-territories"
        inputRef={inputRef}
        label={t('experiments.form.territories')}
        description={t('experiments.form.territoriesHint')}
        required
        error={error}
        value={null}
        onChange={(territory) => {
          if (!territory) return;
          if (!value.some((item) => item.id === territory.id)) onChange([...value, territory]);
          setRound((current) => current + 1);
        }}
      />
      {value.length > 0 && (
        <Stack
          component="ul"
          gap={4}
          className="plain-list"
          aria-label={t('experiments.form.chosenTerritories')}
        >
          {value.map((territory) => (
            <Group component="li" key={territory.id} gap="xs" wrap="nowrap">
              <Text size="sm">{territoryLabel(territory)}</Text>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                aria-label={t('experiments.form.removeTerritory', {
                  name: territoryLabel(territory),
                })}
                onClick={() => onChange(value.filter((item) => item.id !== territory.id))}
              >
                {t('experiments.form.remove')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
