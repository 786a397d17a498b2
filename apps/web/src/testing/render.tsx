import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { ApolloLink } from '@apollo/client';
import { getMainDefinition } from '@apollo/client/utilities';
import { MockLink } from '@apollo/client/testing';
import { Observable } from 'rxjs';
import { MockedProvider } from '@apollo/client/testing/react';
import { MemoryRouter } from 'react-router';
import type { Language } from '@passerelle/domain';
import { AppProviders } from '../app/AppProviders';
import { createI18n } from '../app/i18n/i18n';
import { createCache } from '../app/providers/apollo';
import { isOperationSubscription } from '../app/providers/realtime';
import type { LiveServer } from './liveServer';

/**
 * The mocks, as a link. Subscriptions without a mock go to the test's live server, or stay open
 * and silent like a server with nothing to push: components that listen live need no mock in
 * tests that do not exercise it.
 */
function mockedLink(mocks: readonly MockLink.MockedResponse[], live?: LiveServer): ApolloLink {
  const mocked = new Set(mocks.map((mock) => getMainDefinition(mock.request.query).name?.value));
  return ApolloLink.split(
    (operation) => isOperationSubscription(operation) && !mocked.has(operation.operationName),
    live?.link ?? new ApolloLink(() => new Observable<ApolloLink.Result>(() => undefined)),
    new MockLink(mocks),
  );
}

/** Renders UI with the app's providers, a router at `route` and mocked GraphQL answers (unit tests only). */
export function renderWithApp(
  ui: ReactElement,
  {
    mocks = [],
    route = '/',
    language = 'fr',
    live,
  }: {
    mocks?: MockLink.MockedResponse[];
    route?: string;
    language?: Language;
    /** Pushes subscription events (see createLiveServer). */
    live?: LiveServer;
  } = {},
) {
  const i18n = createI18n(language);
  const result = render(
    <MockedProvider link={mockedLink(mocks, live)} cache={createCache()}>
      <AppProviders i18n={i18n} env="test">
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </AppProviders>
    </MockedProvider>,
  );
  return { ...result, i18n };
}
