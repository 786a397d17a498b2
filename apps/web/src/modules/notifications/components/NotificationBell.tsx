import type { CSSProperties } from 'react';
import { Badge, VisuallyHidden } from '@mantine/core';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { useLiveNotifications } from '../hooks/useLiveNotifications';
import { useUnreadNotifications } from '../hooks/useUnreadNotifications';

const BellIcon = () => (
  <svg
    aria-hidden
    width="22"
    height="22"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    strokeLinejoin="round"
  >
    <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
    <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
  </svg>
);

// Inline: a 44 px touch target, the badge on the bell's corner.
const linkStyle: CSSProperties = {
  position: 'relative',
  display: 'inline-flex',
  alignItems: 'center',
  justifyContent: 'center',
  minWidth: 44,
  minHeight: 44,
  borderRadius: 'var(--mantine-radius-md)',
  color: 'var(--mantine-color-gray-8)',
};
const badgeStyle: CSSProperties = { position: 'absolute', top: 2, right: -2 };

/** The header's link to the notifications, with the unread count; signed-in users only. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadNotifications();
  const liveMessage = useLiveNotifications();
  if (unread === null) return null;
  return (
    <>
      <NavLink to={paths.notifications} style={linkStyle}>
        <BellIcon />
        <VisuallyHidden>
          {unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
        </VisuallyHidden>
        {unread > 0 && (
          <Badge aria-hidden size="sm" circle={unread < 10} color="red.9" style={badgeStyle}>
            {unread > 99 ? '99+' : unread}
          </Badge>
        )}
      </NavLink>
      <VisuallyHidden aria-live="polite">{liveMessage}</VisuallyHidden>
    </>
  );
}
