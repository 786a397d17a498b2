import '@mantine/core/styles.css';
import './app/styles.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppProviders } from './app/AppProviders';
import { AppRoutes } from './app/AppRoutes';
import {
  currentLanguage,
  createI18n,
  DEFAULT_UI_LANGUAGE,
  loadDictionary,
  storedLanguage,
} from './app/i18n/i18n';
import { prefetchPageData } from './app/prefetch';
import { createApolloClient, createSessionRefresher } from './app/providers/apollo';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/** Renders once the stored language's dictionary is in memory (English is fetched on demand). */
async function start(container: HTMLElement) {
  const language = storedLanguage();
  // Offline or a failed chunk: French rather than a blank page.
  const ready = await loadDictionary(language).then(
    () => true,
    () => false,
  );
  const i18n = createI18n(ready ? language : DEFAULT_UI_LANGUAGE);
  const getLanguage = () => currentLanguage(i18n);
  const client = createApolloClient(getLanguage, createSessionRefresher(getLanguage));
  prefetchPageData(client, window.location);

  const reactRoot = createRoot(container);
  // A transition renders in slices that yield to the browser every few milliseconds, instead of
  // one long task that keeps a slow phone from responding while the first page is built.
  startTransition(() => {
    reactRoot.render(
      <StrictMode>
        <AppProviders i18n={i18n} client={client}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AppProviders>
      </StrictMode>,
    );
  });
}

void start(root);
