import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  NativeSelect,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { errorMessage } from '../../../shared/graphql/errors';
import { territoryLabel } from '../../../shared/ui/format';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { THEMES_QUERY } from '../../proposals/graphql/proposals.documents';
import { TerritoryFilter } from '../../territories/components/TerritoryFilter';
import { SearchForm } from '../../../shared/ui/SearchForm';
import {
  EXPERIMENTS_BY_DEPARTEMENT_QUERY,
  EXPERIMENTS_PAGE_SIZE,
  EXPERIMENTS_QUERY,
  MY_EXPERIMENT_ORGANISATIONS_QUERY,
  type ExperimentSummary,
} from '../graphql/experiments.documents';
import {
  ACTOR_TYPES,
  EXPERIMENT_STATUSES,
  INDICATOR_KINDS,
  countActiveExperimentFilters,
  experimentsSearch,
  toExperimentFilter,
  useExperimentSearchParams,
  type ExperimentSearchState,
} from '../lib/experimentSearchParams';
import { formatDay, formatValue } from '../lib/format';
import { DepartementCartogram } from './DepartementCartogram';
import { StatusBadge } from './StatusBadge';

/** The key figure of a card: the first indicator that has a measurement, its latest one. */
function KeyFigure({ experiment }: { experiment: ExperimentSummary }) {
  const { t, i18n } = useTranslation();
  const indicator = experiment.indicators.find((item) => item.latest !== null);
  if (!indicator?.latest) {
    return (
      <Text size="sm" c="gray.7">
        {t('experiments.list.noFigure')}
      </Text>
    );
  }
  const { latest } = indicator;
  return (
    <Text size="sm">
      <Text span fw={600}>
        {t('experiments.list.keyFigure', {
          name: indicator.name,
          value: formatValue(latest.value, indicator.unit, i18n.language),
        })}
      </Text>{' '}
      <Text span c="gray.7">
        ({formatDay(latest.measuredOn, i18n.language)}
        {latest.checkedAt ? ` · ${t('experiments.list.checked')}` : ''})
      </Text>
    </Text>
  );
}

function ExperimentCard({ experiment }: { experiment: ExperimentSummary }) {
  const { t } = useTranslation();
  return (
    <Card component="article" withBorder radius="md" padding="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} fz="h4">
            <Anchor component={Link} to={paths.experiment(experiment.id)}>
              {experiment.name}
            </Anchor>
          </Title>
          <StatusBadge status={experiment.status} />
        </Group>
        <Text size="sm">
          {t('experiments.list.carriedBy', {
            name: experiment.organisation.name,
            actorType: t(`actorType.${experiment.organisation.actorType}`),
          })}
        </Text>
        {experiment.territories.length > 0 && (
          <Text size="sm" c="gray.7">
            {experiment.territories.map(territoryLabel).join(' · ')}
          </Text>
        )}
        {experiment.themes.length > 0 && (
          <Group gap={6}>
            {experiment.themes.map((theme) => (
              <Badge key={theme.id} variant="light" color="gray">
                {theme.name}
              </Badge>
            ))}
          </Group>
        )}
        <KeyFigure experiment={experiment} />
      </Stack>
    </Card>
  );
}

