import { lazy, Suspense, useState } from 'react';
import {
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  NativeSelect,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ActorType } from '@passerelle/domain';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { CONSULTATIONS_QUERY } from '../../consultations/graphql/consultations.documents';
import { TerritoryFilter } from '../../territories/components/TerritoryFilter';
import { SearchForm } from '../../../shared/ui/SearchForm';
import { THEMES_QUERY } from '../graphql/proposals.documents';
import {
  ORDERS,
  PUBLIC_STATUSES,
  countActiveFilters,
  toProposalsVariables,
  useProposalSearchParams,
} from '../hooks/useProposalSearchParams';
import { ProposalList } from './ProposalList';
import { ThemeCheckboxes } from '../../../shared/ui/ThemeCheckboxes';

// Its default thresholds come from the domain's consultation settings, whose module builds their
// zod schemas: loaded with the filters (at once on a wide screen, when opened on a phone), not
// before the list.
const BroadSupportFilter = lazy(() =>
  import('./BroadSupportFilter').then((m) => ({ default: m.BroadSupportFilter })),
);

/** Every public proposal: search, filters and order, all kept in the URL. */
export function ProposalsPage() {
  const { t } = useTranslation();
  usePageTitle(t('proposals.title'));
  const { state, update } = useProposalSearchParams();
  const [areFiltersOpen, setFiltersOpen] = useState(false);
  // Below 62em the filters are folded (styles.css): rendered once opened, not on the first render
  // of a phone that does not show them (some thirty inputs: the largest part of that render). A
  // wide screen renders them just after the first render, which must match the server's.
  const areFiltersShown =
    useMediaQuery('(min-width: 62em)', false, { getInitialValueInEffect: true }) || areFiltersOpen;
  const consultations = useQuery(CONSULTATIONS_QUERY);
  const themes = useQuery(THEMES_QUERY);
  const activeFilters = countActiveFilters(state);
  const orders = ORDERS.filter((order) => order !== 'RELEVANCE' || state.search);

  const filters = (
    <Stack gap="md">
      <NativeSelect
        label={t('proposals.consultation')}
        value={state.consultationId}
        data={[
          { value: '', label: t('proposals.allConsultations') },
          ...(consultations.data?.consultations ?? []).map((item) => ({
            value: item.id,
            label: item.title,
          })),
        ]}
        onChange={(event) => update({ consultationId: event.currentTarget.value })}
      />
      <ThemeCheckboxes
        label={t('proposals.themes')}
        themes={themes.data?.themes ?? []}
        value={state.themeSlugs}
        onChange={(themeSlugs) => update({ themeSlugs })}
      />
      <TerritoryFilter
        territoryId={state.territoryId}
        onChange={(territory) => update({ territoryId: territory?.id ?? '' })}
        id="filter-territory"
        description={t('proposals.territoryHint')}
      />
      <Checkbox.Group
        label={t('proposals.status')}
        value={state.statuses}
        onChange={(statuses) => update({ statuses: statuses as typeof state.statuses })}
      >
        <Stack gap={6} mt="xs">
          {PUBLIC_STATUSES.map((status) => (
            <Checkbox key={status} value={status} label={t(`status.${status}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Checkbox.Group
        label={t('proposals.college')}
        description={t('proposals.collegeHint')}
        value={state.actorTypes}
        onChange={(actorTypes) => update({ actorTypes: actorTypes as typeof state.actorTypes })}
      >
        <Stack gap={6} mt="xs">
          {(Object.values(ActorType) as ActorType[]).map((actorType) => (
            <Checkbox key={actorType} value={actorType} label={t(`actorType.${actorType}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Suspense fallback={null}>
        <BroadSupportFilter
          consultationId={state.consultationId}
          checked={state.isBroadSupportOnly}
          onChange={(isBroadSupportOnly) => update({ isBroadSupportOnly })}
        />
      </Suspense>
      <Switch
        label={t('evidence.filterLabel')}
        description={t('evidence.filterHint')}
        checked={state.isGroundedOnly}
        onChange={(event) => update({ isGroundedOnly: event.currentTarget.checked })}
      />
      {activeFilters > 0 && (
        <Button
          variant="subtle"
          onClick={() =>
            update({
              consultationId: '',
              themeSlugs: [],
              territoryId: '',
              statuses: [],
              actorTypes: [],
              isBroadSupportOnly: false,
              isGroundedOnly: false,
            })
          }
        >
          {t('proposals.clearFilters')}
        </Button>
      )}
    </Stack>
  );

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle>{t('proposals.title')}</PageTitle>
        <Text c="gray.7">{t('proposals.intro')}</Text>
      </Stack>
      <Card withBorder radius="md" padding="md">
        <Stack gap="sm">
          <SearchForm
            value={state.search}
            onSearch={(search) => update({ search })}
            label={t('proposals.searchLabel')}
            placeholder={t('proposals.searchPlaceholder')}
            buttonLabel={t('proposals.searchButton')}
          />
          <NativeSelect
            label={t('proposals.sortLabel')}
            value={state.orderBy}
            data={orders.map((order) => ({ value: order, label: t(`proposals.order.${order}`) }))}
            onChange={(event) =>
              update({ orderBy: event.currentTarget.value as typeof state.orderBy })
            }
            maw={{ sm: 320 }}
          />
        </Stack>
      </Card>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card
            component="section"
            withBorder
            radius="md"
            padding="md"
            aria-labelledby="filters-title"
          >
            <Group justify="space-between" wrap="nowrap">
              <Title order={2} fz="h4" id="filters-title">
                {activeFilters > 0
                  ? t('proposals.filtersActive', { count: activeFilters })
                  : t('proposals.filters')}
              </Title>
              <Button
                variant="light"
                size="xs"
                className="filters-toggle"
                aria-expanded={areFiltersOpen}
                aria-controls="proposal-filters"
                onClick={() => setFiltersOpen((open) => !open)}
              >
                {areFiltersOpen ? t('proposals.hideFilters') : t('proposals.showFilters')}
              </Button>
            </Group>
            <div
              id="proposal-filters"
              className="filters-panel"
              data-open={areFiltersOpen || undefined}
            >
              {areFiltersShown && filters}
            </div>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <ProposalList
            title={
              state.search
                ? t('proposals.resultsFor', { search: state.search })
                : t('proposals.results')
            }
            headingId="proposal-results"
            variables={toProposalsVariables(state)}
            emptyText={t('proposals.noResults')}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
