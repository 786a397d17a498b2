import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CuratedProposal } from '../../../shared/graphql/schema-types';

/** A proposal's live vote figures and their breakdown by collège. */
export function VoteFigures({ proposal }: { proposal: CuratedProposal }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm">
        {t('curation.votes.totals', {
          for: proposal.votesFor,
          against: proposal.votesAgainst,
          neutral: proposal.votesNeutral,
        })}
      </Text>
      {proposal.collegeVotes.length > 0 && (
        <Table.ScrollContainer minWidth={320}>
          <Table fz="sm" withTableBorder verticalSpacing={4}>
            <Table.Caption>{t('curation.votes.byCollege')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('curation.votes.college')}</Table.Th>
                <Table.Th scope="col">{t('curation.votes.for')}</Table.Th>
                <Table.Th scope="col">{t('curation.votes.against')}</Table.Th>
                <Table.Th scope="col">{t('curation.votes.neutral')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {proposal.collegeVotes.map((college) => (
                <Table.Tr key={college.actorType}>
                  <Table.Th scope="row" fw={400}>
                    {t(`actorType.${college.actorType}`)}
                  </Table.Th>
                  <Table.Td>{college.votesFor}</Table.Td>
                  <Table.Td>{college.votesAgainst}</Table.Td>
                  <Table.Td>{college.votesNeutral}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </div>
  );
}
