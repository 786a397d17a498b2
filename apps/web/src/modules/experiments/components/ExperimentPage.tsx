import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { errorMessage, errorReason, isUnsupportedByApi } from '../../../shared/graphql/errors';
import type { ExperimentChange, PageInfo } from '../../../shared/graphql/schema-types';
import { formatDateTime, territoryLabel } from '../../../shared/ui/format';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { NotFoundPage } from '../../../shared/ui/NotFoundPage';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import {
  CHECK_MEASUREMENT_MUTATION,
  EXPERIMENT_HISTORY_QUERY,
  EXPERIMENT_PROPOSALS_QUERY,
  EXPERIMENT_QUERY,
  type ExperimentDetail,
  type IndicatorDetail,
  type MeasurementDetail,
} from '../graphql/experiments.documents';
import { evictRegistry } from '../lib/cache';
import { formatDay, formatValue } from '../lib/format';
import { IndicatorChart } from './IndicatorChart';
import { StatusBadge } from './StatusBadge';

// The member forms carry the domain's validation schemas: loaded when a member opens one.
const IndicatorForm = lazy(() =>
  import('./IndicatorForm').then((m) => ({ default: m.IndicatorForm })),
);
const MeasurementForm = lazy(() =>
  import('./MeasurementForm').then((m) => ({ default: m.MeasurementForm })),
);

