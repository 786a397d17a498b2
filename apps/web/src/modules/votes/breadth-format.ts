import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollegeThresholds } from '../../shared/graphql/schema-types';

/**
 * One formatter per language, made on first use: building an Intl formatter costs far more than
 * formatting (a list shows a badge per proposal).
 */
const percentFormats = new Map<string, Intl.NumberFormat>();

function percentFormat(language: string): Intl.NumberFormat {
  let format = percentFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
    percentFormats.set(language, format);
  }
  return format;
}

/** A share (0 to 1) as a percentage with at most one decimal: 0.6 → "60 %", 2/3 → "66,7 %". */
export function useFormatShare(): (share: number) => string {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (share: number) => t('breadth.percent', { value: percentFormat(language).format(share * 100) }),
    [t, language],
  );
}

/** The interpolation values of the rule texts (breadth.rule, breadth.filterHint…). */
export function thresholdValues(thresholds: CollegeThresholds, formatShare: (n: number) => string) {
  return {
    minColleges: thresholds.minColleges,
    minVotes: thresholds.minVotesPerCollege,
    share: formatShare(thresholds.minForShare),
  };
}
