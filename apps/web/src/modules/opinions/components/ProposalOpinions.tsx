import type { CSSProperties } from 'react';
import { Box, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type {
  OpinionGroupSummary,
  ProposalOpinions as ProposalOpinionsFigures,
} from '../../../shared/graphql/schema-types';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { PROPOSAL_OPINIONS_QUERY } from '../graphql/opinions.documents';
import { isAmongMostDivisive, ordinalCategory, relativeTime } from '../opinions-format';
import { GroupVotesList, GroupVotesTable } from './GroupVotesList';

const DISCLOSURE_STYLE: CSSProperties = {
  border: '1px solid var(--mantine-color-gray-3)',
  borderRadius: 'var(--mantine-radius-md)',
  padding: '0.5rem 0.75rem',
};
const SUMMARY_STYLE: CSSProperties = { cursor: 'pointer', fontWeight: 600 };

/** "3e sur 42 au classement consensus", and the DIVISIVE rank when it stands out there. */
function Ranks({ opinions }: { opinions: ProposalOpinionsFigures }) {
  const { t, i18n } = useTranslation();
  const ordinal = (rank: number) =>
    t(`opinions.ordinal.${ordinalCategory(rank, i18n.language)}`, { rank });
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600} data-testid="opinions-consensus-rank">
        {t('opinions.consensusRank', {
          rank: ordinal(opinions.consensusRank),
          count: opinions.rankedCount,
        })}
      </Text>
      {isAmongMostDivisive(opinions) && (
        <Text size="sm" fw={600} data-testid="opinions-divisive-rank">
          {t('opinions.divisiveRank', {
            rank: ordinal(opinions.divisiveRank),
            count: opinions.rankedCount,
          })}
        </Text>
      )}
    </Stack>
  );
}

/** "Groupes calculés il y a 5 minutes" (the exact time on hover), or the date after a week. */
function ComputedAt({ iso, now }: { iso: string; now: Date }) {
  const { t, i18n } = useTranslation();
  const when = relativeTime(iso, now, i18n.language);
  const label = when
    ? t('opinions.computedAgo', { when })
    : t('opinions.computedOn', { date: formatDate(iso, i18n.language) });
  return (
    <Text size="xs" c="gray.7">
      {/* A page rendered on the server may say "5 minutes" where the browser would say "6". */}
      <time dateTime={iso} title={formatDateTime(iso, i18n.language)} suppressHydrationWarning>
        {label}
      </time>
    </Text>
  );
}

/** A short plain-language explanation of opinion groups, folded by default. */
function HowItWorks() {
  const { t } = useTranslation();
  return (
    <details style={DISCLOSURE_STYLE} data-testid="opinions-how">
      <summary style={SUMMARY_STYLE}>{t('opinions.howTitle')}</summary>
      <Stack gap="xs" mt="xs">
        <Text size="sm">{t('opinions.howInferred')}</Text>
        <Text size="sm">{t('opinions.howRanking')}</Text>
        <Text size="sm">{t('opinions.howSmoothed')}</Text>
        <Text size="sm">{t('opinions.howPrivate')}</Text>
      </Stack>
    </details>
  );
}

export interface OpinionsPanelProps {
  /** Null until the opinion-groups job has computed the proposal's consultation. */
  opinions: ProposalOpinionsFigures | null;
  /** The viewer's own group, only when signed in and placed in a group. */
  myGroup: OpinionGroupSummary | null;
  now?: Date;
}

/**
 * How each opinion group voted on a proposal, why it ranks where it does under CONSENSUS (and
 * DIVISIVE), and the viewer's own group. The figures are text first: the bars only repeat them.
 */
export function OpinionsPanel({ opinions, myGroup, now = new Date() }: OpinionsPanelProps) {
  const { t } = useTranslation();
  return (
    <Card
      component="section"
      withBorder
      radius="md"
      padding="lg"
      aria-labelledby="opinions-title"
      data-testid="proposal-opinions"
    >
      <Stack gap="md">
        <Title order={2} fz="h3" id="opinions-title">
          {t('opinions.title')}
        </Title>
        {!opinions ? (
          <Text data-testid="opinions-not-computed">{t('opinions.notComputed')}</Text>
        ) : (
          <>
            <Text fw={600} data-testid="opinions-explanation">
              {opinions.explanation}
            </Text>
            <Ranks opinions={opinions} />
            {myGroup && (
              <Box
                p="sm"
                bg="passerelle.0"
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
                data-testid="opinions-my-group"
              >
                <Text size="sm" fw={600}>
                  {t('opinions.myGroup', { label: myGroup.label })}
                </Text>
                <Text size="xs" c="gray.8">
                  {t('opinions.myGroupPrivate')}
                </Text>
              </Box>
            )}
            {opinions.groups.length === 0 ? (
              <Text c="gray.7">{t('opinions.noGroups')}</Text>
            ) : (
              <>
                <GroupVotesList groups={opinions.groups} />
                <details style={DISCLOSURE_STYLE}>
                  <summary style={SUMMARY_STYLE}>{t('opinions.tableToggle')}</summary>
                  <Box mt="xs">
                    <GroupVotesTable groups={opinions.groups} />
                  </Box>
                </details>
              </>
            )}
            <ComputedAt iso={opinions.computedAt} now={now} />
          </>
        )}
        <HowItWorks />
      </Stack>
    </Card>
  );
}

/**
 * The proposal page's opinion groups section. Hidden while loading and while the API does not
 * serve opinion groups yet (older API), like the other sections added after issue 3.
 */
export function ProposalOpinions({ proposalId }: { proposalId: string }) {
  const { user } = useCurrentUser();
  const { data, error } = useQuery(PROPOSAL_OPINIONS_QUERY, { variables: { id: proposalId } });
  const proposal = data?.proposal;
  if (error || !proposal) return null;
  // The API gives the group to its own member only; a visitor's stale cache never shows one.
  const myGroup = user ? (proposal.consultation.opinionGroups?.myGroup ?? null) : null;
  return <OpinionsPanel opinions={proposal.opinions} myGroup={myGroup} />;
}
