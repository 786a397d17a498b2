import type { CSSProperties } from 'react';
import { Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpinionGroupVotes } from '../../../shared/graphql/schema-types';
import { ScrollableTable } from '../../../shared/ui/ScrollableTable';
import { useFormatShare } from '../../votes/breadth-format';

type Side = 'agree' | 'neutral' | 'disagree';

const SIDES: Side[] = ['agree', 'neutral', 'disagree'];

/** Figures of one side of a group's votes. */
function figures(group: OpinionGroupVotes, side: Side): { count: number; share: number } {
  if (side === 'agree') return { count: group.agree, share: group.agreeShare };
  if (side === 'neutral') return { count: group.pass, share: group.passShare };
  return { count: group.disagree, share: group.disagreeShare };
}

// Colour and texture tell the segments apart (neutral plain grey, against hatched); the
// figures are always written next to the bar, so colour is never the only carrier.
const SEGMENT_STYLES: Record<Side, CSSProperties> = {
  agree: { background: 'var(--mantine-color-passerelle-6)' },
  neutral: { background: 'var(--mantine-color-gray-4)' },
  disagree: {
    backgroundColor: 'var(--mantine-color-red-7)',
    backgroundImage:
      'repeating-linear-gradient(135deg, rgba(255, 255, 255, 0.35) 0 3px, transparent 3px 7px)',
  },
};

const TEXT_COLORS: Record<Side, string> = {
  agree: 'passerelle.8',
  neutral: 'gray.8',
  disagree: 'red.8',
};

/** The stacked bar of a group: decoration only (aria-hidden), the figures are written beside it. */
function GroupBar({ group }: { group: OpinionGroupVotes }) {
  return (
    <div
      aria-hidden
      data-testid="opinion-bar"
      style={{
        display: 'flex',
        gap: 2,
        height: '0.875rem',
        overflow: 'hidden',
        borderRadius: 999,
        background: 'var(--mantine-color-gray-1)',
        outline: '1px solid var(--mantine-color-gray-4)',
      }}
    >
      {SIDES.map((side) => {
        const { share } = figures(group, side);
        return share > 0 ? (
          <span key={side} style={{ ...SEGMENT_STYLES[side], width: `${share * 100}%` }} />
        ) : null;
      })}
    </div>
  );
}

/**
 * Each opinion group's votes on the proposal as a list: the group's name and size, a stacked
 * bar and the for / neutral / against shares and counts in words (what screen readers read).
 */
export function GroupVotesList({ groups }: { groups: OpinionGroupVotes[] }) {
  const { t } = useTranslation();
  const formatShare = useFormatShare();
  return (
    <Stack
      component="ul"
      gap="md"
      aria-label={t('opinions.listLabel')}
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {groups.map((group) => (
        <Stack component="li" key={group.groupId} gap={6} data-testid="opinion-group">
          <Group gap="xs" justify="space-between" wrap="wrap">
            <Text component="span" fw={700}>
              {t('opinions.group', { label: group.label })}
            </Text>
            <Text component="span" size="sm" c="gray.7">
              {t('opinions.groupSize', { count: group.groupSize })}
              {' · '}
              {t('opinions.groupVotes', { count: group.total })}
            </Text>
          </Group>
          {group.total === 0 ? (
            <Text size="sm" c="gray.7">
              {t('opinions.noVotes')}
            </Text>
          ) : (
            <>
              <GroupBar group={group} />
              <Group component="p" gap="md" m={0} wrap="wrap">
                {SIDES.map((side) => {
                  const { count, share } = figures(group, side);
                  return (
                    <Text key={side} component="span" size="sm" fw={600} c={TEXT_COLORS[side]}>
                      {t('opinions.figure', {
                        label: t(`opinions.${side}`),
                        share: formatShare(share),
                        count,
                      })}
                    </Text>
                  );
                })}
              </Group>
            </>
          )}
        </Stack>
      ))}
    </Stack>
  );
}

/** The same figures as a table, for those who compare groups column by column. */
export function GroupVotesTable({ groups }: { groups: OpinionGroupVotes[] }) {
  const { t } = useTranslation();
  const formatShare = useFormatShare();
  return (
    <ScrollableTable minWidth={480} label={t('opinions.tableCaption')}>
      <Table striped withTableBorder fz="sm" verticalSpacing={6}>
        <Table.Caption>{t('opinions.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('opinions.tableGroup')}</Table.Th>
            <Table.Th scope="col">{t('opinions.tableMembers')}</Table.Th>
            {SIDES.map((side) => (
              <Table.Th key={side} scope="col">
                {t(`opinions.${side}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('opinions.tableTotal')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((group) => (
            <Table.Tr key={group.groupId}>
              <Table.Th scope="row">{t('opinions.group', { label: group.label })}</Table.Th>
              <Table.Td>{group.groupSize}</Table.Td>
              {SIDES.map((side) => {
                const { count, share } = figures(group, side);
                return (
                  <Table.Td key={side}>
                    {t('opinions.countAndShare', { count, share: formatShare(share) })}
                  </Table.Td>
                );
              })}
              <Table.Td>{group.total}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollableTable>
  );
}
