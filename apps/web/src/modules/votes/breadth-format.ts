import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollegeThresholds } from '../../shared/graphql/schema-types';

/** A share (0 to 1) as a percentage with at most one decimal: 0.6 → "60 %", 2/3 → "66,7 %". */
export function useFormatShare(): (share: number) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (share: number) =>
      t('breadth.percent', {
        value: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(
          share * 100,
        ),
      }),
    [t, i18n.language],
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
