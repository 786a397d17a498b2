import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CommentStance } from '../../../shared/graphql/schema-types';

const COLORS: Record<CommentStance, string> = {
  FOR: 'passerelle',
  AGAINST: 'red',
  NEUTRAL: 'gray',
  NONE: 'gray',
};

/** The comment's stance on the proposal, as words (the colour repeats them). */
export function StanceBadge({ stance }: { stance: CommentStance }) {
  const { t } = useTranslation();
  if (stance === 'NONE') return null;
  return (
    <Badge color={COLORS[stance]} variant="light" radius="sm" tt="none">
      {t(`comments.stance.${stance}`)}
    </Badge>
  );
}
