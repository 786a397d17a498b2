import { Suspense, useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { Container, Group, Text, VisuallyHidden } from '@mantine/core';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AccountMenu } from '../../modules/auth/components/AccountMenu';
import { useCurrentUser } from '../../modules/auth/hooks/useCurrentUser';
import { dashboardPaths } from '../../modules/dashboard/lib/paths';
import { LoadingState } from '../../shared/ui/LoadingState';
import { MAIN_ID } from '../../shared/ui/PageTitle';
import { lazyWithMessages } from '../i18n/lazyWithMessages';
import { paths } from '../paths';
import { LanguageSwitch } from './LanguageSwitch';

const Logo = () => (
  <svg aria-hidden width="32" height="32" viewBox="0 0 32 32">
    <rect width="32" height="32" rx="8" fill="var(--mantine-color-passerelle-6)" />
    <path
      d="M5 21c3.5-7 7-10 11-10s7.5 3 11 10"
      fill="none"
      stroke="#fff"
      strokeWidth="2.5"
      strokeLinecap="round"
    />
    <path
      d="M5 23h22M10 23v-5M16 23v-8M22 23v-5"
      stroke="#fff"
      strokeWidth="2"
      strokeLinecap="round"
    />
  </svg>
);

// What only signed-in users see (role-based links, notifications, account notices): loaded once
// the session is known, so visitors never download it.
const AdminNavItem = lazyWithMessages(() =>
  import('../../modules/admin/components/AdminNavItem').then((m) => m.AdminNavItem),
);
const CurationNavItem = lazyWithMessages(() =>
  import('../../modules/curation/components/CurationNavItem').then((m) => m.CurationNavItem),
);
const LocalModerationNavItem = lazyWithMessages(() =>
  import('../../modules/moderation/components/LocalModerationNavItem').then(
    (m) => m.LocalModerationNavItem,
  ),
);
const NotificationBell = lazyWithMessages(() =>
  import('../../modules/notifications/components/NotificationBell').then((m) => m.NotificationBell),
);
const SuspensionBanner = lazyWithMessages(() =>
  import('../../modules/notifications/components/SuspensionBanner').then((m) => m.SuspensionBanner),
);
const EmailVerificationBanner = lazyWithMessages(() =>
  import('../../modules/auth/components/EmailVerificationBanner').then(
    (m) => m.EmailVerificationBanner,
  ),
);

/**
 * Marks `<html data-page-ready>` once the page's code has loaded and React has rendered it, or
 * taken over the server's rendering of it (hydration): from then on its controls respond. Browser
 * tests wait for it after loading a page (tests/e2e/support/test.ts).
 */
function PageReady() {
  useEffect(() => {
    document.documentElement.dataset['pageReady'] = 'true';
  }, []);
  return null;
}

function SignedInOnly({ children }: { children: ReactNode }) {
  const { user } = useCurrentUser();
  return user ? <Suspense fallback={null}>{children}</Suspense> : null;
}

/**
 * The app shell: skip link, header (brand, navigation, language, notifications, account), the
 * suspension notice, main, footer.
 */
export function Layout() {
  const { t } = useTranslation();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);
  const announce = (location.state as { announce?: string } | null)?.announce;

  // After a client-side navigation (not on first load), focus the new page's h1, or main while
  // the page loads, so that screen readers announce it.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus();
  }, [location.pathname]);

  const skipToContent = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <>
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={skipToContent}>
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        {/* Wider than the content: the navigation keeps to one line at 1280 px for every role. */}
        <Container size="xl" py="sm" className="header-grid">
          <Link to={paths.home} className="brand">
            <Logo />
            {t('app.name')}
          </Link>
          <nav className="main-nav" aria-label={t('app.mainNavigation')}>
            <ul>
              <li>
                <NavLink to={paths.home} end>
                  {t('nav.home')}
                </NavLink>
              </li>
              <li>
                <NavLink to={paths.proposals}>{t('nav.proposals')}</NavLink>
              </li>
              <li>
                <NavLink to={paths.experiments}>{t('nav.experiments')}</NavLink>
              </li>
              <li>
                <NavLink to={paths.briefs}>{t('briefs.nav')}</NavLink>
              </li>
              <li>
                <NavLink to={paths.submit}>{t('nav.submit')}</NavLink>
              </li>
              <SignedInOnly>
                <CurationNavItem />
                <AdminNavItem />
                <LocalModerationNavItem />
              </SignedInOnly>
            </ul>
          </nav>
          <div className="header-language">
            <LanguageSwitch />
          </div>
          <Group className="header-account" gap="xs" wrap="nowrap">
            <SignedInOnly>
              <NotificationBell />
            </SignedInOnly>
            <AccountMenu />
          </Group>
        </Container>
      </header>
      <main id={MAIN_ID} ref={mainRef} tabIndex={-1} className="site-main">
        <Container size="lg">
          <SignedInOnly>
            <SuspensionBanner />
            <EmailVerificationBanner />
          </SignedInOnly>
          <Suspense fallback={<LoadingState />}>
            <Outlet />
            <PageReady />
          </Suspense>
        </Container>
      </main>
      <footer className="site-footer">
        <Container size="lg">
          <Text size="sm" c="gray.7">
            {t('app.footer')}
          </Text>
          <Text size="sm" mt="xs">
            <Link to={dashboardPaths.public}>{t('dashboard.footerLink')}</Link>
            {' · '}
            <Link to={paths.privacy}>{t('privacy.footerLink')}</Link>
          </Text>
        </Container>
      </footer>
      <VisuallyHidden role="status">{announce}</VisuallyHidden>
    </>
  );
}
