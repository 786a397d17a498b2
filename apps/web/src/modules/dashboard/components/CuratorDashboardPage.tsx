import { Anchor } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { CURATOR_DASHBOARD_QUERY } from '../graphql/dashboard.documents';
import { useDashboardParams } from '../hooks/useDashboardParams';
import { dashboardPaths } from '../lib/paths';
import { DashboardView } from './DashboardView';

/**
 * /curation/tableau-de-bord: exact figures for curators and administrators. CurationRoutes keeps
 * other accounts out; the API checks the role again.
 */
export function CuratorDashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('dashboard.curatorTitle'));
  const [params, setParams] = useDashboardParams();
  const { data, previousData, loading, error } = useQuery(CURATOR_DASHBOARD_QUERY, {
    variables: { consultationId: params.consultationId, period: params.period },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <DashboardView
      title={t('dashboard.curatorTitle')}
      intro={
        <>
          {t('dashboard.curatorIntro')}{' '}
          <Anchor component={Link} to={dashboardPaths.public} underline="always">
            {t('dashboard.publicVersion')}
          </Anchor>
        </>
      }
      dashboard={(data ?? previousData)?.curatorDashboard}
      isLoading={loading}
      error={error}
      params={params}
      onChange={setParams}
    />
  );
}
