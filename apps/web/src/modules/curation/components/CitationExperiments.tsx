import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import type { CitedExperiment } from '../../../shared/graphql/schema-types';
import { IndicatorFigure } from '../../proposals/components/ProposalExperiments';

/**
 * The experiments a cited proposal builds on, with each indicator's latest checked figure: what
 * the brief may quote (publication freezes the same figures in its annex).
 */
export function CitationExperiments({ experiments }: { experiments: CitedExperiment[] }) {
  const { t } = useTranslation();
  if (experiments.length === 0) return null;
  return (
    <Stack gap={4} className="curation-evidence">
      <Text size="sm" fw={600}>
        {t('evidence.curationTitle')}
      </Text>
      {experiments.map((experiment) => (
        <Stack gap={2} key={experiment.id}>
          <Text size="sm">
            <Anchor component={Link} to={paths.experiment(experiment.id)} target="_blank">
              {experiment.name}
            </Anchor>{' '}
            <Text span size="xs" c="gray.7">
              {t('evidence.carriedBy', { name: experiment.organisation.name })}
            </Text>
          </Text>
          {experiment.indicators.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('evidence.noIndicator')}
            </Text>
          ) : (
            <Stack component="ul" gap={2} p={0} m={0} className="plain-list">
              {experiment.indicators.map((indicator) => (
                <IndicatorFigure key={indicator.id} indicator={indicator} checkedOnly />
              ))}
            </Stack>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
