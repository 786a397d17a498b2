import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import type { NotificationNode } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { ME_QUERY } from '../../auth/graphql/auth.documents';
import { NotificationsPage } from '../components/NotificationsPage';
import {
  MARK_NOTIFICATIONS_READ_MUTATION,
  MY_NOTIFICATIONS_QUERY,
  NOTIFICATIONS_PAGE_SIZE,
  UNREAD_NOTIFICATIONS_QUERY,
} from '../graphql/notifications.documents';

const me: MockLink.MockedResponse = {
  request: { query: ME_QUERY },
  result: {
    data: {
      me: {
        __typename: 'User',
        id: 'u1',
        email: 'a@example.org',
        displayName: 'Alex',
        role: 'PARTICIPANT',
        actorType: 'ASSOCIATION',
        territory: null,
      },
    },
  },
};
const node = (id: string, change: Partial<NotificationNode> = {}): NotificationNode => ({
  __typename: 'Notification',
  id,
  kind: 'CONTENT_HIDDEN',
  createdAt: '2026-11-25T10:00:00.000Z',
  readAt: null,
  isRead: false,
  reason: 'Hors sujet.',
  proposal: null,
  commentId: null,
  clusterId: null,
  title: 'Une recyclerie par quartier',
  suspendedUntil: null,
  briefTitle: null,
  sectionTitle: null,
  authorName: null,
  excerpt: null,
  status: null,
  amendmentId: null,
  decision: null,
  accepted: null,
  votesFor: null,
  votesAgainst: null,
  ...change,
});
const page = (nodes: NotificationNode[], unreadCount: number): MockLink.MockedResponse => ({
  request: { query: MY_NOTIFICATIONS_QUERY, variables: { first: NOTIFICATIONS_PAGE_SIZE } },
  result: {
    data: {
      myNotifications: {
        __typename: 'NotificationConnection',
        edges: nodes.map((n) => ({ __typename: 'NotificationEdge', cursor: n.id, node: n })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        totalCount: nodes.length,
        unreadCount,
      },
    },
  },
});
const unread = (count: number): MockLink.MockedResponse => ({
  request: { query: UNREAD_NOTIFICATIONS_QUERY },
  result: {
    data: { myNotifications: { __typename: 'NotificationConnection', unreadCount: count } },
  },
});

describe('NotificationsPage', () => {
  it('lists my notifications, unread ones marked, with the moderator’s reason', async () => {
    renderWithApp(<NotificationsPage />, {
      mocks: [
        me,
        unread(1),
        page(
          [node('n1'), node('n2', { kind: 'ACCOUNT_REINSTATED', isRead: true, reason: 'Erreur.' })],
          1,
        ),
      ],
    });
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(
      'Votre proposition « Une recyclerie par quartier » a été masquée par la modération.',
    );
    expect(items[0]).toHaveTextContent('Motif indiqué par la modération : « Hors sujet. »');
    expect(within(items[0]).getByText('Non lue')).toBeInTheDocument();
    expect(within(items[1]).queryByText('Non lue')).not.toBeInTheDocument();
    expect(screen.getByText('1 notification non lue')).toBeInTheDocument();
  });

  it('marks everything as read and announces it', async () => {
    renderWithApp(<NotificationsPage />, {
      mocks: [
        me,
        unread(2),
        page([node('n1'), node('n2', { kind: 'PROPOSAL_UNMERGED' })], 2),
        {
          request: { query: MARK_NOTIFICATIONS_READ_MUTATION, variables: { ids: null } },
          result: { data: { markNotificationsRead: 2 } },
        },
        unread(0),
      ],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Tout marquer comme lu' }));
    await waitFor(() => expect(screen.queryByText('Non lue')).not.toBeInTheDocument());
    expect(screen.getByRole('status')).toHaveTextContent(
      'Toutes les notifications sont marquées comme lues.',
    );
    expect(await screen.findByText('Tout est lu.')).toBeInTheDocument();
  });

  it('marks one notification as read', async () => {
    renderWithApp(<NotificationsPage />, {
      mocks: [
        me,
        unread(2),
        page([node('n1'), node('n2', { kind: 'PROPOSAL_UNMERGED', reason: null })], 2),
        {
          request: { query: MARK_NOTIFICATIONS_READ_MUTATION, variables: { ids: ['n2'] } },
          result: { data: { markNotificationsRead: 1 } },
        },
        unread(1),
      ],
    });
    const items = await screen.findAllByRole('listitem');
    await userEvent.click(within(items[1]).getByRole('button', { name: 'Marquer comme lue' }));
    await waitFor(() => expect(within(items[1]).queryByText('Non lue')).not.toBeInTheDocument());
    expect(within(items[0]).getByText('Non lue')).toBeInTheDocument();
    expect(await screen.findByText('1 notification non lue')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Notification marquée comme lue.');
  });

  it('asks visitors to sign in', async () => {
    renderWithApp(<NotificationsPage />, {
      mocks: [{ request: { query: ME_QUERY }, result: { data: { me: null } } }],
    });
    expect(
      await screen.findByText('Connectez-vous pour voir vos notifications.'),
    ).toBeInTheDocument();
  });
});
