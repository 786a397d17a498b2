import { Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProposalOpinions } from '../../../shared/graphql/schema-types';
import { groupAgreements, percent } from '../forms/opinions';

interface OpinionFiguresProps {
  opinions: ProposalOpinions | null | undefined;
  /** `consensus`: the consensus score then each group's share FOR; `groups`: the groups only. */
  variant: 'consensus' | 'groups';
}

/**
 * A proposal's opinion-group figures on one line (« Consensus 82 % · A 78 % · B 71 % »), the
 * explanation of the API as a tooltip and, for screen readers, in place of the terse figures.
 */
export function OpinionFigures({ opinions, variant }: OpinionFiguresProps) {
  const { t } = useTranslation();
  if (!opinions) {
    return (
      <Text size="sm" c="gray.7">
        {t('curationOpinions.notComputed')}
      </Text>
    );
  }
  const groups = groupAgreements(opinions)
    .map((group) => t('curationOpinions.groupShare', group))
    .join(' · ');
  const parts = [
    ...(variant === 'consensus'
      ? [t('curationOpinions.consensus', { value: percent(opinions.consensus) })]
      : [t('curationOpinions.byGroup')]),
    ...(groups ? [groups] : []),
  ];
  const spoken =
    variant === 'consensus'
      ? t('curationOpinions.consensusSpoken', {
          value: percent(opinions.consensus),
          explanation: opinions.explanation,
        })
      : t('curationOpinions.groupsSpoken', { explanation: opinions.explanation });
  return (
    <Tooltip label={opinions.explanation} multiline maw={320} withArrow>
      <Text size="sm" c="gray.8" className="curation-opinions" tabIndex={0}>
        <span aria-hidden="true">{parts.join(variant === 'consensus' ? ' · ' : ' ')}</span>
        <span className="visually-hidden">{spoken}</span>
      </Text>
    </Tooltip>
  );
}
