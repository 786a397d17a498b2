import { Alert, Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { errorMessage } from '../../../shared/graphql/errors';
import { formatDate } from '../../../shared/ui/format';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { PUBLISHED_BRIEFS_QUERY } from '../graphql/briefs.documents';

/** The published briefs, newest publication first: title, current version and its date. */
export function BriefsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('briefs.listTitle'));
  const { data, error, loading } = useQuery(PUBLISHED_BRIEFS_QUERY);
  const briefs = data?.publishedBriefs;

  return (
    <Stack gap="lg">
      <Stack gap="xs" component="header">
        <PageTitle fz={{ base: 26, sm: 34 }}>{t('briefs.listTitle')}</PageTitle>
        <Text c="gray.7">{t('briefs.listIntro')}</Text>
      </Stack>
      {loading && !briefs && <LoadingState />}
      {error && !briefs && (
        <Alert color="red" role="alert">
          {errorMessage(error, t)}
        </Alert>
      )}
      {briefs && briefs.length === 0 && <Text>{t('briefs.empty')}</Text>}
      {briefs && briefs.length > 0 && (
        <Stack component="ul" gap="sm" className="plain-list" p={0} m={0}>
          {briefs.map((brief) => (
            <Card component="li" key={brief.id} withBorder radius="md" padding="md">
              <Stack gap={4}>
                <Title order={2} fz="h3">
                  <Anchor component={Link} to={paths.brief(brief.slug)}>
                    {brief.title}
                  </Anchor>
                </Title>
                <Text size="sm" c="gray.7">
                  {t('briefs.versionLabel', { number: brief.currentVersion.number })}
                  {' · '}
                  <time dateTime={brief.currentVersion.publishedAt}>
                    {t('briefs.publishedOn', {
                      date: formatDate(brief.currentVersion.publishedAt, i18n.language),
                    })}
                  </time>
                </Text>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
