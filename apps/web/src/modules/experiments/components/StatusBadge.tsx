import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExperimentStatus } from '../../../shared/graphql/schema-types';

const COLORS: Record<ExperimentStatus, string> = {
  RUNNING: 'passerelle',
  ENDED: 'gray',
  STOPPED: 'ochre',
};

/** An experiment's status, in words (the colour only repeats them). */
export function StatusBadge({ status }: { status: ExperimentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]} style={{ flexShrink: 0 }}>
      {t(`experiments.status.${status}`)}
    </Badge>
  );
}
