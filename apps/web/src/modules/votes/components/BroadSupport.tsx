import { Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { COLLEGE_COUNT } from '@passerelle/domain';
import type { CollegeSupportFigures, SupportBreadth } from '../../../shared/graphql/schema-types';
import { thresholdValues, useFormatShare } from '../breadth-format';
import { PROPOSAL_VOTES_QUERY } from '../graphql/votes.documents';
import { ScrollableTable } from '../../../shared/ui/ScrollableTable';
import { BroadSupportBadge } from './BroadSupportBadge';

export { BroadSupportBadge };

/** The badge in a proposal page's header, from the figures the vote panel reads (one request). */
export function ProposalBroadSupportBadge({ proposalId }: { proposalId: string }) {
  const { data } = useQuery(PROPOSAL_VOTES_QUERY, { variables: { id: proposalId } });
  return <BroadSupportBadge breadth={data?.proposal.supportBreadth} size="lg" />;
}

/** Whether the proposal has broad support, how far it is, and the rule in words. */
export function BreadthStatus({ breadth }: { breadth: SupportBreadth }) {
  const { t } = useTranslation();
  const formatShare = useFormatShare();
  const values = thresholdValues(breadth.thresholds, formatShare);
  return (
    <Stack gap={4}>
      {breadth.isBroad ? (
        <div>
          <BroadSupportBadge breadth={breadth} />
        </div>
      ) : (
        <Text size="sm" fw={600}>
          {t('breadth.notYet', {
            count: breadth.qualifyingColleges.length,
            total: COLLEGE_COUNT,
            share: values.share,
            minColleges: values.minColleges,
          })}
        </Text>
      )}
      <Text size="xs" c="gray.7">
        {t('breadth.rule', values)}
      </Text>
    </Stack>
  );
}

/**
 * Each collège's Pour / Contre / Neutre counts and shares of all its votes, its "pour" share
 * among pour and contre (what the thresholds look at) and whether it counts towards broad support.
 */
export function CollegeSupportTable({
  colleges,
  breadth,
}: {
  colleges: CollegeSupportFigures[];
  breadth: SupportBreadth;
}) {
  const { t } = useTranslation();
  const formatShare = useFormatShare();
  const cell = (count: number, share: number) =>
    t('breadth.countAndShare', { count, share: formatShare(share) });
  return (
    <ScrollableTable minWidth={520} label={t('breadth.tableCaption')}>
      <Table striped withTableBorder fz="sm" verticalSpacing={6}>
        <Table.Caption>{t('breadth.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('breadth.college')}</Table.Th>
            <Table.Th scope="col">{t('votes.value.FOR')}</Table.Th>
            <Table.Th scope="col">{t('votes.value.AGAINST')}</Table.Th>
            <Table.Th scope="col">{t('votes.value.NEUTRAL')}</Table.Th>
            <Table.Th scope="col">{t('breadth.total')}</Table.Th>
            <Table.Th scope="col">{t('breadth.forShare')}</Table.Th>
            <Table.Th scope="col">{t('breadth.qualifies')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {colleges.map((college) => (
            <Table.Tr key={college.actorType}>
              <Table.Th scope="row">{t(`actorType.${college.actorType}`)}</Table.Th>
              <Table.Td>{cell(college.votesFor, college.forShareOfTotal)}</Table.Td>
              <Table.Td>{cell(college.votesAgainst, college.againstShareOfTotal)}</Table.Td>
              <Table.Td>{cell(college.votesNeutral, college.neutralShareOfTotal)}</Table.Td>
              <Table.Td>{college.total}</Table.Td>
              <Table.Td>{formatShare(college.forShare)}</Table.Td>
              <Table.Td>
                {breadth.qualifyingColleges.includes(college.actorType)
                  ? t('breadth.yes')
                  : t('breadth.no')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollableTable>
  );
}
