import { Switch } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CONSULTATION_SETTINGS } from '@passerelle/domain';
import { thresholdValues, useFormatShare } from '../../votes/breadth-format';
import { CONSULTATION_THRESHOLDS_QUERY } from '../graphql/proposals.documents';

/**
 * "Large soutien entre collèges": its help text gives the chosen consultation's thresholds, or
 * the defaults (each consultation may set its own).
 */
export function BroadSupportFilter({
  consultationId,
  checked,
  onChange,
}: {
  consultationId: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const formatShare = useFormatShare();
  const { data } = useQuery(CONSULTATION_THRESHOLDS_QUERY);
  const chosen = data?.consultations.find((item) => item.id === consultationId);
  const hint = chosen
    ? t(
        'breadth.filterHintConsultation',
        thresholdValues(chosen.settings.collegeThresholds, formatShare),
      )
    : t(
        'breadth.filterHintDefault',
        thresholdValues(DEFAULT_CONSULTATION_SETTINGS.collegeThresholds, formatShare),
      );
  return (
    <Switch
      label={t('breadth.filterLabel')}
      description={hint}
      checked={checked}
      onChange={(event) => onChange(event.currentTarget.checked)}
    />
  );
}
