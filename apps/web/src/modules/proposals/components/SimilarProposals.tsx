import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { SIMILAR_PROPOSALS_QUERY } from '../graphql/proposals.documents';

const MIN_TITLE = 8;

/**
 * Existing proposals that look like the title being typed (French full text and trigrams), so
 * that duplicates are avoided before they exist. A polite live region: announced, never
 * interrupting. Links open in a new tab so the form keeps what was typed.
 */
export function SimilarProposals({
  title,
  consultationId,
  excludeId,
}: {
  title: string;
  consultationId?: string;
  excludeId?: string;
}) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(title.trim(), 400);
  const { data, previousData } = useQuery(SIMILAR_PROPOSALS_QUERY, {
    variables: {
      title: debounced,
      consultationId: consultationId || null,
      excludeId: excludeId ?? null,
    },
    skip: debounced.length < MIN_TITLE,
  });
  const results =
    debounced.length < MIN_TITLE ? [] : ((data ?? previousData)?.similarProposals ?? []);

  return (
    <div aria-live="polite" className="similar-proposals">
      {results.length > 0 && (
        <Alert color="ochre" variant="light" title={t('similar.title', { count: results.length })}>
          <Stack gap={6}>
            <Text size="sm">{t('similar.intro')}</Text>
            <ul className="similar-list">
              {results.map(({ proposal }) => (
                <li key={proposal.id}>
                  <Anchor
                    href={paths.proposal(proposal.id)}
                    target="_blank"
                    rel="noopener"
                    size="sm"
                    fw={600}
                  >
                    {proposal.title}
                    <span className="visually-hidden"> {t('similar.newTab')}</span>
                  </Anchor>
                  {proposal.status !== 'PUBLISHED' && (
                    <Text span size="xs" c="gray.7">
                      {' '}
                      ({t(`status.${proposal.status}`)})
                    </Text>
                  )}
                </li>
              ))}
            </ul>
          </Stack>
        </Alert>
      )}
    </div>
  );
}
