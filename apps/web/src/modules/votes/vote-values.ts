import type { VoteValue } from '../../shared/graphql/schema-types';

/** The buttons' order: for, neutral, against (neutral in the middle). */
export const VOTE_BUTTON_ORDER: readonly VoteValue[] = ['FOR', 'NEUTRAL', 'AGAINST'];

/**
 * The values to offer, in the buttons' order: those the consultation allows, or all of them
 * while its settings are unknown (loading, or an API without the setting).
 */
export function offeredVoteValues(allowed: readonly VoteValue[] | null | undefined): VoteValue[] {
  if (!allowed || allowed.length === 0) return [...VOTE_BUTTON_ORDER];
  return VOTE_BUTTON_ORDER.filter((value) => allowed.includes(value));
}
