import { useEffect, useState, type FormEvent, type Ref } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ActorType } from '@passerelle/domain';
import { errorMessage } from '../../../shared/graphql/errors';
import { pagedConnection } from '../../../shared/graphql/pagedConnection';
import type { CandidateProposal, CommentNode } from '../../../shared/graphql/schema-types';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { THEMES_QUERY } from '../../proposals/graphql/proposals.documents';
import { PUBLIC_STATUSES } from '../../proposals/hooks/useProposalSearchParams';
import { TerritorySelect } from '../../territories/components/TerritorySelect';
import type { SectionState } from '../forms/brief-form';
import {
  CANDIDATE_ORDERS,
  clearCandidateFilters,
  countCandidateFilters,
  initialCandidateFilters,
  toCandidateVariables,
  updateCandidateFilters,
  type CandidateFilterState,
} from '../forms/candidate-filters';
import { CANDIDATE_PROPOSALS_QUERY } from '../graphql/curation.documents';
import { CandidateCard } from './CandidateCard';
import { ThemeCheckboxes } from '../../../shared/ui/ThemeCheckboxes';

const ACTOR_TYPES = Object.values(ActorType) as ActorType[];

interface ProposalPickerProps {
  /** The brief's consultations: the search is limited to one of them, or to all. */
  consultations: { id: string; title: string }[];
  sections: readonly SectionState[];
  /** The section the "Citer" buttons add to (its key). */
  targetKey: string | null;
  onTarget: (sectionKey: string) => void;
  onCite: (sectionKey: string, proposal: CandidateProposal) => void;
  onCiteComment: (sectionKey: string, comment: CommentNode, proposalTitle: string) => void;
  /** The search field, focused by a section's "Chercher des sources" button. */
  searchRef?: Ref<HTMLInputElement>;
}

