import type { ApolloClient } from '@apollo/client';
import { CONSULTATIONS_QUERY } from '../modules/consultations/graphql/consultations.documents';
import {
  PROPOSALS_PAGE_SIZE,
  PROPOSALS_QUERY,
  THEMES_QUERY,
} from '../modules/proposals/graphql/proposals.documents';

const PROPOSAL_PATH = /^\/propositions\/([^/]+)\/?$/;
const PROPOSALS_PATH = /^\/propositions\/?$/;

/**
 * Starts the queries of the page being opened while its code loads, instead of after: the page's
 * own queries then share the requests in flight, or find the answers in the cache. Errors are the
 * page's to show (its query asks again).
 */
export function prefetchPageData(
  client: ApolloClient,
  location: Pick<Location, 'pathname' | 'search'>,
): void {
  const ignore = () => undefined;
  const proposal = PROPOSAL_PATH.exec(location.pathname);
  if (proposal?.[1]) {
    const id = decodeURIComponent(proposal[1]);
    // The page's one query is put together from its sections' documents, which are part of the
    // page's code (not of the initial JavaScript): fetched now.
    import('../modules/proposals/graphql/proposal-page.documents')
      .then(({ PROPOSAL_PAGE_QUERY }) =>
        client.query({ query: PROPOSAL_PAGE_QUERY, variables: { id } }),
      )
      .catch(ignore);
  } else if (PROPOSALS_PATH.test(location.pathname)) {
    client.query({ query: CONSULTATIONS_QUERY }).catch(ignore);
    client.query({ query: THEMES_QUERY }).catch(ignore);
    // The variables ProposalsPage gives ProposalList, from the same search parameters. The module
    // that reads them is part of the page's code (not of the initial JavaScript): fetched now.
    import('../modules/proposals/hooks/useProposalSearchParams')
      .then(({ parseProposalSearch, toProposalsVariables }) => {
        const search = parseProposalSearch(new URLSearchParams(location.search));
        const variables = { ...toProposalsVariables(search), first: PROPOSALS_PAGE_SIZE };
        return client.query({ query: PROPOSALS_QUERY, variables });
      })
      .catch(ignore);
  }
}
