/**
 * Server rendering of the public pages a visitor opens first (home, proposals list, proposal
 * page): the API calls `renderPage` for an anonymous GET and sends the page's HTML with the
 * answers of its queries, so a phone shows the content as soon as the HTML and the style sheet
 * arrive instead of after the scripts and the queries; main.tsx then hydrates it. Built by
 * `vite build --ssr` into dist/web-ssr (apps/web/vite.config.mts), loaded by
 * apps/api/src/common/http/server-render.ts.
 */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { prerender } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { ApolloClient, ApolloLink, HttpLink } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { prerenderStatic } from '@apollo/client/react/ssr';
import type { i18n as I18n } from 'i18next';
import { AppProviders } from './app/AppProviders';
import { AppRoutes } from './app/AppRoutes';
import { createI18n, DEFAULT_UI_LANGUAGE, loadPageMessages } from './app/i18n/i18n';
import { createCache, languageLink } from './app/providers/apollo';
import { pageHeadMarkup, serverStateScript } from './app/server-rendering';
import { type PageHead, PageHeadContext } from './shared/ui/usePageTitle';

export interface RenderPageOptions {
  /** The path and query string asked for (e.g. `/propositions?ordre=HOT`). */
  url: string;
  /** Absolute address of the API's GraphQL endpoint (the same process, over loopback). */
  graphqlUrl: string;
  /** Stops the render (the API then sends the page without server rendering). */
  signal?: AbortSignal;
}

export interface RenderedPage {
  /** The markup of `#root`. */
  html: string;
  /**
   * The element to put after `#root`: the Apollo cache after the render and the language, from
   * which main.tsx hydrates the page instead of asking again.
   */
  stateScript: string;
  /**
   * The `<title>` and description elements of the page (its title, a proposal's summary, and
   * their Open Graph copies for link previews), to replace those of index.html.
   */
  head: string;
}

/** React's mark of a Suspense boundary sent as its fallback. */
const PENDING_BOUNDARY = '<!--$?-->';

let french: Promise<I18n> | null = null;

/** One French i18next instance with every message, shared by the renders (they only read it). */
function frenchI18n(): Promise<I18n> {
  french ??= loadPageMessages().then(() => createI18n(DEFAULT_UI_LANGUAGE));
  return french;
}

/** Renders a page as an anonymous French visitor sees it, once its queries have answered. */
export async function renderPage({
  url,
  graphqlUrl,
  signal,
}: RenderPageOptions): Promise<RenderedPage> {
  const i18n = await frenchI18n();
  // A query that fails (an unknown proposal, the API busy) leaves the page to the browser, which
  // shows the error with its way out (retry, not found) instead of a page frozen half-loaded.
  let failure: string | null = null;
  const failures = new ErrorLink(({ error, operation }) => {
    failure ??= `${operation.operationName ?? 'a query'}: ${error.message}`;
  });
  const client = new ApolloClient({
    ssrMode: true,
    link: ApolloLink.from([
      failures,
      languageLink(() => DEFAULT_UI_LANGUAGE),
      new HttpLink({ uri: graphqlUrl, fetchOptions: { signal } }),
    ]),
    cache: createCache(),
  });
  const head: PageHead = {};
  const tree = (
    <StrictMode>
      <PageHeadContext value={head}>
        <AppProviders i18n={i18n} client={client}>
          <StaticRouter location={url}>
            <AppRoutes />
          </StaticRouter>
        </AppProviders>
      </PageHeadContext>
    </StrictMode>
  );
  try {
    // Renders until every query has answered and every page's code is loaded…
    await prerenderStatic({
      tree,
      signal,
      renderFunction: (node) => prerender(node, { signal }),
      ignoreResults: true,
      maxRerenders: 5,
    });
    // …then once more with all of it in memory: nothing suspends, so the markup is whole, with
    // no boundary left to reveal by an inline script (the Content-Security-Policy forbids them).
    if (failure) throw new Error(`${url}: ${failure}`);
    // The head of the last pass only (the first passes saw the pages loading).
    head.title = head.description = undefined;
    const html = renderToString(tree);
    if (html.includes(PENDING_BOUNDARY)) throw new Error(`${url}: part of the page did not load`);
    const stateScript = serverStateScript({
      language: DEFAULT_UI_LANGUAGE,
      cache: client.extract() as Record<string, unknown>,
    });
    return { html, stateScript, head: pageHeadMarkup(head, i18n.t('app.name')) };
  } finally {
    client.stop();
  }
}
