import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { PARTICIPATION_DASHBOARD_QUERY } from '../graphql/dashboard.documents';
import { useDashboardParams } from '../hooks/useDashboardParams';
import { DashboardView } from './DashboardView';
import { OpenDataSection } from './OpenDataSection';

/**
 * /tableau-de-bord: participation for everyone, without personal data (small cells hidden), then
 * the open data files of the consultations.
 */
export function PublicDashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('dashboard.title'));
  const [params, setParams] = useDashboardParams();
  const { data, previousData, loading, error } = useQuery(PARTICIPATION_DASHBOARD_QUERY, {
    variables: { consultationId: params.consultationId, period: params.period },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <DashboardView
      title={t('dashboard.title')}
      intro={t('dashboard.intro')}
      dashboard={(data ?? previousData)?.participationDashboard}
      isLoading={loading}
      error={error}
      params={params}
      onChange={setParams}
    >
      <OpenDataSection consultationId={params.consultationId} />
    </DashboardView>
  );
}
