import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { formatDay, formatValue } from '../../experiments/lib/format';
import {
  type CitedExperiment,
  type CitedIndicator,
  PROPOSAL_EXPERIMENTS_QUERY,
} from '../graphql/proposal-experiments.documents';

/** One indicator's newest figure, said to be checked or not. */
export function IndicatorFigure({
  indicator,
  checkedOnly = false,
}: {
  indicator: CitedIndicator;
  /** Only the newest checked figure (what a brief may quote). */
  checkedOnly?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const figure = checkedOnly ? indicator.latestChecked : indicator.latest;
  return (
    <Text component="li" size="sm">
      <Text span fw={600}>
        {indicator.name}
      </Text>
      {' : '}
      {figure ? (
        <>
          <Text span fw={700}>
            {formatValue(figure.value, indicator.unit, i18n.language)}
          </Text>{' '}
          <Text span c="gray.7">
            ({formatDay(figure.measuredOn, i18n.language)}){' '}
          </Text>
          <Badge
            size="xs"
            radius="sm"
            // Filled brand colour: a light teal badge misses the contrast ratio (axe).
            variant={figure.checkedAt ? 'filled' : 'outline'}
            color={figure.checkedAt ? 'passerelle' : 'gray'}
            tt="none"
          >
            {figure.checkedAt ? t('evidence.checked') : t('evidence.notChecked')}
          </Badge>
        </>
      ) : (
        <Text span c="gray.7">
          {checkedOnly ? t('evidence.noCheckedFigure') : t('evidence.noFigure')}
        </Text>
      )}
    </Text>
  );
}

/** An experiment a proposal cites: its name (a link to its page), carrier and figures. */
export function CitedExperimentCard({
  experiment,
  checkedOnly = false,
}: {
  experiment: CitedExperiment;
  checkedOnly?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="sm" component="li">
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Anchor component={Link} to={paths.experiment(experiment.id)} fw={600}>
            {experiment.name}
          </Anchor>
          <Text size="xs" c="gray.7">
            {t('evidence.carriedBy', { name: experiment.organisation.name })}
          </Text>
        </Group>
        {experiment.indicators.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t('evidence.noIndicator')}
          </Text>
        ) : (
          <Stack component="ul" gap={2} p={0} m={0} className="plain-list">
            {experiment.indicators.map((indicator) => (
              <IndicatorFigure key={indicator.id} indicator={indicator} checkedOnly={checkedOnly} />
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/**
 * The experiments a proposal cites as its evidence, with each indicator's newest figure, checked
 * or not. Read from the page query's answer (PROPOSAL_PAGE_QUERY); hidden when there is none.
 */
export function ProposalExperiments({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(PROPOSAL_EXPERIMENTS_QUERY, { variables: { id: proposalId } });
  const experiments = data?.proposal.experiments ?? [];
  if (experiments.length === 0) return null;
  return (
    <Stack component="section" gap="xs" aria-labelledby="proposal-evidence">
      <Title order={2} fz="h3" id="proposal-evidence">
        {t('evidence.title')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('evidence.intro')}
      </Text>
      <Stack component="ul" gap="sm" p={0} m={0} className="plain-list">
        {experiments.map((experiment) => (
          <CitedExperimentCard key={experiment.id} experiment={experiment} />
        ))}
      </Stack>
    </Stack>
  );
}
