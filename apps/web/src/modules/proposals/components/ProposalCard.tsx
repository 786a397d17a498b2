import { Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import type { ProposalSummary } from '../../../shared/graphql/schema-types';
import { territoryLabel } from '../../../shared/ui/format';
import { ThemeBadges } from './ThemeBadges';
import { VoteCounts } from './VoteCounts';

/** One proposal in a list: its title links to the proposal page. */
export function ProposalCard({ proposal }: { proposal: ProposalSummary }) {
  const { t } = useTranslation();
  return (
    <Card component="article" withBorder radius="md" padding="lg" shadow="xs">
      <Stack gap="sm">
        <Title order={3} fz="h4">
          <Link to={paths.proposal(proposal.id)} className="card-title-link">
            {proposal.title}
          </Link>
        </Title>
        <Text size="sm" c="gray.7">
          {t('proposal.by', { name: proposal.author.displayName })}
          {' · '}
          {t(`actorType.${proposal.author.actorType}`)}
          {' · '}
          {territoryLabel(proposal.territory)}
        </Text>
        <Text>{proposal.summary}</Text>
        <ThemeBadges themes={proposal.themes} label={t('proposal.themes')} />
        <VoteCounts
          votesFor={proposal.votesFor}
          votesAgainst={proposal.votesAgainst}
          votesNeutral={proposal.votesNeutral}
        />
      </Stack>
    </Card>
  );
}
