import { Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from './PageTitle';
import { usePageTitle } from './usePageTitle';

/** Not-found page; `message` says what was missing (e.g. a proposal). */
export function NotFoundPage({ message }: { message?: string }) {
  const { t } = useTranslation();
  // A page showing this for a missing resource sets the document title itself.
  usePageTitle(message ? null : t('notFound.title'));
  return (
    <Stack gap="md" maw={640} py="xl">
      <Text fw={700} c="passerelle.7" fz={48} lh={1} aria-hidden>
        404
      </Text>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Text size="lg">{message ?? t('notFound.text')}</Text>
      <div>
        <Button component={Link} to="/">
          {t('notFound.home')}
        </Button>
      </div>
    </Stack>
  );
}
