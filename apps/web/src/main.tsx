import '@mantine/core/styles.css';
import './app/styles.css';
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
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
import { readServerState } from './app/server-rendering';
import { createApolloClient, createSessionRefresher } from './app/providers/apollo';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/**
 * Renders once the stored language's dictionary is in memory (English is fetched on demand). A
 * page the server rendered (entry-server.tsx: anonymous visitors, French) is hydrated from the
 * answers it carries, without asking for them again; in another language it is rendered anew.
 */
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
  const server = readServerState(document);
  const hydrates = server !== null && server.language === getLanguage();
  if (hydrates) client.cache.restore(server.cache);
  else prefetchPageData(client, window.location);

  const app = (
    <StrictMode>
      <AppProviders i18n={i18n} client={client}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AppProviders>
    </StrictMode>
  );
  // A transition renders (and hydrates) in slices that yield to the browser every few
  // milliseconds, instead of one long task that keeps a slow phone from responding.
  startTransition(() => {
    if (hydrates) hydrateRoot(container, app);
    else createRoot(container).render(app);
  });
}

void start(root);