function ExperimentResults({ state }: { state: ExperimentSearchState }) {
  const { t } = useTranslation();
  const [loadMoreError, setLoadMoreError] = useState<unknown>(null);
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(EXPERIMENTS_QUERY, {
    variables: { filter: toExperimentFilter(state), first: EXPERIMENTS_PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.experiments;

  const loadMore = async () => {
    const after = connection?.pageInfo.endCursor;
    if (!after) return;
    setLoadMoreError(null);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (previous, { fetchMoreResult }) => ({
          experiments: {
            ...fetchMoreResult.experiments,
            nodes: [...(previous?.experiments?.nodes ?? []), ...fetchMoreResult.experiments.nodes],
          },
        }),
      });
    } catch (failure) {
      setLoadMoreError(failure);
    }
  };

  return (
    <Stack component="section" gap="md" aria-labelledby="experiment-results">
      <Group justify="space-between" align="baseline" wrap="wrap">
        <Title order={2} id="experiment-results">
          {state.query
            ? t('experiments.list.resultsFor', { query: state.query })
            : t('experiments.list.results')}
        </Title>
        {connection && (
          <Text c="gray.7" size="sm" role="status">
            {t('experiments.list.count', { count: connection.totalCount })}
          </Text>
        )}
      </Group>
      {error && !connection && (
        <Alert color="red" title={errorMessage(error, t)}>
          <Button variant="outline" color="red" size="xs" onClick={() => void refetch()}>
            {t('errors.retry')}
          </Button>
        </Alert>
      )}
      {!connection && !error && <LoadingState />}
      {connection && connection.nodes.length === 0 && <Text>{t('experiments.list.empty')}</Text>}
      {connection && connection.nodes.length > 0 && (
        <Stack component="ul" gap="md" className="plain-list">
          {connection.nodes.map((experiment) => (
            <li key={experiment.id}>
              <ExperimentCard experiment={experiment} />
            </li>
          ))}
        </Stack>
      )}
      {loadMoreError !== null && (
        <Alert color="red" role="alert">
          {errorMessage(loadMoreError, t)}
        </Alert>
      )}
      {connection?.pageInfo.hasNextPage && (
        <Group justify="center">
          <Button
            variant="outline"
            loading={networkStatus === NetworkStatus.fetchMore}
            onClick={() => void loadMore()}
          >
            {t('experiments.list.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function ExperimentsMap({ state }: { state: ExperimentSearchState }) {
  const { t } = useTranslation();
  // Every other filter applies; the territory's is shown by outlining its tile.
  const filter = toExperimentFilter({ ...state, territoryId: '' });
  const { data, error } = useQuery(EXPERIMENTS_BY_DEPARTEMENT_QUERY, { variables: { filter } });
  return (
    <Card component="section" withBorder radius="md" padding="md" aria-labelledby="experiment-map">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="experiment-map">
          {t('experiments.map.title')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('experiments.map.intro')}
        </Text>
        {error && !data ? (
          <Alert color="red">{errorMessage(error, t)}</Alert>
        ) : !data ? (
          <LoadingState />
        ) : (
          <DepartementCartogram
            counts={data.experimentsByDepartement}
            selectedTerritoryId={state.territoryId}
            hrefFor={(territoryId) =>
              `${paths.experiments}${experimentsSearch({ ...state, territoryId })}`
            }
          />
        )}
      </Stack>
    </Card>
  );
}

/** "Record an experiment", for members of an organisation. */
function RecordLink() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const { data } = useQuery(MY_EXPERIMENT_ORGANISATIONS_QUERY, { skip: !user });
  if (!user || !data?.myExperimentOrganisations.length) return null;
  return (
    <Group>
      <Button component={Link} to={paths.newExperiment}>
        {t('experiments.list.record')}
      </Button>
    </Group>
  );
}

/** The experiments registry: search, filters and the map, all kept in the URL. */
export function ExperimentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('experiments.list.title'));
  const { state, update } = useExperimentSearchParams();
  const themes = useQuery(THEMES_QUERY);
  const activeFilters = countActiveExperimentFilters(state);
  const option = (value: string, label: string) => ({ value, label });

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle>{t('experiments.list.title')}</PageTitle>
        <Text c="gray.7">{t('experiments.list.intro')}</Text>
        <RecordLink />
      </Stack>
      <Card withBorder radius="md" padding="md">
        <SearchForm
          value={state.query}
          onSearch={(query) => update({ query })}
          label={t('experiments.list.searchLabel')}
          placeholder={t('experiments.list.searchPlaceholder')}
          buttonLabel={t('experiments.list.searchButton')}
        />
      </Card>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card
            component="section"
            withBorder
            radius="md"
            padding="md"
            aria-labelledby="experiment-filters"
          >
            <Stack gap="md">
              <Title order={2} fz="h4" id="experiment-filters">
                {activeFilters > 0
                  ? t('experiments.list.filtersActive', { count: activeFilters })
                  : t('experiments.list.filters')}
              </Title>
              <NativeSelect
                label={t('experiments.list.theme')}
                value={state.themeId}
                data={[
                  option('', t('experiments.list.allThemes')),
                  ...(themes.data?.themes ?? []).map((theme) => option(theme.id, theme.name)),
                ]}
                onChange={(event) => update({ themeId: event.currentTarget.value })}
              />
              <TerritoryFilter
                territoryId={state.territoryId}
                onChange={(territory) => update({ territoryId: territory?.id ?? '' })}
                id="experiment-filter-territory"
                description={t('experiments.list.territoryHint')}
              />
              <NativeSelect
                label={t('experiments.list.actorType')}
                description={t('experiments.list.actorTypeHint')}
                value={state.actorType}
                data={[
                  option('', t('experiments.list.allActorTypes')),
                  ...ACTOR_TYPES.map((value) => option(value, t(`actorType.${value}`))),
                ]}
                onChange={(event) =>
                  update({ actorType: event.currentTarget.value as typeof state.actorType })
                }
              />
              <NativeSelect
                label={t('experiments.list.indicatorKind')}
                value={state.indicatorKind}
                data={[
                  option('', t('experiments.list.allIndicatorKinds')),
                  ...INDICATOR_KINDS.map((value) => option(value, t(`experiments.kind.${value}`))),
                ]}
                onChange={(event) =>
                  update({ indicatorKind: event.currentTarget.value as typeof state.indicatorKind })
                }
              />
              <NativeSelect
                label={t('experiments.list.status')}
                value={state.status}
                data={[
                  option('', t('experiments.list.allStatuses')),
                  ...EXPERIMENT_STATUSES.map((value) =>
                    option(value, t(`experiments.status.${value}`)),
                  ),
                ]}
                onChange={(event) =>
                  update({ status: event.currentTarget.value as typeof state.status })
                }
              />
              {activeFilters > 0 && (
                <Button
                  variant="subtle"
                  onClick={() =>
                    update({
                      themeId: '',
                      territoryId: '',
                      actorType: '',
                      indicatorKind: '',
                      status: '',
                    })
                  }
                >
                  {t('experiments.list.clearFilters')}
                </Button>
              )}
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <ExperimentResults state={state} />
        </Grid.Col>
      </Grid>
      <ExperimentsMap state={state} />
    </Stack>
  );
}
