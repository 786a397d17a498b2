import { useEffect, useRef, useState } from 'react';
import { useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_VOTES_CHANGED_SUBSCRIPTION } from '../graphql/votes-live.documents';

/** At most one "votes updated" announcement in this window: a busy vote must not drown the page. */
export const VOTES_ANNOUNCE_INTERVAL_MS = 15_000;

interface Totals {
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
}

const sameTotals = (a: Totals, b: Totals) =>
  a.votesFor === b.votesFor &&
  a.votesAgainst === b.votesAgainst &&
  a.votesNeutral === b.votesNeutral;

/**
 * Keeps the proposal's vote figures live: each event is written into the Apollo cache (the panel
 * re-renders from it). Answers the polite message to announce — none when the event only
 * repeats the totals already shown (e.g. the viewer's own vote, applied by its mutation).
 */
export function useLiveProposalVotes(proposalId: string, shown: Totals | undefined): string {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const shownRef = useRef(shown);
  const lastAnnounced = useRef(0);
  useEffect(() => {
    shownRef.current = shown;
  }, [shown]);
  useSubscription(PROPOSAL_VOTES_CHANGED_SUBSCRIPTION, {
    variables: { proposalId },
    ignoreResults: true,
    onData: ({ data }) => {
      const next = data.data?.proposalVotesChanged;
      const before = shownRef.current;
      if (!next || (before && sameTotals(before, next))) return;
      const now = Date.now();
      if (now - lastAnnounced.current < VOTES_ANNOUNCE_INTERVAL_MS) return;
      lastAnnounced.current = now;
      // Alternates an invisible trailing space so that the same sentence is announced again.
      setMessage((previous) =>
        previous.endsWith(' ') ? t('realtime.votesUpdated') : `${t('realtime.votesUpdated')} `,
      );
    },
  });
  return message;
}
