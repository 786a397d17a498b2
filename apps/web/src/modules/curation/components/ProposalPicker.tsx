import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useLazyQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/graphql/errors';
import type { CuratedProposal } from '../../../shared/graphql/schema-types';
import { CANDIDATE_PROPOSALS_QUERY } from '../graphql/curation.documents';
import { VoteFigures } from './VoteFigures';

interface ProposalPickerProps {
  /** Used to build unique ids within the page. */
  idPrefix: string;
  /** The brief's consultations: the search is limited to one of them, or to all. */
  consultations: { id: string; title: string }[];
  /** Proposals already cited in this section (their "Citer" button is disabled). */
  citedIds: readonly string[];
  onPick: (proposal: CuratedProposal) => void;
}

/** Finds candidate proposals by French full-text search, with their live figures. */
export function ProposalPicker({ idPrefix, consultations, citedIds, onPick }: ProposalPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [consultationId, setConsultationId] = useState(consultations[0]?.id ?? '');
  const [runSearch, { data, error, loading, called }] = useLazyQuery(CANDIDATE_PROPOSALS_QUERY, {
    fetchPolicy: 'network-only',
  });

  const handleSearch = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const text = search.trim();
    void runSearch({
      variables: {
        search: text === '' ? null : text,
        consultationId: consultationId === '' ? null : consultationId,
        first: 10,
        orderBy: text === '' ? 'TOP' : 'RELEVANCE',
      },
    });
  };

  const edges = data?.proposals.edges ?? [];
  return (
    <Stack gap="xs" role="search" aria-label={t('curation.picker.label')}>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput
          id={`${idPrefix}-search`}
          label={t('curation.picker.search')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') handleSearch(event);
          }}
          style={{ flex: '1 1 14rem' }}
        />
        <NativeSelect
          id={`${idPrefix}-consultation`}
          label={t('curation.picker.consultation')}
          value={consultationId}
          onChange={(event) => setConsultationId(event.currentTarget.value)}
          data={[
            { value: '', label: t('curation.picker.allConsultations') },
            ...consultations.map((c) => ({ value: c.id, label: c.title })),
          ]}
          style={{ flex: '1 1 12rem' }}
        />
        <Button variant="light" onClick={handleSearch} loading={loading}>
          {t('curation.picker.submit')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {errorMessage(error, t)}
        </Alert>
      )}
      <div aria-live="polite">
        {called && !loading && data && (
          <Text size="sm">
            {t('curation.picker.results', { count: data.proposals.totalCount })}
          </Text>
        )}
      </div>
      {edges.length > 0 && (
        <Stack component="ul" gap="xs" className="plain-list">
          {edges.map(({ node }) => {
            const isCited = citedIds.includes(node.id);
            return (
              <li key={node.id} className="curation-candidate">
                <Text fw={600}>{node.title}</Text>
                <Text size="sm" c="gray.7" lineClamp={2}>
                  {node.summary}
                </Text>
                <VoteFigures proposal={node} />
                <Button
                  size="xs"
                  mt={4}
                  disabled={isCited}
                  onClick={() => onPick(node)}
                  aria-label={t('curation.picker.citeLabel', { title: node.title })}
                >
                  {isCited ? t('curation.picker.alreadyInSection') : t('curation.picker.cite')}
                </Button>
              </li>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
