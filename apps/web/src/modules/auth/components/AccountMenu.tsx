import { Suspense } from 'react';
import { Button, Group } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { lazyWithMessages } from '../../../app/i18n/lazyWithMessages';
import { paths } from '../../../app/paths';
import { useCurrentUser } from '../hooks/useCurrentUser';
import { ChevronDown } from './ChevronDown';

const UserMenu = lazyWithMessages(() => import('./UserMenu').then((m) => m.UserMenu));

/** "Sign in / Create an account" for visitors; the user's name with a sign-out item otherwise. */
export function AccountMenu() {
  const { t } = useTranslation();
  const { user, loading } = useCurrentUser();

  if (loading) return null;

  if (!user) {
    return (
      <Group gap="xs" wrap="wrap">
        <Button component={Link} to={paths.signIn} variant="subtle" color="gray.8">
          {t('account.signIn')}
        </Button>
        <Button component={Link} to={paths.signUp}>
          {t('account.signUp')}
        </Button>
      </Group>
    );
  }

  return (
    // Until the menu's chunk arrives: the same button, inert and hidden from assistive technologies.
    <Suspense
      fallback={
        <Button component="span" variant="light" rightSection={<ChevronDown />} aria-hidden>
          {user.displayName}
        </Button>
      }
    >
      <UserMenu user={user} />
    </Suspense>
  );
}
