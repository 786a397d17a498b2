import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface VoteCountsProps {
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
}

const Dot = ({ color }: { color: string }) => (
  <span
    aria-hidden
    style={{
      display: 'inline-block',
      width: 10,
      height: 10,
      borderRadius: 5,
      background: color,
      marginInlineEnd: 6,
    }}
  />
);

/** "12 for · 3 against · 2 neutral", each with a colour dot that is decoration only. */
export function VoteCounts({ votesFor, votesAgainst, votesNeutral }: VoteCountsProps) {
  const { t } = useTranslation();
  return (
    <Group component="p" gap="md" m={0} wrap="wrap">
      <Text component="span" size="sm" fw={600} c="passerelle.8">
        <Dot color="var(--mantine-color-passerelle-6)" />
        {t('proposal.votesFor', { count: votesFor })}
      </Text>
      <Text component="span" size="sm" fw={600} c="red.7">
        <Dot color="var(--mantine-color-red-6)" />
        {t('proposal.votesAgainst', { count: votesAgainst })}
      </Text>
      <Text component="span" size="sm" fw={600} c="gray.7">
        <Dot color="var(--mantine-color-gray-5)" />
        {t('proposal.votesNeutral', { count: votesNeutral })}
      </Text>
    </Group>
  );
}
