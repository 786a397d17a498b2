import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BriefStatus } from '../../../shared/graphql/schema-types';

const COLORS: Record<BriefStatus, string> = {
  DRAFT: 'gray',
  IN_REVIEW: 'ochre',
  PUBLISHED: 'passerelle',
};

/** The working copy's status, in words (never colour alone). */
export function BriefStatusBadge({ status }: { status: BriefStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`curation.status.${status}`)}
    </Badge>
  );
}
