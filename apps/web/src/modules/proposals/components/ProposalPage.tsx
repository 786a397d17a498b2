import type { ReactNode } from 'react';
import { Alert, Anchor, Badge, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { errorMessage, errorReason } from '../../../shared/graphql/errors';
import type { ProposalDetail } from '../../../shared/graphql/schema-types';
import { formatDate, territoryLabel } from '../../../shared/ui/format';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { NotFoundPage } from '../../../shared/ui/NotFoundPage';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { PROPOSAL_QUERY } from '../graphql/proposals.documents';
import { ThemeBadges } from './ThemeBadges';
import { VoteCounts } from './VoteCounts';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack component="section" gap="xs">
      <Title order={2} fz="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Details({ proposal }: { proposal: ProposalDetail }) {
  const { t, i18n } = useTranslation();
  const rows: [string, ReactNode][] = [
    [t('proposal.themes'), proposal.themes.map((theme) => theme.name).join(', ')],
    [t('proposal.territory'), territoryLabel(proposal.territory)],
    [t('proposal.competentLevel'), t(`competentLevel.${proposal.competentLevel}`)],
    [t('proposal.lever'), t(`lever.${proposal.lever}`)],
    [
      t('proposal.author'),
      `${proposal.author.displayName} (${t(`actorType.${proposal.author.actorType}`)})`,
    ],
  ];
  if (proposal.organisation) rows.push([t('proposal.organisation'), proposal.organisation.name]);
  rows.push([t('proposal.consultation'), proposal.consultation.title]);
  const shownDate = formatDate(proposal.publishedAt ?? proposal.createdAt, i18n.language);
  rows.push([t(proposal.publishedAt ? 'proposal.publishedAt' : 'proposal.createdAt'), shownDate]);
  const updated = formatDate(proposal.updatedAt, i18n.language);
  if (updated !== shownDate) rows.push([t('proposal.updatedAt'), updated]);

  return (
    <Card component="aside" withBorder radius="md" padding="lg" aria-labelledby="proposal-details">
      <Stack gap="md">
        <Title order={2} fz="h4" id="proposal-details">
          {t('proposal.details')}
        </Title>
        <dl className="meta-list">
          {rows.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <Stack gap={4}>
          <Text size="sm" fw={700} c="gray.7">
            {t('proposal.votes')}
          </Text>
          <VoteCounts
            votesFor={proposal.votesFor}
            votesAgainst={proposal.votesAgainst}
            votesNeutral={proposal.votesNeutral}
          />
        </Stack>
      </Stack>
    </Card>
  );
}

/** A proposal with all its fields. The body is plain text: nothing from it is interpreted as HTML. */
export function ProposalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, loading } = useQuery(PROPOSAL_QUERY, { variables: { id } });
  const proposal = data?.proposal;
  const isNotFound =
    !loading && !proposal && (!error || errorReason(error) === 'PROPOSAL_NOT_FOUND');
  usePageTitle(
    proposal?.title ??
      (isNotFound ? t('notFound.title') : error ? t('errors.generic') : t('app.loading')),
  );

  if (loading && !proposal) return <LoadingState />;
  if (isNotFound) return <NotFoundPage message={t('proposal.notFound')} />;
  if (!proposal) {
    return (
      <Alert color="red" role="alert" title={errorMessage(error, t)}>
        <Anchor component={Link} to={paths.home}>
          {t('proposal.backToList')}
        </Anchor>
      </Alert>
    );
  }

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.home} size="sm" fw={600}>
        ← {t('proposal.backToList')}
      </Anchor>
      <Stack gap="sm" component="header">
        <Group gap="xs">
          <Badge variant="outline" radius="sm" tt="none" size="lg">
            {t(`status.${proposal.status}`)}
          </Badge>
        </Group>
        <PageTitle fz={{ base: 26, sm: 34 }}>{proposal.title}</PageTitle>
        <Text c="gray.7">
          {t('proposal.by', { name: proposal.author.displayName })}
          {' · '}
          {t(`actorType.${proposal.author.actorType}`)}
          {proposal.organisation ? ` · ${proposal.organisation.name}` : ''}
          {' · '}
          {territoryLabel(proposal.territory)}
        </Text>
        <ThemeBadges themes={proposal.themes} label={t('proposal.themes')} />
      </Stack>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="xl">
            <Section title={t('proposal.summary')}>
              <Text size="lg" className="preserve-lines">
                {proposal.summary}
              </Text>
            </Section>
            <Section title={t('proposal.body')}>
              <Text className="preserve-lines">{proposal.body}</Text>
            </Section>
            {proposal.experiment && (
              <Section title={t('proposal.experiment')}>
                <Text className="preserve-lines">{proposal.experiment}</Text>
              </Section>
            )}
            {proposal.measuredImpact && (
              <Section title={t('proposal.measuredImpact')}>
                <Text className="preserve-lines">{proposal.measuredImpact}</Text>
              </Section>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Details proposal={proposal} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
