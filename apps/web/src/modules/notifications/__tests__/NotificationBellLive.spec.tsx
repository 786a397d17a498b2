import { act, screen, waitFor } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { createLiveServer } from '../../../testing/liveServer';
import { renderWithApp } from '../../../testing/render';
import { ME_QUERY } from '../../auth/graphql/auth.documents';
import { NotificationBell } from '../components/NotificationBell';
import { UNREAD_NOTIFICATIONS_QUERY } from '../graphql/notifications.documents';

const me = (signedIn: boolean): MockLink.MockedResponse => ({
  request: { query: ME_QUERY },
  result: {
    data: {
      me: signedIn
        ? {
            __typename: 'User',
            id: 'u1',
            email: 'a@example.org',
            displayName: 'Alex',
            role: 'PARTICIPANT',
            actorType: 'ASSOCIATION',
            territory: null,
          }
        : null,
    },
  },
});
const unread = (unreadCount: number): MockLink.MockedResponse => ({
  request: { query: UNREAD_NOTIFICATIONS_QUERY },
  result: {
    data: { myNotifications: { __typename: 'NotificationConnection', unreadCount } },
  },
});
const added = {
  notificationAdded: {
    __typename: 'Notification',
    id: 'n3',
    kind: 'PROPOSAL_COMMENTED',
    createdAt: '2026-11-26T10:00:00.000Z',
  },
};

describe('NotificationBell, live', () => {
  it('refreshes the unread count when a notification arrives, and announces it politely', async () => {
    const live = createLiveServer();
    renderWithApp(<NotificationBell />, { live, mocks: [me(true), unread(2), unread(3)] });
    expect(await screen.findByRole('link', { name: 'Notifications : 2 non lues' })).toBeVisible();
    await waitFor(() => expect(live.openCount('NotificationAdded')).toBe(1));

    await live.push('NotificationAdded', added);

    expect(await screen.findByRole('link', { name: 'Notifications : 3 non lues' })).toBeVisible();
    expect(
      screen.getByText('Vous avez une nouvelle notification.', { exact: false }),
    ).toHaveAttribute('aria-live', 'polite');
  });

  it('does not listen for visitors', async () => {
    const live = createLiveServer();
    renderWithApp(<NotificationBell />, { live, mocks: [me(false)] });
    // Long enough for the user query to answer (and a subscription to open, were it asked).
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(live.opened).toEqual([]);
  });
});
