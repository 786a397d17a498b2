/**
 * The GraphQL operations the benchmark sends: the web app's own documents (printed from
 * apps/web/src/modules/**\/graphql/*.documents.ts), so the API is measured on what browsers ask.
 */
import { type DocumentNode, print } from 'graphql';
import { PROPOSAL_COMMENTS_QUERY } from '../../../apps/web/src/modules/comments/graphql/comments.documents';
import { MODERATION_QUEUE_QUERY } from '../../../apps/web/src/modules/moderation/graphql/moderation.documents';
import {
  PROPOSAL_QUERY,
  PROPOSALS_QUERY,
  SUBMIT_PROPOSAL_MUTATION,
} from '../../../apps/web/src/modules/proposals/graphql/proposals.documents';
import { PROPOSAL_PAGE_QUERY } from '../../../apps/web/src/modules/proposals/graphql/proposal-page.documents';
import { CAST_VOTE_MUTATION } from '../../../apps/web/src/modules/votes/graphql/votes.documents';

const text = (document: DocumentNode) => print(document);

export const OPERATIONS = {
  /** The proposals page (ProposalsPage → ProposalList). */
  proposals: text(PROPOSALS_QUERY),
  /** The proposal page's sections, each on its own (the page sends PROPOSAL_PAGE). */
  proposal: text(PROPOSAL_QUERY),
  proposalComments: text(PROPOSAL_COMMENTS_QUERY),
  castVote: text(CAST_VOTE_MUTATION),
  submitProposal: text(SUBMIT_PROPOSAL_MUTATION),
  /** The moderation page's queue (ModerationPage → ModerationQueue). */
  moderationQueue: text(MODERATION_QUEUE_QUERY),
  signIn: `mutation SignIn($input: SignInInput!) { signIn(input: $input) { accessToken user { id } } }`,
};

export type OrderBy =
  | 'NEWEST'
  | 'OLDEST'
  | 'TOP'
  | 'HOT'
  | 'CONTROVERSIAL'
  | 'MOST_COMMENTED'
  | 'RELEVANCE'
  | 'CONSENSUS'
  | 'DIVISIVE';

/** Every ProposalOrderBy value but RELEVANCE, which needs a search (the search scenarios use it). */
export const LIST_ORDERS: readonly OrderBy[] = [
  'NEWEST',
  'OLDEST',
  'TOP',
  'HOT',
  'CONTROVERSIAL',
  'MOST_COMMENTED',
  'CONSENSUS',
  'DIVISIVE',
];

export interface ListFilter {
  themeSlugs?: string[];
  territoryId?: string;
  broadSupport?: boolean;
}

export function body(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

export function listBody(
  first: number,
  orderBy: OrderBy,
  filter?: ListFilter,
  search?: string,
): string {
  return body(OPERATIONS.proposals, {
    first,
    after: null,
    filter: filter ?? null,
    orderBy,
    search: search ?? null,
  });
}

/**
 * The proposal page's one request (ProposalPage → PROPOSAL_PAGE_QUERY): the `proposal` root field
 * with the selections of every section's query (the proposal, its votes, comments three levels
 * deep, opinions, history, cluster, citations, moderation), put together from the web documents,
 * so it follows them.
 */
export const PROPOSAL_PAGE = text(PROPOSAL_PAGE_QUERY);
