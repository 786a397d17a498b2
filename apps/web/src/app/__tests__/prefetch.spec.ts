import { waitFor } from '@testing-library/react';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { Observable } from 'rxjs';
import { PROPOSALS_PAGE_SIZE } from '../../modules/proposals/graphql/proposals.documents';
import {
  parseProposalSearch,
  toProposalsVariables,
} from '../../modules/proposals/hooks/useProposalSearchParams';
import { prefetchPageData } from '../prefetch';

function recordingClient() {
  const operations: { operationName?: string; variables: Record<string, unknown> }[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((observer) => {
        operations.push({ operationName: operation.operationName, variables: operation.variables });
        observer.next({ data: null });
        observer.complete();
      }),
  );
  return { client: new ApolloClient({ link, cache: new InMemoryCache() }), operations };
}

describe('prefetchPageData', () => {
  it('asks for the whole proposal page, in one request, as soon as the app starts', async () => {
    const { client, operations } = recordingClient();
    prefetchPageData(client, { pathname: '/propositions/p%C3%A91', search: '' });
    await waitFor(() => expect(operations).toHaveLength(1));
    expect(operations).toEqual([{ operationName: 'ProposalPage', variables: { id: 'pé1' } }]);
  });

  it('asks for the list the proposals page shows, with the filters of its address', async () => {
    const { client, operations } = recordingClient();
    prefetchPageData(client, { pathname: '/propositions', search: '?q=jardin' });
    await waitFor(() => expect(operations).toHaveLength(3));
    const { variables } = operations.find((o) => o.operationName === 'Proposals') ?? {};
    const search = parseProposalSearch(new URLSearchParams('?q=jardin'));
    expect(variables).toEqual({ ...toProposalsVariables(search), first: PROPOSALS_PAGE_SIZE });
    expect(operations.map((o) => o.operationName).sort()).toEqual([
      'Consultations',
      'Proposals',
      'Themes',
    ]);
  });

  it('asks for nothing on other pages', () => {
    const { client, operations } = recordingClient();
    for (const pathname of ['/', '/propositions/p1/modifier', '/profil']) {
      prefetchPageData(client, { pathname, search: '' });
    }
    expect(operations).toEqual([]);
  });
});
