import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import type {
  ProposalSearchHighlight,
  ProposalSummary,
} from '../../../shared/graphql/schema-types';
import { territoryLabel } from '../../../shared/ui/format';
import { Highlighted } from '../../../shared/ui/Highlighted';
import { authorName, proposalText, proposalTitle } from '../../privacy/anonymous';
import { BroadSupportBadge } from '../../votes/components/BroadSupportBadge';
import { ThemeBadges } from './ThemeBadges';
import { VoteCounts } from './VoteCounts';

/** One proposal in a list: its title links to the proposal page; search matches are marked. */
export function ProposalCard({
  proposal,
  highlight,
}: {
  proposal: ProposalSummary;
  highlight?: ProposalSearchHighlight | null;
}) {
  const { t } = useTranslation();
  const hasTitleMatch = highlight?.title.some((fragment) => fragment.isMatch) ?? false;
  const hasSnippet = (highlight?.snippet.length ?? 0) > 0;
  return (
    <Card component="article" withBorder radius="md" padding="lg" shadow="xs">
      <Stack gap="sm">
        <Title order={3} fz="h4">
          <Link to={paths.proposal(proposal.id)} className="card-title-link">
            {highlight && hasTitleMatch ? (
              <Highlighted fragments={highlight.title} />
            ) : (
              proposalTitle(proposal, t)
            )}
          </Link>
        </Title>
        <Text size="sm" c="gray.7">
          {t('proposal.by', { name: authorName(proposal.author, t) })}
          {' · '}
          {t(`actorType.${proposal.author.actorType}`)}
          {' · '}
          {territoryLabel(proposal.territory)}
        </Text>
        {highlight && hasSnippet ? (
          <Text className="search-snippet">
            <Highlighted fragments={highlight.snippet} />
          </Text>
        ) : (
          <Text>{proposalText(proposal, proposal.summary, t)}</Text>
        )}
        <ThemeBadges themes={proposal.themes} label={t('proposal.themes')} />
        <Group justify="space-between" gap="xs" wrap="wrap">
          <VoteCounts
            votesFor={proposal.votesFor}
            votesAgainst={proposal.votesAgainst}
            votesNeutral={proposal.votesNeutral}
          />
          <Group gap="xs">
            <BroadSupportBadge breadth={proposal.supportBreadth} />
            <Text component="span" size="sm" c="gray.7">
              {t('proposal.commentsCount', { count: proposal.commentsCount })}
            </Text>
            {proposal.status !== 'PUBLISHED' && (
              <Badge variant="outline" radius="sm" tt="none">
                {t(`status.${proposal.status}`)}
              </Badge>
            )}
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}
