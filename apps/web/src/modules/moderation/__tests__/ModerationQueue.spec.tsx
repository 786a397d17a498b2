import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { renderWithApp } from '../../../testing/render';
import { ME_QUERY } from '../../auth/graphql/auth.documents';
import { ModerationQueue } from '../components/ModerationQueue';
import {
  MODERATION_QUEUE_QUERY,
  type ModerationItem,
  type ModerationQueueVariables,
} from '../graphql/moderation.documents';
import { amendmentQueueItem } from './fixtures';

const queueAnswer = (
  variables: ModerationQueueVariables,
  items: ModerationItem[],
): MockLink.MockedResponse => ({
  request: { query: MODERATION_QUEUE_QUERY, variables },
  result: {
    data: {
      moderationQueue: {
        __typename: 'ModerationItemConnection',
        totalCount: items.length,
        pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
        edges: items.map((node, index) => ({
          __typename: 'ModerationItemEdge',
          cursor: `c${index}`,
          node,
        })),
      },
    },
  },
});

describe('ModerationQueue', () => {
  it('offers « Amendement » as a content type and asks the queue for amendments only', async () => {
    renderWithApp(<ModerationQueue consultations={[]} />, {
      route: '/moderation',
      mocks: [
        {
          request: { query: ME_QUERY },
          result: {
            data: {
              me: {
                __typename: 'User',
                id: '00000000-0000-4000-8000-000000000001',
                email: 'moderation@example.org',
                displayName: 'Modération',
                role: 'MODERATOR',
                actorType: 'ASSOCIATION',
                territory: null,
              },
            },
          },
          maxUsageCount: Number.POSITIVE_INFINITY,
        },
        queueAnswer({ first: 20, orderBy: 'MOST_REPORTED' }, []),
        queueAnswer({ first: 20, orderBy: 'MOST_REPORTED', targetType: 'AMENDMENT' }, [
          amendmentQueueItem(),
        ]),
      ],
    });
    expect(await screen.findByText('Aucun contenu signalé pour ces critères.')).toBeVisible();
    const type = screen.getByRole('combobox', { name: 'Type de contenu' });
    expect(within(type).getByRole('option', { name: 'Amendement' })).toHaveValue('AMENDMENT');

    await userEvent.selectOptions(type, 'AMENDMENT');
    expect(
      await screen.findByRole('article', {
        name: 'Amendement à la proposition « Une ressourcerie dans chaque quartier »',
      }),
    ).toBeInTheDocument();
    expect(type).toHaveValue('AMENDMENT');
  });
});
