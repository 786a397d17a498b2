import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COLLEGE_COUNT } from '@passerelle/domain';
import type { SupportBreadth } from '../../../shared/graphql/schema-types';
import { thresholdValues, useFormatShare } from '../breadth-format';

// Apart from the college table (BroadSupport.tsx): proposal cards on the first screen show the
// badge without loading the table and its scroll area.
/** "Soutien large : 3 collèges sur 7 ≥ 60 %", shown only when the proposal meets its thresholds. */
export function BroadSupportBadge({
  breadth,
  size = 'md',
}: {
  breadth: SupportBreadth | null | undefined;
  size?: 'md' | 'lg';
}) {
  const { t } = useTranslation();
  const formatShare = useFormatShare();
  if (!breadth?.isBroad) return null;
  return (
    <Badge
      color="passerelle"
      variant="light"
      radius="sm"
      tt="none"
      size={size}
      title={t('breadth.rule', thresholdValues(breadth.thresholds, formatShare))}
      data-testid="broad-support-badge"
    >
      {t('breadth.badge', {
        count: breadth.qualifyingColleges.length,
        total: COLLEGE_COUNT,
        share: formatShare(breadth.thresholds.minForShare),
      })}
    </Badge>
  );
}
