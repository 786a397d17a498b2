import { Button, Group, Menu } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { useSignOut } from '../hooks/useAuthActions';
import { useCurrentUser } from '../hooks/useCurrentUser';

const ChevronDown = () => (
  <svg
    aria-hidden
    width="14"
    height="14"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2.5"
  >
    <path d="m6 9 6 6 6-6" />
  </svg>
);

/** "Sign in / Create an account" for visitors; the user's name with a sign-out item otherwise. */
export function AccountMenu() {
  const { t } = useTranslation();
  const { user, loading } = useCurrentUser();
  const { signOut } = useSignOut();
  const navigate = useNavigate();

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

  const handleSignOut = async () => {
    try {
      await signOut();
    } catch {
      return; // the session is still open (network failure): the menu stays as it is
    }
    await navigate(paths.home, { state: { announce: t('account.signedOutNotice') } });
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="light"
          rightSection={<ChevronDown />}
          aria-label={t('account.menuLabel', { name: user.displayName })}
        >
          {user.displayName}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to={paths.profile}>
          {t('nav.profile')}
        </Menu.Item>
        {(user.role === 'MODERATOR' || user.role === 'ADMIN') && (
          <Menu.Item component={Link} to={paths.moderation}>
            {t('nav.moderation')}
          </Menu.Item>
        )}
        <Menu.Item onClick={() => void handleSignOut()}>{t('account.signOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
