import { can } from '@passerelle/domain';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';

/** The main navigation's "Curation" entry, shown to curators and administrators only. */
export function CurationNavItem() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  if (!can(user, 'brief.edit')) return null;
  return (
    <li>
      <NavLink to={paths.curation}>{t('curation.nav')}</NavLink>
    </li>
  );
}
