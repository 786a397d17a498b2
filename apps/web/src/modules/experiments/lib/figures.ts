import { UNITS_BY_KIND } from '@passerelle/domain';
import type { IndicatorKind, IndicatorUnit } from '../../../shared/graphql/schema-types';

/**
 * A figure as typed (« 12 500 », « 3,5 »): a number, null when blank, or the text itself when
 * it is not a number (the domain then says it is invalid).
 */
export function parseFigure(text: string): number | string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (compact === '') return null;
  const value = Number(compact);
  return Number.isFinite(value) && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(compact)
    ? value
    : text;
}

/** The units a kind of indicator accepts (the domain's rule): one kind, its units only. */
export const unitsOf = (kind: IndicatorKind | ''): readonly IndicatorUnit[] =>
  kind ? UNITS_BY_KIND[kind] : [];
