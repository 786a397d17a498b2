/**
 * What readers see of a deleted account and of an erased proposal. The API stores neutral French
 * texts in their place (`Participant.deleted`, `Proposal.erased` say so); the web app shows its
 * own translation instead.
 */
type Translate = (
  key: 'privacy.anonymous' | 'privacy.erasedProposal' | 'privacy.erasedProposalText',
) => string;

/** The name to show for an author: "Anonymous participant" (translated) for a deleted account. */
export function authorName(
  author: { displayName: string; deleted?: boolean | null },
  t: Translate,
): string {
  return author.deleted ? t('privacy.anonymous') : author.displayName;
}

/** The title to show for a proposal: a translated placeholder once its author erased it. */
export function proposalTitle(
  proposal: { title: string; erased?: boolean | null },
  t: Translate,
): string {
  return proposal.erased ? t('privacy.erasedProposal') : proposal.title;
}

/** The summary or body to show for a proposal: a translated placeholder once erased. */
export function proposalText(
  proposal: { erased?: boolean | null },
  text: string,
  t: Translate,
): string {
  return proposal.erased ? t('privacy.erasedProposalText') : text;
}
