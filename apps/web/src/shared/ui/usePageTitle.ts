import { createContext, useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What the server writes in the `<head>` of a page it renders (entry-server.tsx): the title
 * that `usePageTitle` would set, and a description for search engines and link previews.
 */
export interface PageHead {
  title?: string;
  description?: string;
}

/**
 * Provided by the server render only: pages write their head into it while rendering (effects
 * do not run on the server). In the browser the hook sets `document.title` in an effect.
 */
export const PageHeadContext = createContext<PageHead | null>(null);

/**
 * Sets the document title ("Page · Passerelle"), as WCAG 2.4.2 asks: `undefined` gives the site
 * name alone (home page), `null` leaves the title to the enclosing page. `description` (a
 * proposal's summary) goes into the head of the page rendered on the server, for search engines
 * and the previews of shared links.
 */
export function usePageTitle(page: string | null | undefined, description?: string): void {
  const { t } = useTranslation();
  const head = useContext(PageHeadContext);
  const title = page === null ? null : page ? t('app.pageTitle', { page }) : t('app.name');
  if (head && title !== null) {
    // The innermost page renders last: its title wins, as its effect would in the browser.
    head.title = title;
    head.description = description;
  }
  useEffect(() => {
    if (title !== null) document.title = title;
  }, [title]);
}
