import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { MemoryRouter } from 'react-router';
import type { Language } from '@passerelle/domain';
import { AppProviders } from '../app/AppProviders';
import { createI18n } from '../app/i18n/i18n';
import { createCache } from '../app/providers/apollo';

/** Renders UI with the app's providers, a router at `route` and mocked GraphQL answers (unit tests only). */
export function renderWithApp(
  ui: ReactElement,
  {
    mocks = [],
    route = '/',
    language = 'fr',
  }: { mocks?: MockLink.MockedResponse[]; route?: string; language?: Language } = {},
) {
  const i18n = createI18n(language);
  const result = render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <AppProviders i18n={i18n} env="test">
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </AppProviders>
    </MockedProvider>,
  );
  return { ...result, i18n };
}
