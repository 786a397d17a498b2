import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Sets the document title ("Page · Passerelle"), as WCAG 2.4.2 asks: `undefined` gives the site
 * name alone (home page), `null` leaves the title to the enclosing page.
 */
export function usePageTitle(page: string | null | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    if (page === null) return;
    document.title = page ? t('app.pageTitle', { page }) : t('app.name');
  }, [page, t]);
}
