import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import type { AdminUser } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { LocalModeratorsPanel } from '../components/LocalModeratorsPanel';
import { ADMIN_USERS_QUERY } from '../graphql/admin.documents';
import {
  ADD_CONSULTATION_MODERATOR_MUTATION,
  REMOVE_CONSULTATION_MODERATOR_MUTATION,
} from '../graphql/local-moderators.documents';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const CONSULTATION = uuid(100);
const bruno = { __typename: 'Participant' as const, id: uuid(2), displayName: 'Bruno Chabert' };
const camille: AdminUser = {
  __typename: 'User',
  id: uuid(3),
  displayName: 'Camille Martin',
  email: 'camille@example.org',
  role: 'PARTICIPANT',
  actorType: 'CITIZEN',
};

const mocks: MockLink.MockedResponse[] = [
  {
    request: { query: ADMIN_USERS_QUERY, variables: { search: 'camille', first: 8 } },
    result: {
      data: {
        users: {
          __typename: 'UserConnection',
          edges: [{ __typename: 'UserEdge', cursor: camille.id, node: camille }],
          pageInfo: { __typename: 'PageInfo', endCursor: camille.id, hasNextPage: false },
          totalCount: 1,
        },
      },
    },
  },
  {
    request: {
      query: ADD_CONSULTATION_MODERATOR_MUTATION,
      variables: { input: { consultationId: CONSULTATION, userId: camille.id } },
    },
    result: {
      data: {
        addConsultationModerator: {
          __typename: 'Consultation',
          id: CONSULTATION,
          moderators: [
            bruno,
            { __typename: 'Participant', id: camille.id, displayName: camille.displayName },
          ],
        },
      },
    },
  },
  {
    request: {
      query: REMOVE_CONSULTATION_MODERATOR_MUTATION,
      variables: { input: { consultationId: CONSULTATION, userId: bruno.id } },
    },
    result: {
      data: {
        removeConsultationModerator: {
          __typename: 'Consultation',
          id: CONSULTATION,
          moderators: [],
        },
      },
    },
  },
];

describe('LocalModeratorsPanel', () => {
  it('adds an account found by the users search, with a notice', async () => {
    const user = userEvent.setup();
    renderWithApp(<LocalModeratorsPanel consultationId={CONSULTATION} moderators={[bruno]} />, {
      mocks,
    });
    expect(screen.getByRole('heading', { name: 'Modérateurs locaux' })).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /^Chercher un compte/ }), 'camille');
    await user.click(screen.getByRole('button', { name: 'Rechercher' }));
    await user.click(
      await screen.findByRole('button', { name: 'Ajouter Camille Martin aux modérateurs locaux' }),
    );
    expect(
      await screen.findByText('Camille Martin modère maintenant cette consultation.'),
    ).toBeInTheDocument();
  });

  it('removes a local moderator', async () => {
    const user = userEvent.setup();
    renderWithApp(<LocalModeratorsPanel consultationId={CONSULTATION} moderators={[bruno]} />, {
      mocks,
    });
    await user.click(
      screen.getByRole('button', { name: 'Retirer Bruno Chabert des modérateurs locaux' }),
    );
    expect(
      await screen.findByText('Bruno Chabert ne modère plus cette consultation.'),
    ).toBeInTheDocument();
  });
});