/** The filters of the candidate search; every change goes through `onChange` (one state). */
function CandidateFilters({
  state,
  consultations,
  onChange,
}: {
  state: CandidateFilterState;
  consultations: { id: string; title: string }[];
  onChange: (change: Partial<CandidateFilterState>) => void;
}) {
  const { t } = useTranslation();
  const themes = useQuery(THEMES_QUERY);
  const active = countCandidateFilters(state);
  return (
    <details className="curation-filters">
      <summary>
        {active > 0
          ? t('curation.picker.filtersActive', { count: active })
          : t('curation.picker.filters')}
      </summary>
      <Stack gap="md" mt="sm">
        <NativeSelect
          id="candidate-consultation"
          label={t('curation.picker.consultation')}
          value={state.consultationId}
          onChange={(event) => onChange({ consultationId: event.currentTarget.value })}
          data={[
            { value: '', label: t('curation.picker.allConsultations') },
            ...consultations.map((c) => ({ value: c.id, label: c.title })),
          ]}
        />
        <Switch
          id="candidate-broad-support"
          label={t('curation.picker.broadSupportOnly')}
          description={t('curation.picker.broadSupportHint')}
          checked={state.isBroadSupportOnly}
          onChange={(event) => onChange({ isBroadSupportOnly: event.currentTarget.checked })}
        />
        <Switch
          id="candidate-grounded"
          label={t('evidence.filterLabel')}
          description={t('evidence.filterHint')}
          checked={state.isGroundedOnly}
          onChange={(event) => onChange({ isGroundedOnly: event.currentTarget.checked })}
        />
        <ThemeCheckboxes
          label={t('curation.picker.themes')}
          themes={themes.data?.themes ?? []}
          value={state.themeSlugs}
          onChange={(themeSlugs) => onChange({ themeSlugs })}
        />
        <TerritorySelect
          id="candidate-territory"
          label={t('curation.picker.territory')}
          description={t('curation.picker.territoryHint')}
          value={state.territory}
          onChange={(territory) => onChange({ territory })}
        />
        <Checkbox.Group
          label={t('curation.picker.status')}
          value={state.statuses}
          onChange={(statuses) =>
            onChange({ statuses: statuses as CandidateFilterState['statuses'] })
          }
        >
          <Stack gap={6} mt="xs">
            {PUBLIC_STATUSES.map((status) => (
              <Checkbox key={status} value={status} label={t(`status.${status}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Checkbox.Group
          label={t('curation.picker.college')}
          description={t('curation.picker.collegeHint')}
          value={state.actorTypes}
          onChange={(actorTypes) =>
            onChange({ actorTypes: actorTypes as CandidateFilterState['actorTypes'] })
          }
        >
          <Stack gap={6} mt="xs">
            {ACTOR_TYPES.map((actorType) => (
              <Checkbox key={actorType} value={actorType} label={t(`actorType.${actorType}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        {active > 0 && (
          <Button variant="subtle" onClick={() => onChange(clearCandidateFilters(state))}>
            {t('curation.picker.clearFilters')}
          </Button>
        )}
      </Stack>
    </details>
  );
}

/**
 * Candidate proposals to cite: French full-text search, filters (theme, territory, status, the
 * author's collège, broad support across collèges) and rankings, with "load more". Each one can
 * be cited in the target section, dragged onto any section, or have one of its comments cited.
 */
export function ProposalPicker(props: ProposalPickerProps) {
  const { consultations, sections, targetKey, onTarget, onCite, onCiteComment, searchRef } = props;
  const { t } = useTranslation();
  const [filters, setFilters] = useState(() => initialCandidateFilters(consultations[0]?.id ?? ''));
  const [text, setText] = useState('');
  const change = (patch: Partial<CandidateFilterState>) =>
    setFilters((state) => updateCandidateFilters(state, patch));

  const result = useQuery(CANDIDATE_PROPOSALS_QUERY, {
    variables: toCandidateVariables(filters),
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const page = pagedConnection(result, 'proposals');
  const { connection, nodes } = page;
  const [loadMoreError, setLoadMoreError] = useState<unknown>(null);
  useEffect(() => setLoadMoreError(null), [filters]);

  const targetIndex = sections.findIndex((s) => s.key === targetKey);
  const target = sections[targetIndex];
  const targetName = target
    ? t('curation.dnd.section', { number: targetIndex + 1, title: target.title || '…' })
    : null;
  const orders = CANDIDATE_ORDERS.filter((order) => order !== 'RELEVANCE' || filters.search);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change({ search: text.trim() });
  };
  const loadMore = async () => {
    setLoadMoreError(null);
    try {
      await page.loadMore();
    } catch (failure) {
      setLoadMoreError(failure);
    }
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="candidate-picker-title">
      <Title order={2} fz="h3" id="candidate-picker-title">
        {t('curation.picker.title')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('curation.picker.intro')}
      </Text>
      {sections.length === 0 ? (
        <Text size="sm">{t('curation.picker.noSection')}</Text>
      ) : (
        <NativeSelect
          id="candidate-target"
          label={t('curation.picker.target')}
          value={target?.key ?? ''}
          onChange={(event) => onTarget(event.currentTarget.value)}
          data={sections.map((section, i) => ({
            value: section.key,
            label: t('curation.section.legend', { number: i + 1, title: section.title || '…' }),
          }))}
        />
      )}
      <form role="search" aria-label={t('curation.picker.label')} onSubmit={submit}>
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            ref={searchRef}
            id="candidate-search"
            type="search"
            label={t('curation.picker.search')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button type="submit" variant="light">
            {t('curation.picker.submit')}
          </Button>
        </Group>
      </form>
      <NativeSelect
        id="candidate-order"
        label={t('curation.picker.order')}
        value={filters.orderBy}
        data={orders.map((order) => ({ value: order, label: t(`proposals.order.${order}`) }))}
        onChange={(event) =>
          change({ orderBy: event.currentTarget.value as CandidateFilterState['orderBy'] })
        }
      />
      <CandidateFilters state={filters} consultations={consultations} onChange={change} />

      <Text size="sm" fw={600} aria-live="polite" id="candidate-results">
        {connection ? t('curation.picker.results', { count: connection.totalCount }) : ''}
      </Text>
      {result.error && (
        <Alert color="red" role="alert">
          {errorMessage(result.error, t)}
        </Alert>
      )}
      {!connection && !result.error && <LoadingState />}
      {connection && nodes.length === 0 && <Text size="sm">{t('curation.picker.noResults')}</Text>}
      {nodes.length > 0 && (
        <Stack component="ul" gap="xs" className="plain-list" aria-labelledby="candidate-results">
          {nodes.map((proposal) => {
            const citedInSections = sections.flatMap((section, i) =>
              section.citations.some((c) => c.proposal?.id === proposal.id) ? [i + 1] : [],
            );
            return (
              <CandidateCard
                key={proposal.id}
                proposal={proposal}
                targetName={targetName}
                isInTarget={citedInSections.includes(targetIndex + 1)}
                citedCommentIds={(target?.citations ?? []).flatMap((c) =>
                  c.commentId ? [c.commentId] : [],
                )}
                citedInSections={citedInSections}
                onCite={() => target && onCite(target.key, proposal)}
                onCiteComment={(comment) =>
                  target && onCiteComment(target.key, comment, proposal.title)
                }
              />
            );
          })}
        </Stack>
      )}
      {Boolean(loadMoreError) && (
        <Alert color="red" role="alert">
          {errorMessage(loadMoreError, t)}
        </Alert>
      )}
      {connection?.pageInfo.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void loadMore()}
          loading={page.isLoadingMore}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('curation.picker.loadMore', { shown: nodes.length, total: connection.totalCount })}
        </Button>
      )}
    </Stack>
  );
}
