import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { authorName } from '../../privacy/anonymous';
import { PROPOSAL_AMENDMENTS_QUERY } from '../graphql/amendments.documents';

/**
 * In the revision history: « applique l’amendement de X, accepté par Y » for a revision that
 * applies an accepted amendment (both are credited). Nothing for other revisions.
 *
 * The accepted amendment is found by the revision it became (`appliedVersion`) in the amendments
 * the page already has: revisions have no id, so a second query selecting other fields of them
 * would replace the history's list in the cache and make the page ask for it again.
 */
export function RevisionAmendmentCredit({
  proposalId,
  version,
  editorName,
}: {
  proposalId: string;
  version: number;
  editorName: string;
}) {
  const { t } = useTranslation();
  const { data } = useQuery(PROPOSAL_AMENDMENTS_QUERY, { variables: { id: proposalId } });
  const amendment = data?.proposal.amendments.find(
    (item) => item.status === 'ACCEPTED' && item.appliedVersion === version,
  );
  if (!amendment) return null;
  return (
    <>
      {' · '}
      {t('amendments.historyCredit', {
        author: authorName(amendment.author, t),
        editor: editorName,
      })}
    </>
  );
}
