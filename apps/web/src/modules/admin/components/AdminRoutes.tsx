import { Alert, Anchor, Stack } from '@mantine/core';
import { Link, NavLink, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '@passerelle/domain';
import { paths, withNext } from '../../../app/paths';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { NotFoundPage } from '../../../shared/ui/NotFoundPage';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { accountPaths } from '../../auth/lib/paths';
import { AdminConsultationsPage } from './AdminConsultationsPage';
import { AdminOutboxPage } from './AdminOutboxPage';
import { AdminSecurityPage } from './AdminSecurityPage';
import { AdminUsersPage } from './AdminUsersPage';
import { EditConsultationPage, NewConsultationPage } from './ConsultationFormPage';

/** Shown instead of any /admin page to visitors and to accounts that are not administrators. */
function Restricted() {
  const { t } = useTranslation();
  const location = useLocation();
  const { user } = useCurrentUser();
  usePageTitle(t('admin.title'));
  return (
    <Stack gap="lg">
      <PageTitle>{t('admin.title')}</PageTitle>
      {user ? (
        <Alert color="ochre" role="alert">
          {t('admin.restricted')}
        </Alert>
      ) : (
        <Alert color="blue">
          <Anchor component={Link} to={withNext(paths.signIn, location.pathname)}>
            {t('admin.signInRequired')}
          </Anchor>
        </Alert>
      )}
    </Stack>
  );
}

/** Links between the administration screens. */
function AdminSections() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('admin.sectionsLabel')} className="main-nav">
      <ul>
        <li>
          <NavLink to={paths.adminConsultations}>{t('admin.consultationsTab')}</NavLink>
        </li>
        <li>
          <NavLink to={paths.adminUsers}>{t('admin.usersTab')}</NavLink>
        </li>
        <li>
          <NavLink to={accountPaths.adminOutbox}>{t('accountEmails.outbox.tab')}</NavLink>
        </li>
        <li>
          <NavLink to={paths.adminSecurity}>{t('admin.securityTab')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}

/** The /admin/* screens, for administrators only (the API checks again on every call). */
export function AdminRoutes() {
  const { user, loading } = useCurrentUser();
  if (loading) return <LoadingState />;
  if (!can(user, 'consultation.manage')) return <Restricted />;
  return (
    <Stack gap="lg">
      <AdminSections />
      <Routes>
        <Route index element={<AdminConsultationsPage />} />
        <Route path="consultations" element={<AdminConsultationsPage />} />
        <Route path="consultations/nouvelle" element={<NewConsultationPage />} />
        <Route path="consultations/:slug/modifier" element={<EditConsultationPage />} />
        <Route path="utilisateurs" element={<AdminUsersPage />} />
        <Route path="courriels" element={<AdminOutboxPage />} />
        <Route path="securite" element={<AdminSecurityPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Stack>
  );
}
