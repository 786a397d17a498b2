import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { PROPOSAL_CITED_IN_QUERY } from '../graphql/briefs.documents';
import { sectionAnchor } from './BriefVersionView';

/** "Cited in": the sections of published briefs whose current version cites the proposal. */
export function ProposalCitedIn({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(PROPOSAL_CITED_IN_QUERY, { variables: { id: proposalId } });
  const refs = data?.proposal.citedIn ?? [];
  if (refs.length === 0) return null;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="cited-in">
      <Stack gap="xs">
        <Title order={2} fz="h5" id="cited-in">
          {t('briefs.citedIn')}
        </Title>
        <Stack component="ul" gap={6} p={0} m={0} className="plain-list">
          {refs.map((ref) => (
            <Text component="li" size="sm" key={`${ref.briefSlug}-${ref.sectionPosition}`}>
              <Anchor
                component={Link}
                to={`${paths.brief(ref.briefSlug)}#${sectionAnchor(ref.sectionPosition)}`}
              >
                {ref.briefTitle}
              </Anchor>
              {' — '}
              {t('briefs.citedInSection', {
                number: ref.sectionPosition + 1,
                section: ref.sectionTitle,
              })}
            </Text>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
