import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { useModerationAccess } from '../hooks/useModerationAccess';

/**
 * The main navigation's moderation entry for local moderators (platform moderators and
 * administrators find it in their account menu).
 */
export function LocalModerationNavItem() {
  const { t } = useTranslation();
  const { isPlatformModerator, localConsultations } = useModerationAccess();
  if (isPlatformModerator || localConsultations.length === 0) return null;
  return (
    <li>
      <NavLink to={paths.moderation}>{t('localSpaces.nav')}</NavLink>
    </li>
  );
}
