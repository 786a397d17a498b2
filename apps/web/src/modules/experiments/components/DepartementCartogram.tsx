import type { CSSProperties } from 'react';
import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ScrollableTable } from '../../../shared/ui/ScrollableTable';
import type { DepartementExperiments } from '../graphql/experiments.documents';
import {
  DEPARTEMENT_TILES,
  GRID_COLUMNS,
  GRID_ROWS,
  departementTerritoryId,
  intensity,
} from '../lib/departementGrid';

/** Background and text of each colour step (every pair keeps 4.5:1 contrast). */
const STEPS: readonly { background: string; color: string }[] = [
  { background: 'var(--mantine-color-gray-1)', color: 'var(--mantine-color-gray-7)' },
  { background: 'var(--mantine-color-passerelle-1)', color: 'var(--mantine-color-passerelle-9)' },
  { background: 'var(--mantine-color-passerelle-3)', color: 'var(--mantine-color-passerelle-9)' },
  { background: 'var(--mantine-color-passerelle-6)', color: '#fff' },
  { background: 'var(--mantine-color-passerelle-8)', color: '#fff' },
];

interface DepartementCartogramProps {
  counts: readonly DepartementExperiments[];
  /** The territory the registry is filtered on: its tile is outlined. */
  selectedTerritoryId?: string;
  /** The registry's URL filtered to a département. */
  hrefFor: (territoryId: string) => string;
}

/**
 * Experiments by département as a tile-grid cartogram: one square per département at its
 * approximate place, darker with more experiments, each a link filtering the registry to it; a
 * table of the same counts follows (the accessible alternative).
 */
export function DepartementCartogram({
  counts,
  selectedTerritoryId,
  hrefFor,
}: DepartementCartogramProps) {
  const { t } = useTranslation();
  const byCode = new Map(counts.map((item) => [item.departement.code, item]));
  const max = Math.max(0, ...counts.map((item) => item.count));
  const listed = [...counts]
    .filter((item) => item.count > 0)
    .sort((a, b) => b.count - a.count || a.departement.code.localeCompare(b.departement.code));

  const grid: CSSProperties = {
    display: 'grid',
    gridTemplateColumns: `repeat(${GRID_COLUMNS}, minmax(0, 1fr))`,
    gridTemplateRows: `repeat(${GRID_ROWS}, auto)`,
    gap: 3,
    maxWidth: 520,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  };

  return (
    <Stack gap="md">
      <ul style={grid} aria-label={t('experiments.map.tilesLabel')} data-testid="cartogram">
        {DEPARTEMENT_TILES.map((tile) => {
          const item = byCode.get(tile.code);
          const count = item?.count ?? 0;
          const step = STEPS[intensity(count, max)] ?? STEPS[0];
          const territoryId = departementTerritoryId(tile.code);
          const isSelected = selectedTerritoryId === territoryId;
          const name = item?.departement.name ?? tile.name;
          return (
            <li
              key={tile.code}
              style={{ gridRow: tile.row + 1, gridColumn: tile.col + 1, aspectRatio: '1' }}
            >
              <Link
                to={hrefFor(territoryId)}
                aria-label={t('experiments.map.tile', { name, code: tile.code, count })}
                aria-current={isSelected ? 'true' : undefined}
                title={t('experiments.map.tile', { name, code: tile.code, count })}
                data-count={count}
                style={{
                  ...step,
                  display: 'flex',
                  alignItems: 'center',
                  justifyContent: 'center',
                  width: '100%',
                  height: '100%',
                  borderRadius: 3,
                  fontSize: 'clamp(8px, 1.8vw, 12px)',
                  fontWeight: 600,
                  textDecoration: 'none',
                  outline: isSelected ? '3px solid var(--mantine-color-ochre-7)' : undefined,
                  outlineOffset: isSelected ? 1 : undefined,
                }}
              >
                {tile.code}
              </Link>
            </li>
          );
        })}
      </ul>
      <Text size="sm" c="gray.7">
        {t('experiments.map.legend', { max })}
      </Text>
      {listed.length === 0 ? (
        <Text>{t('experiments.map.none')}</Text>
      ) : (
        <ScrollableTable label={t('experiments.map.tableCaption')} minWidth={320}>
          <Table striped withTableBorder>
            <Table.Caption>{t('experiments.map.tableCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('experiments.map.departement')}</Table.Th>
                <Table.Th scope="col">{t('experiments.map.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {listed.map((item) => (
                <Table.Tr key={item.departement.code}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={hrefFor(item.departement.id)}>
                      {item.departement.name} ({item.departement.code})
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{item.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollableTable>
      )}
    </Stack>
  );
}