/** "Mark as checked" / "Remove the check" on one figure, for moderators. */
function CheckButton({ measurement }: { measurement: MeasurementDetail }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [check, { loading }] = useMutation(CHECK_MEASUREMENT_MUTATION, {
    refetchQueries: [EXPERIMENT_QUERY],
    update: evictRegistry,
  });
  const checked = measurement.checkedAt !== null;
  const day = formatDay(measurement.measuredOn, i18n.language);
  const label = checked ? t('experiments.check.uncheck') : t('experiments.check.check');
  return (
    <Stack gap={4}>
      <Button
        size="compact-sm"
        variant={checked ? 'subtle' : 'light'}
        loading={loading}
        aria-label={`${label} (${day})`}
        onClick={() => {
          setError(null);
          check({
            variables: { input: { measurementId: measurement.id, checked: !checked } },
          }).catch((failure: unknown) => setError(errorMessage(failure, t)));
        }}
      >
        {label}
      </Button>
      {error && (
        <Text size="xs" c="red.7" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

function IndicatorSection({
  indicator,
  canEdit,
  canCheck,
}: {
  indicator: IndicatorDetail;
  canEdit: boolean;
  canCheck: boolean;
}) {
  const { t, i18n } = useTranslation();
  // 'new', a measurement's id (editing it), or nothing.
  const [form, setForm] = useState<string | null>(null);
  const [editingIndicator, setEditingIndicator] = useState(false);
  const editing = indicator.measurements.find((measurement) => measurement.id === form);
  const headingId = `indicator-${indicator.id}`;
  return (
    <Card component="section" withBorder radius="md" padding="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={3} fz="h4" id={headingId}>
            {indicator.name}
          </Title>
          <Group gap={6}>
            <Badge variant="light" color="gray">
              {t(`experiments.kind.${indicator.kind}`)}
            </Badge>
            <Badge variant="outline" color="gray">
              {t(`experiments.unit.${indicator.unit}`)}
            </Badge>
          </Group>
        </Group>
        {canEdit &&
          (editingIndicator ? (
            <Suspense fallback={<LoadingState />}>
              <IndicatorForm indicator={indicator} onDone={() => setEditingIndicator(false)} />
            </Suspense>
          ) : (
            <Group>
              <Button
                size="compact-sm"
                variant="subtle"
                aria-label={t('experiments.page.editIndicatorLabel', { name: indicator.name })}
                onClick={() => setEditingIndicator(true)}
              >
                {t('experiments.page.editIndicator')}
              </Button>
            </Group>
          ))}
        {indicator.description && <Text className="preserve-lines">{indicator.description}</Text>}
        {indicator.baseline !== null && indicator.baselineOn && (
          <Text size="sm" c="gray.7">
            {t('experiments.page.baseline', {
              value: formatValue(indicator.baseline, indicator.unit, i18n.language),
              day: formatDay(indicator.baselineOn, i18n.language),
            })}
            {indicator.changeFromBaseline !== null &&
              ` · ${t('experiments.page.changeFromBaseline', {
                value: `${indicator.changeFromBaseline > 0 ? '+' : ''}${formatValue(
                  indicator.changeFromBaseline,
                  indicator.unit,
                  i18n.language,
                )}`,
              })}`}
          </Text>
        )}
        <IndicatorChart
          indicator={indicator}
          renderActions={
            canEdit || canCheck
              ? (measurement) => (
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    {canEdit && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        aria-label={t('experiments.page.editMeasurement', {
                          day: formatDay(measurement.measuredOn, i18n.language),
                        })}
                        onClick={() => setForm(measurement.id)}
                      >
                        {t('experiments.page.edit')}
                      </Button>
                    )}
                    {canCheck && <CheckButton measurement={measurement} />}
                  </Group>
                )
              : undefined
          }
        />
        {canEdit && form === null && (
          <Group>
            <Button variant="light" onClick={() => setForm('new')}>
              {t('experiments.page.addMeasurement', { name: indicator.name })}
            </Button>
          </Group>
        )}
        {canEdit && form !== null && (
          <Suspense fallback={<LoadingState />}>
            <MeasurementForm
              key={form}
              indicatorId={indicator.id}
              indicatorName={indicator.name}
              unit={indicator.unit}
              measurement={editing}
              onDone={() => setForm(null)}
            />
          </Suspense>
        )}
      </Stack>
    </Card>
  );
}

const TARGETS: Record<string, string> = {
  'experiment.recorded': 'experiments.history.recorded',
  'experiment.updated': 'experiments.history.updated',
  'indicator.added': 'experiments.history.indicatorAdded',
  'indicator.updated': 'experiments.history.indicatorUpdated',
  'measurement.recorded': 'experiments.history.measurementRecorded',
  'measurement.updated': 'experiments.history.measurementUpdated',
  'measurement.checked': 'experiments.history.measurementChecked',
  'measurement.unchecked': 'experiments.history.measurementUnchecked',
};

/** The fields a change may name, in words; technical ones (ids, check stamps) are left out. */
const FIELD_LABELS = [
  'name',
  'description',
  'territoryIds',
  'partnerOrganisationIds',
  'themeIds',
  'status',
  'startedOn',
  'endedOn',
  'links',
  'kind',
  'unit',
  'baseline',
  'baselineOn',
  'value',
  'measuredOn',
  'source',
  'sourceUrl',
] as const;
type LabelledField = (typeof FIELD_LABELS)[number];
const isLabelled = (field: string): field is LabelledField =>
  (FIELD_LABELS as readonly string[]).includes(field);

function HistoryItem({ change }: { change: ExperimentChange }) {
  const { t, i18n } = useTranslation();
  const key = TARGETS[change.action];
  // An action this page does not know yet is shown as the API names it.
  const what = key ? t(key as 'experiments.history.recorded') : change.action;
  // What changed is worth saying for a change, not for a creation (every field is new).
  const fields = change.action.endsWith('.updated')
    ? change.changedFields.filter(isLabelled).map((field) => t(`experiments.fields.${field}`))
    : [];
  return (
    <li>
      <Text size="sm">
        <Text span fw={600}>
          {what}
        </Text>
        {' — '}
        {t('experiments.history.by', {
          name: change.actor?.displayName ?? t('privacy.anonymous'),
          date: formatDateTime(change.createdAt, i18n.language),
        })}
      </Text>
      {fields.length > 0 && (
        <Text size="xs" c="gray.7">
          {t('experiments.history.fields', { fields: fields.join(', ') })}
        </Text>
      )}
    </li>
  );
}

/** The history, newest first: the page's first changes, then older pages on demand. */
function History({ experiment }: { experiment: ExperimentDetail }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [older, setOlder] = useState<{ nodes: ExperimentChange[]; pageInfo: PageInfo } | null>(
    null,
  );
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A new first page (after a change) starts the list again.
  useEffect(() => setOlder(null), [experiment.history]);
  const nodes = [...experiment.history.nodes, ...(older?.nodes ?? [])];
  const pageInfo = older?.pageInfo ?? experiment.history.pageInfo;

  const showOlder = async () => {
    if (!pageInfo.endCursor) return;
    setLoading(true);
    setError(null);
    try {
      const { data } = await client.query({
        query: EXPERIMENT_HISTORY_QUERY,
        variables: { id: experiment.id, after: pageInfo.endCursor },
        fetchPolicy: 'network-only',
      });
      const page = data?.experiment?.history;
      if (page) {
        setOlder((previous) => ({
          nodes: [...(previous?.nodes ?? []), ...page.nodes],
          pageInfo: page.pageInfo,
        }));
      }
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Stack component="section" gap="sm" aria-labelledby="experiment-history">
      <Title order={2} id="experiment-history">
        {t('experiments.page.history')}
      </Title>
      {nodes.length === 0 ? (
        <Text c="gray.7">{t('experiments.history.empty')}</Text>
      ) : (
        <Stack component="ol" gap="xs" className="plain-list">
          {nodes.map((change) => (
            <HistoryItem key={change.id} change={change} />
          ))}
        </Stack>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {pageInfo.hasNextPage && (
        <Group>
          <Button variant="outline" loading={loading} onClick={() => void showOlder()}>
            {t('experiments.history.older')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function CitingProposals({ experimentId }: { experimentId: string }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(EXPERIMENT_PROPOSALS_QUERY, {
    variables: { id: experimentId },
  });
  // Until the API knows the field, the section is left out.
  if (error && isUnsupportedByApi(error)) return null;
  const proposals = data?.experiment?.proposals;
  return (
    <Stack component="section" gap="sm" aria-labelledby="experiment-proposals">
      <Title order={2} id="experiment-proposals">
        {t('experiments.page.proposals')}
      </Title>
      {error && <Alert color="red">{errorMessage(error, t)}</Alert>}
      {!error && !proposals && <LoadingState />}
      {proposals?.length === 0 && <Text c="gray.7">{t('experiments.page.noProposals')}</Text>}
      {proposals && proposals.length > 0 && (
        <Stack component="ul" gap="xs" className="plain-list">
          {proposals.map((proposal) => (
            <li key={proposal.id}>
              <Anchor component={Link} to={paths.proposal(proposal.id)} fw={600}>
                {proposal.title}
              </Anchor>
              <Text size="sm" c="gray.7" lineClamp={2}>
                {proposal.summary}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function Details({ experiment }: { experiment: ExperimentDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const row = (label: string, value: ReactNode) => (
    <div>
      <Text component="dt" size="sm" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {value}
      </Text>
    </div>
  );
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="experiment-details"
    >
      <Title order={2} fz="h4" id="experiment-details" mb="sm">
        {t('experiments.page.details')}
      </Title>
      <dl className="meta-list">
        {row(
          t('experiments.page.carrier'),
          <>
            <Anchor component={Link} to={paths.organisation(experiment.organisation.id)}>
              {experiment.organisation.name}
            </Anchor>{' '}
            ({t(`actorType.${experiment.organisation.actorType}`)})
          </>,
        )}
        {row(
          t('experiments.page.partners'),
          experiment.partners.length === 0 ? (
            t('experiments.page.noPartners')
          ) : (
            <Stack component="ul" gap={2} className="plain-list">
              {experiment.partners.map((partner) => (
                <li key={partner.id}>
                  <Anchor component={Link} to={paths.organisation(partner.id)}>
                    {partner.name}
                  </Anchor>{' '}
                  ({t(`actorType.${partner.actorType}`)})
                </li>
              ))}
            </Stack>
          ),
        )}
        {row(
          t('experiments.page.territories'),
          <Stack component="ul" gap={2} className="plain-list">
            {experiment.territories.map((territory) => (
              <li key={territory.id}>
                <Anchor component={Link} to={paths.territory(territory.id)}>
                  {territoryLabel(territory)}
                </Anchor>
              </li>
            ))}
          </Stack>,
        )}
        {row(t('experiments.page.themes'), experiment.themes.map((theme) => theme.name).join(', '))}
        {row(
          t('experiments.page.dates'),
          experiment.endedOn
            ? t('experiments.page.fromTo', {
                from: formatDay(experiment.startedOn, language),
                to: formatDay(experiment.endedOn, language),
              })
            : t('experiments.page.since', { from: formatDay(experiment.startedOn, language) }),
        )}
        {experiment.links.length > 0 &&
          row(
            t('experiments.page.links'),
            <Stack component="ul" gap={2} className="plain-list">
              {experiment.links.map((link) => (
                <li key={link}>
                  <Anchor href={link} target="_blank" rel="noopener noreferrer">
                    {link}
                  </Anchor>
                </li>
              ))}
            </Stack>,
          )}
      </dl>
    </Card>
  );
}

function ExperimentView({ experiment }: { experiment: ExperimentDetail }) {
  const { t } = useTranslation();
  usePageTitle(experiment.name);
  const [isAddingIndicator, setAddingIndicator] = useState(false);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.experiments} size="sm">
        {t('experiments.page.back')}
      </Anchor>
      <Stack gap="xs">
        <Group gap="sm" align="center" wrap="wrap">
          <PageTitle>{experiment.name}</PageTitle>
          <StatusBadge status={experiment.status} />
        </Group>
        {experiment.viewerCanEdit && (
          <Group>
            <Button component={Link} to={paths.editExperiment(experiment.id)} variant="light">
              {t('experiments.page.editExperiment')}
            </Button>
          </Group>
        )}
      </Stack>
      <Details experiment={experiment} />
      <Stack component="section" gap="xs" aria-labelledby="experiment-description">
        <Title order={2} id="experiment-description">
          {t('experiments.page.description')}
        </Title>
        <Text className="preserve-lines">{experiment.description}</Text>
      </Stack>
      <Stack component="section" gap="md" aria-labelledby="experiment-indicators">
        <Title order={2} id="experiment-indicators">
          {t('experiments.page.indicators')}
        </Title>
        {experiment.viewerCanCheck && (
          <Text size="sm" c="gray.7">
            {t('experiments.check.intro')}
          </Text>
        )}
        {experiment.indicators.length === 0 && (
          <Text c="gray.7">{t('experiments.page.noIndicators')}</Text>
        )}
        {experiment.indicators.map((indicator) => (
          <IndicatorSection
            key={indicator.id}
            indicator={indicator}
            canEdit={experiment.viewerCanEdit}
            canCheck={experiment.viewerCanCheck}
          />
        ))}
        {experiment.viewerCanEdit &&
          (isAddingIndicator ? (
            <Card withBorder radius="md" padding="md">
              <Suspense fallback={<LoadingState />}>
                <IndicatorForm
                  experimentId={experiment.id}
                  onDone={() => setAddingIndicator(false)}
                />
              </Suspense>
            </Card>
          ) : (
            <Group>
              <Button variant="light" onClick={() => setAddingIndicator(true)}>
                {t('experiments.page.addIndicator')}
              </Button>
            </Group>
          ))}
      </Stack>
      <CitingProposals experimentId={experiment.id} />
      <History experiment={experiment} />
    </Stack>
  );
}

/** An experiment: what it is, who carries it, where, its indicators over time and its history. */
export function ExperimentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(EXPERIMENT_QUERY, { variables: { id } });
  if (data?.experiment) return <ExperimentView experiment={data.experiment} />;
  if (data && data.experiment === null) return <NotFoundPage />;
  if (error) {
    if (errorReason(error) === 'EXPERIMENT_NOT_FOUND') return <NotFoundPage />;
    return (
      <Alert color="red" title={errorMessage(error, t)}>
        <Button variant="outline" color="red" size="xs" onClick={() => void refetch()}>
          {t('errors.retry')}
        </Button>
      </Alert>
    );
  }
  return <LoadingState />;
}
