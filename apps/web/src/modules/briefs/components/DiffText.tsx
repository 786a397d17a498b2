import type { CSSProperties, ElementType } from 'react';
import { VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DiffPart } from '../../../shared/graphql/schema-types';

// Colour and a non-colour cue (struck through / underlined), readable in forced-colours mode too.
// Text and background pairs above 7:1 contrast (WCAG AAA), so the colour is never the only cue.
const REMOVED_STYLE: CSSProperties = {
  backgroundColor: '#fdecec',
  color: '#7f1d1d',
  textDecoration: 'line-through',
  textDecorationThickness: '2px',
  padding: '0 2px',
  borderRadius: 2,
};
const ADDED_STYLE: CSSProperties = {
  backgroundColor: '#e3f5e8',
  color: '#14532d',
  textDecoration: 'underline',
  textDecorationThickness: '2px',
  padding: '0 2px',
  borderRadius: 2,
};

/** Removed text: struck through, and announced as removed by screen readers. */
export function Removed({ children }: { children: string }) {
  const { t } = useTranslation();
  return (
    <del style={REMOVED_STYLE}>
      <VisuallyHidden component="span">{t('briefs.diff.removed')}</VisuallyHidden>
      {children}
    </del>
  );
}

/** Added text: underlined, and announced as added by screen readers. */
export function Added({ children }: { children: string }) {
  const { t } = useTranslation();
  return (
    <ins style={ADDED_STYLE}>
      <VisuallyHidden component="span">{t('briefs.diff.added')}</VisuallyHidden>
      {children}
    </ins>
  );
}

/**
 * A word diff as running text: kept words as they are, removed ones in <del>, added ones in
 * <ins>. Line breaks of the Markdown source are kept (the source is shown, not rendered, so its
 * `[n]` markers and emphasis marks stay visible).
 */
export function DiffText({
  parts,
  component: Component = 'p',
}: {
  parts: DiffPart[];
  component?: ElementType;
}) {
  return (
    <Component className="preserve-lines" style={{ margin: 0 }}>
      {parts.map((part, index) =>
        part.kind === 'REMOVED' ? (
          <Removed key={index}>{part.text}</Removed>
        ) : part.kind === 'ADDED' ? (
          <Added key={index}>{part.text}</Added>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </Component>
  );
}

/** The text of a diff as it reads in the newer version (kept and added parts). */
export const newerText = (parts: DiffPart[]) =>
  parts
    .filter((part) => part.kind !== 'REMOVED')
    .map((part) => part.text)
    .join('');

/** True when a diff adds or removes something. */
export const isChanged = (parts: DiffPart[]) => parts.some((part) => part.kind !== 'SAME');
