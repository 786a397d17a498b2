import { Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { authorName } from '../../privacy/anonymous';
import { PROPOSAL_COAUTHORS_QUERY } from '../graphql/amendments.documents';

/** « avec A, B »: the accepted co-authors, under the author's name. */
export function CoAuthorsByline({ proposalId }: { proposalId: string }) {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(PROPOSAL_COAUTHORS_QUERY, { variables: { id: proposalId } });
  const coAuthors = data?.proposal.coAuthors ?? [];
  if (coAuthors.length === 0) return null;
  const names = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    coAuthors.map((participant) => authorName(participant, t)),
  );
  return <Text c="gray.7">{t('amendments.coAuthors.with', { names })}</Text>;
}
