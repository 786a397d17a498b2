import { lazy } from 'react';
import { Alert, Anchor, Stack } from '@mantine/core';
import { Link, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '@passerelle/domain';
import { paths, withNext } from '../../../app/paths';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { NotFoundPage } from '../../../shared/ui/NotFoundPage';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { BriefEditorPage } from './BriefEditorPage';
import { BriefListPage } from './BriefListPage';

// The dashboard carries the map of France: loaded when first visited.
const CuratorDashboardPage = lazy(() =>
  import('../../dashboard/components/CuratorDashboardPage').then((m) => ({
    default: m.CuratorDashboardPage,
  })),
);

/** Shown instead of the workspace to visitors and to accounts that are not curators. */
function Restricted() {
  const { t } = useTranslation();
  const location = useLocation();
  const { user } = useCurrentUser();
  usePageTitle(t('curation.title'));
  return (
    <Stack gap="lg">
      <PageTitle>{t('curation.title')}</PageTitle>
      {user ? (
        <Alert color="ochre" role="alert">
          {t('curation.restricted')}
        </Alert>
      ) : (
        <Alert color="blue">
          <Anchor component={Link} to={withNext(paths.signIn, location.pathname)}>
            {t('curation.signInRequired')}
          </Anchor>
        </Alert>
      )}
    </Stack>
  );
}

/** /curation/*: the curators' workspace (the API checks the role again on every call). */
export function CurationRoutes() {
  const { user, loading } = useCurrentUser();
  if (loading) return <LoadingState />;
  if (!can(user, 'brief.edit')) return <Restricted />;
  return (
    <Routes>
      <Route index element={<BriefListPage />} />
      <Route path="tableau-de-bord" element={<CuratorDashboardPage />} />
      <Route path=":id" element={<BriefEditorPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
