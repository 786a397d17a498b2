import type { ReactNode } from 'react';
import { Alert, Anchor, Stack, Tabs, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths, withNext } from '../../../app/paths';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { useModerationAccess } from '../hooks/useModerationAccess';
import { P, useModerationSearchParams } from '../hooks/useModerationSearchParams';
import { AuditLog } from './AuditLog';
import { ModerationQueue } from './ModerationQueue';

function Guard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, loading } = useCurrentUser();
  const access = useModerationAccess();
  if (loading || access.loading) return <LoadingState />;
  if (!user) {
    return (
      <Alert color="blue">
        <Anchor component={Link} to={withNext(paths.signIn, paths.moderation)}>
          {t('moderation.signInRequired')}
        </Anchor>
      </Alert>
    );
  }
  if (!access.mayModerate) {
    return (
      <Alert color="ochre" role="alert">
        {t('moderation.notAllowed')}
      </Alert>
    );
  }
  return <>{children}</>;
}

/** A local moderator's queue: their consultations only, without the platform's audit log. */
function LocalModeration() {
  const { t } = useTranslation();
  const { localConsultations } = useModerationAccess();
  return (
    <Stack gap="md">
      <Text>
        {t('localModerators.localScope', {
          titles: localConsultations.map((consultation) => consultation.title).join(', '),
        })}
      </Text>
      <ModerationQueue consultations={localConsultations} />
    </Stack>
  );
}

/** The moderation queue and the audit log, for moderators and admins (local moderators: their queue). */
export function ModerationPage() {
  const { t } = useTranslation();
  usePageTitle(t('moderation.pageTitle'));
  const { tab, set } = useModerationSearchParams();
  const { isPlatformModerator } = useModerationAccess();
  return (
    <Stack gap="lg">
      <PageTitle>{t('moderation.pageTitle')}</PageTitle>
      <Guard>
        {!isPlatformModerator ? (
          <LocalModeration />
        ) : (
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
        )}
      </Guard>
    </Stack>
  );
}
