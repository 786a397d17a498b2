import { can } from '@passerelle/domain';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';

/** The main navigation's "Administration" entry, shown to administrators only. */
export function AdminNavItem() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  if (!can(user, 'consultation.manage')) return null;
  return (
    <li>
      <NavLink to={paths.admin}>{t('admin.nav')}</NavLink>
    </li>
  );
}
