import { useId, useState, type ReactNode } from 'react';
import { Button, Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParticipationCounts } from '../../../shared/graphql/schema-types';
import { ScrollableTable } from '../../../shared/ui/ScrollableTable';
import { METRICS, type DashboardFormat } from '../lib/useDashboardFormat';

export interface CountsRow {
  key: string;
  label: ReactNode;
  counts: ParticipationCounts;
}

interface TableAlternativeProps {
  caption: string;
  /** Header of the first column (période, thème, collège, département). */
  rowHeader: string;
  rows: CountsRow[];
  format: DashboardFormat;
}

/**
 * The table behind a chart, for screen readers, keyboard users and anyone who prefers numbers: a
 * "Voir le tableau" toggle, then every count of every row. A row hidden for privacy spans the
 * four count columns with "moins de 5 participants".
 */
export function TableAlternative({ caption, rowHeader, rows, format }: TableAlternativeProps) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const id = useId();
  return (
    <div>
      <Button
        variant="subtle"
        size="compact-sm"
        aria-expanded={isOpen}
        aria-controls={id}
        onClick={() => setIsOpen((open) => !open)}
      >
        {isOpen ? t('dashboard.table.hide') : t('dashboard.table.show')}
        <VisuallyHidden> : {caption}</VisuallyHidden>
      </Button>
      <div id={id} hidden={!isOpen}>
        {isOpen && (
          <ScrollableTable label={caption} minWidth={520}>
            <Table striped withTableBorder captionSide="top" fz="sm">
              <Table.Caption>{caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{rowHeader}</Table.Th>
                  {METRICS.map((metric) => (
                    <Table.Th key={metric} scope="col" ta="right">
                      {t(`dashboard.metric.${metric}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.key}>
                    <Table.Th scope="row" fw={500}>
                      {row.label}
                    </Table.Th>
                    {row.counts.participants === null ? (
                      <Table.Td colSpan={METRICS.length} fs="italic">
                        {format.suppressed}
                      </Table.Td>
                    ) : (
                      METRICS.map((metric) => (
                        <Table.Td key={metric} ta="right" className="tabular-nums">
                          {format.count(row.counts[metric])}
                        </Table.Td>
                      ))
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollableTable>
        )}
      </div>
    </div>
  );
}
