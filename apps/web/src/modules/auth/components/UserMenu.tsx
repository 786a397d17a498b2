import { Button, Menu } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import type { CurrentUser } from '../../../shared/graphql/schema-types';
import { useSignOut } from '../hooks/useAuthActions';
import { ChevronDown } from './ChevronDown';

/**
 * The signed-in user's menu (profile, moderation, sign out). Its own chunk: the menu and its
 * floating dropdown are not downloaded by visitors.
 */
export function UserMenu({ user }: { user: Pick<CurrentUser, 'displayName' | 'role'> }) {
  const { t } = useTranslation();
  const { signOut } = useSignOut();
  const navigate = useNavigate();

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
