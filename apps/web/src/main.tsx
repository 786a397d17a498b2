import '@mantine/core/styles.css';
import './app/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppProviders } from './app/AppProviders';
import { AppRoutes } from './app/AppRoutes';
import { currentLanguage, createI18n } from './app/i18n/i18n';
import { createApolloClient, createSessionRefresher } from './app/providers/apollo';

const i18n = createI18n();
const getLanguage = () => currentLanguage(i18n);
const client = createApolloClient(getLanguage, createSessionRefresher(getLanguage));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AppProviders i18n={i18n} client={client}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  </StrictMode>,
);
