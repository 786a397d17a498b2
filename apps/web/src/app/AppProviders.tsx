import type { ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { theme } from './providers/theme';

interface AppProvidersProps {
  i18n: I18n;
  /** Omit when an outer provider (e.g. MockedProvider in unit tests) supplies the client. */
  client?: ApolloClient;
  /** 'test' turns Mantine's transitions and portals off (jsdom). */
  env?: 'default' | 'test';
  children: ReactNode;
}

export function AppProviders({ i18n, client, env, children }: AppProvidersProps) {
  const content = (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light" env={env}>
        {children}
      </MantineProvider>
    </I18nextProvider>
  );
  return client ? <ApolloProvider client={client}>{content}</ApolloProvider> : content;
}
