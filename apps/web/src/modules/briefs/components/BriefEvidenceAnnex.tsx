import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import type {
  BriefAnnexExperiment,
  BriefAnnexRow,
  FrozenProvenance,
} from '../../../shared/graphql/schema-types';
import { formatDay, formatValue } from '../../experiments/lib/format';

/** The id of an experiment's card in the annex, for the citations' links to it. */
export const experimentAnchor = (id: string) => `experience-${id}`;

const EvidenceContext = createContext<ReadonlyMap<string, BriefAnnexExperiment[]>>(new Map());

/** Gives the citations of a version the experiments each cited proposal builds on. */
export function EvidenceProvider({
  experiments,
  children,
}: {
  experiments: BriefAnnexExperiment[];
  children: ReactNode;
}) {
  const byProposal = useMemo(() => {
    const map = new Map<string, BriefAnnexExperiment[]>();
    for (const experiment of experiments) {
      for (const proposalId of experiment.proposalIds) {
        map.set(proposalId, [...(map.get(proposalId) ?? []), experiment]);
      }
    }
    return map;
  }, [experiments]);
  return <EvidenceContext.Provider value={byProposal}>{children}</EvidenceContext.Provider>;
}

/** Under a cited proposal: the experiments it builds on, linked to their frozen figures. */
export function CitationEvidence({ proposalId }: { proposalId: string | null }) {
  const { t } = useTranslation();
  const experiments = useContext(EvidenceContext).get(proposalId ?? '') ?? [];
  if (experiments.length === 0) return null;
  return (
    <Text size="sm">
      {t('evidence.buildsOn')}{' '}
      {experiments.map((experiment, index) => (
        <span key={experiment.id}>
          {index > 0 && ', '}
          <Anchor href={`#${experimentAnchor(experiment.id)}`}>{experiment.name}</Anchor>
        </span>
      ))}
    </Text>
  );
}

/** « Consultation locale « … » — Loire — PTCE … », or « — » for a version published without it. */
export function ProvenanceText({
  provenance,
}: {
  provenance: FrozenProvenance | null | undefined;
}) {
  const { t } = useTranslation();
  if (!provenance) return <>—</>;
  const kind =
    provenance.scope === 'NATIONAL'
      ? t('evidence.national', { title: provenance.consultationTitle })
      : t('evidence.local', { title: provenance.consultationTitle });
  return (
    <>
      {[kind, provenance.territoryName, provenance.organisationName]
        .filter((part): part is string => Boolean(part))
        .join(' — ')}
    </>
  );
}

/**
 * The annex of the experiments the cited proposals build on: each indicator's newest checked
 * figure, frozen at publication (later measurements never change a published version).
 */
export function BriefEvidenceAnnex({
  experiments,
  annex,
}: {
  experiments: BriefAnnexExperiment[];
  annex: BriefAnnexRow[];
}) {
  const { t, i18n } = useTranslation();
  if (experiments.length === 0) return null;
  const titles = new Map(annex.map((row) => [row.proposalId, row.title]));
  return (
    <Stack component="section" gap="sm" aria-labelledby="brief-experiments">
      <Title order={2} fz="h3" id="brief-experiments">
        {t('evidence.annexTitle')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('evidence.annexIntro')}
      </Text>
      <Stack component="ul" gap="sm" p={0} m={0} className="plain-list">
        {experiments.map((experiment) => (
          <Card
            component="li"
            withBorder
            radius="md"
            padding="sm"
            key={experiment.id}
            id={experimentAnchor(experiment.id)}
          >
            <Stack gap={4}>
              <Title order={3} fz="h5">
                <Anchor component={Link} to={paths.experiment(experiment.id)}>
                  {experiment.name}
                </Anchor>
              </Title>
              <Text size="xs" c="gray.7">
                {t('evidence.carriedBy', { name: experiment.organisationName })}
              </Text>
              {experiment.figures.length === 0 ? (
                <Text size="sm" c="gray.7">
                  {t('evidence.noIndicator')}
                </Text>
              ) : (
                <Stack component="ul" gap={2} p={0} m={0} className="plain-list">
                  {experiment.figures.map((figure) => (
                    <Text component="li" size="sm" key={figure.indicatorName}>
                      <Text span fw={600}>
                        {figure.indicatorName}
                      </Text>
                      {' : '}
                      {figure.value !== null && figure.measuredOn ? (
                        <>
                          <Text span fw={700}>
                            {formatValue(figure.value, figure.unit, i18n.language)}
                          </Text>{' '}
                          <Text span c="gray.7">
                            (
                            {t('evidence.measuredOn', {
                              date: formatDay(figure.measuredOn, i18n.language),
                            })}
                            {figure.source
                              ? ` — ${t('evidence.source', { source: figure.source })}`
                              : ''}
                            )
                          </Text>
                          {figure.sourceUrl && (
                            <>
                              {' '}
                              <Anchor
                                href={figure.sourceUrl}
                                target="_blank"
                                rel="noopener"
                                size="sm"
                              >
                                {figure.sourceUrl}
                              </Anchor>
                            </>
                          )}
                        </>
                      ) : (
                        <Text span c="gray.7">
                          {t('evidence.noCheckedFigure')}
                        </Text>
                      )}
                    </Text>
                  ))}
                </Stack>
              )}
              <Text size="xs" c="gray.7">
                {t('evidence.citedBy', {
                  titles: experiment.proposalIds
                    .map((id) => `« ${titles.get(id) ?? id} »`)
                    .join(', '),
                })}
              </Text>
            </Stack>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
