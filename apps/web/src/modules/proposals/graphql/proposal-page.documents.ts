import type { TypedDocumentNode } from '@apollo/client';
import type { ProposalDetail } from '../../../shared/graphql/schema-types';
import { mergeRootFieldQueries } from '../../../shared/graphql/merge-documents';
import {
  PROPOSAL_AMENDMENTS_QUERY,
  PROPOSAL_COAUTHORS_QUERY,
} from '../../amendments/graphql/amendments.documents';
import { PROPOSAL_CITED_IN_QUERY } from '../../briefs/graphql/briefs.documents';
import { PROPOSAL_CLUSTER_INFO_QUERY } from '../../clusters/graphql/clusters.documents';
import { PROPOSAL_COMMENTS_QUERY } from '../../comments/graphql/comments.documents';
import { PROPOSAL_MODERATION_QUERY } from '../../moderation/graphql/moderation.documents';
import { PROPOSAL_OPINIONS_QUERY } from '../../opinions/graphql/opinions.documents';
import {
  PROPOSAL_VOTE_VALUES_QUERY,
  PROPOSAL_VOTES_QUERY,
} from '../../votes/graphql/votes.documents';
import {
  PROPOSAL_BODY_QUERY,
  PROPOSAL_DRAFT_QUERY,
  PROPOSAL_FOLLOW_QUERY,
  PROPOSAL_HISTORY_QUERY,
  PROPOSAL_QUERY,
  PROPOSAL_REVIEW_QUERY,
} from './proposals.documents';
import { PROPOSAL_EXPERIMENTS_QUERY } from './proposal-experiments.documents';

/**
 * The queries of the proposal page's sections, each `proposal(id: $id) { … }`: the page sends them
 * as one request (PROPOSAL_PAGE_QUERY), then each section's own query is answered by the cache.
 * At Lighthouse's 4× CPU slowdown each query the browser sends costs 10–20 ms of Apollo work and
 * every answer written to the cache makes the sections already shown read it again.
 */
export const PROPOSAL_PAGE_SECTION_QUERIES = [
  PROPOSAL_QUERY,
  PROPOSAL_REVIEW_QUERY,
  PROPOSAL_DRAFT_QUERY,
  PROPOSAL_MODERATION_QUERY,
  PROPOSAL_CLUSTER_INFO_QUERY,
  PROPOSAL_CITED_IN_QUERY,
  PROPOSAL_BODY_QUERY,
  PROPOSAL_EXPERIMENTS_QUERY,
  PROPOSAL_OPINIONS_QUERY,
  PROPOSAL_VOTES_QUERY,
  PROPOSAL_VOTE_VALUES_QUERY,
  PROPOSAL_FOLLOW_QUERY,
  PROPOSAL_COMMENTS_QUERY,
  PROPOSAL_HISTORY_QUERY,
  PROPOSAL_COAUTHORS_QUERY,
  PROPOSAL_AMENDMENTS_QUERY,
];

/**
 * Everything the proposal page shows, in one request (only the `proposal` root field, so that an
 * anonymous visitor's answer stays in the API's public-read cache). `$after` (the comments'
 * cursor) is left null.
 */
export const PROPOSAL_PAGE_QUERY: TypedDocumentNode<
  { proposal: ProposalDetail & { awaitingReview: boolean } },
  { id: string }
> = mergeRootFieldQueries('ProposalPage', PROPOSAL_PAGE_SECTION_QUERIES);
