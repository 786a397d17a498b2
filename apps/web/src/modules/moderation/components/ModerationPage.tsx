import type { ReactNode } from 'react';
import { Alert, Anchor, Stack, Tabs } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths, withNext } from '../../../app/paths';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { P, useModerationSearchParams } from '../hooks/useModerationSearchParams';
import { AuditLog } from './AuditLog';
import { ModerationQueue } from './ModerationQueue';
import { isModerator } from './ProposalModeration';

function Guard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, loading } = useCurrentUser();
  if (loading) return <LoadingState />;
  if (!user) {
    return (
      <Alert color="blue">
        <Anchor component={Link} to={withNext(paths.signIn, paths.moderation)}>
          {t('moderation.signInRequired')}
        </Anchor>
      </Alert>
    );
  }
  if (!isModerator(user.role)) {
    return (
      <Alert color="ochre" role="alert">
        {t('moderation.notAllowed')}
      </Alert>
    );
  }
  return <>{children}</>;
}

/** The moderation queue and the audit log, for moderators and admins. */
export function ModerationPage() {
  const { t } = useTranslation();
  usePageTitle(t('moderation.pageTitle'));
  const { tab, set } = useModerationSearchParams();
  return (
    <Stack gap="lg">
      <PageTitle>{t('moderation.pageTitle')}</PageTitle>
      <Guard>
        <Tabs
          value={tab}
          onChange={(value) => set(P.tab, value === 'audit' ? 'journal' : null)}
          keepMounted={false}
        >
          <Tabs.List>
            <Tabs.Tab value="queue">{t('moderation.queueTab')}</Tabs.Tab>
            <Tabs.Tab value="audit">{t('moderation.auditTab')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="queue" pt="md">
            <ModerationQueue />
          </Tabs.Panel>
          <Tabs.Panel value="audit" pt="md">
            <AuditLog />
          </Tabs.Panel>
        </Tabs>
      </Guard>
    </Stack>
  );
}
