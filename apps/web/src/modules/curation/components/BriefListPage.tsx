import { Alert, Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { errorMessage } from '../../../shared/graphql/errors';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { dashboardPaths } from '../../dashboard/lib/paths';
import { BRIEFS_QUERY } from '../graphql/curation.documents';
import { BriefStatusBadge } from './BriefStatusBadge';
import { NewBriefForm } from './NewBriefForm';

/** /curation: the working copies, most recently updated first, and a form for a new one. */
export function BriefListPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('curation.title'));
  const { data, error } = useQuery(BRIEFS_QUERY, {
    variables: {},
    fetchPolicy: 'cache-and-network',
  });
  const dateFormat = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

  return (
    <Stack gap="xl">
      <PageTitle>{t('curation.title')}</PageTitle>
      <Text>{t('curation.intro')}</Text>
      <Anchor component={Link} to={dashboardPaths.curator} fw={600}>
        {t('dashboard.curatorLink')}
      </Anchor>
      <section aria-labelledby="briefs-heading">
        <Title order={2} id="briefs-heading" mb="sm">
          {t('curation.list.heading')}
        </Title>
        {error && !data ? (
          <Alert color="red" role="alert">
            {errorMessage(error, t)}
          </Alert>
        ) : !data ? (
          <LoadingState />
        ) : data.briefs.length === 0 ? (
          <Text>{t('curation.list.empty')}</Text>
        ) : (
          <Stack component="ul" gap="sm" className="plain-list">
            {data.briefs.map((brief) => (
              <Card component="li" key={brief.id} withBorder padding="md">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Anchor component={Link} to={paths.curationBrief(brief.id)} fw={600}>
                    {brief.title}
                  </Anchor>
                  <BriefStatusBadge status={brief.status} />
                </Group>
                <Text size="sm" c="gray.7">
                  {t('curation.list.updated', {
                    date: dateFormat.format(new Date(brief.updatedAt)),
                  })}
                  {brief.publishedVersion !== null &&
                    ` · ${t('curation.list.publishedVersion', { version: brief.publishedVersion })}`}
                </Text>
              </Card>
            ))}
          </Stack>
        )}
      </section>
      <NewBriefForm />
    </Stack>
  );
}
