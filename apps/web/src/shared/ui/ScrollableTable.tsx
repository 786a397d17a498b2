import { Table } from '@mantine/core';
import { type ReactNode } from 'react';

interface ScrollableTableProps {
  /** Names the scrolling region for screen readers (usually the table's caption). */
  label: string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  children: ReactNode;
}

/**
 * A table that may scroll sideways on a phone: the scrolling element is a labelled region that
 * keyboard users can focus and scroll with the arrow keys (axe "scrollable-region-focusable").
 */
export function ScrollableTable({ label, minWidth, children }: ScrollableTableProps) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      scrollAreaProps={{
        viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label },
      }}
    >
      {children}
    </Table.ScrollContainer>
  );
}
