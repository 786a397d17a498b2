import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import type { AdminUser } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { ME_QUERY } from '../../auth/graphql/auth.documents';
import { AdminUsersPage } from '../components/AdminUsersPage';
import { ADMIN_USERS_QUERY, CHANGE_USER_ROLE_MUTATION } from '../graphql/admin.documents';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const admin: AdminUser = {
  __typename: 'User',
  id: uuid(1),
  displayName: 'Alex Admin',
  email: 'admin@example.org',
  role: 'ADMIN',
  actorType: 'CITIZEN',
};
const camille: AdminUser = {
  __typename: 'User',
  id: uuid(2),
  displayName: 'Camille Martin',
  email: 'camille@example.org',
  role: 'PARTICIPANT',
  actorType: 'ASSOCIATION',
};

const mocks: MockLink.MockedResponse[] = [
  {
    request: { query: ME_QUERY },
    result: { data: { me: { ...admin, territory: null } } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
  {
    request: { query: ADMIN_USERS_QUERY, variables: { search: null, role: null, first: 20 } },
    result: {
      data: {
        users: {
          __typename: 'UserConnection',
          edges: [admin, camille].map((node) => ({
            __typename: 'UserEdge',
            cursor: node.id,
            node,
          })),
          pageInfo: { __typename: 'PageInfo', endCursor: camille.id, hasNextPage: false },
          totalCount: 2,
        },
      },
    },
  },
  {
    request: {
      query: CHANGE_USER_ROLE_MUTATION,
      variables: { input: { userId: camille.id, role: 'MODERATOR' } },
    },
    result: { data: { changeUserRole: { ...camille, role: 'MODERATOR' } } },
  },
];

const row = (name: string) =>
  screen.getByRole('heading', { name: new RegExp(name) }).closest('li') as HTMLElement;

describe('AdminUsersPage', () => {
  it('does not let administrators change their own role, and says why', async () => {
    renderWithApp(<AdminUsersPage />, { mocks });
    await screen.findByText('2 comptes');
    const own = within(row('Alex Admin'));
    const select = own.getByRole('combobox', { name: /^Nouveau rôle/ });
    expect(select).toBeDisabled();
    expect(select).toHaveAccessibleDescription(/vous ne pouvez pas changer votre propre rôle/);
    expect(own.getByRole('button', { name: /^Changer le rôle/ })).toBeDisabled();
  });

  it('changes a role after a confirmation', async () => {
    const user = userEvent.setup();
    renderWithApp(<AdminUsersPage />, { mocks });
    await screen.findByText('2 comptes');
    const other = within(row('Camille Martin'));
    const change = other.getByRole('button', { name: /^Changer le rôle/ });
    expect(change).toBeDisabled(); // nothing to change yet
    await user.selectOptions(other.getByRole('combobox', { name: /^Nouveau rôle/ }), 'MODERATOR');
    await user.click(change);

    const dialog = await screen.findByRole('dialog', { name: 'Changer le rôle ?' });
    expect(dialog).toHaveTextContent(/de « Participant·e » à « Modérateur·rice »/);
    await user.click(within(dialog).getByRole('button', { name: 'Confirmer le changement' }));

    const notice = await screen.findByText(
      'Camille Martin a maintenant le rôle « Modérateur·rice ».',
    );
    expect(notice.closest('[role="status"]')).not.toBeNull();
    expect(other.getByText('Rôle actuel : Modérateur·rice')).toBeInTheDocument();
  });

  it('loads the next page after the current one', async () => {
    const user = userEvent.setup();
    const page = (nodes: AdminUser[], hasNextPage: boolean) => ({
      data: {
        users: {
          __typename: 'UserConnection',
          edges: nodes.map((node) => ({ __typename: 'UserEdge', cursor: node.id, node })),
          pageInfo: {
            __typename: 'PageInfo',
            endCursor: nodes[nodes.length - 1].id,
            hasNextPage,
          },
          totalCount: 2,
        },
      },
    });
    renderWithApp(<AdminUsersPage />, {
      mocks: [
        mocks[0],
        {
          request: { query: ADMIN_USERS_QUERY, variables: { search: null, role: null, first: 20 } },
          result: page([admin], true),
        },
        {
          request: {
            query: ADMIN_USERS_QUERY,
            variables: { search: null, role: null, first: 20, after: admin.id },
          },
          result: page([camille], false),
        },
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Afficher plus de comptes' }));
    expect(await screen.findByRole('heading', { name: /Camille Martin/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Alex Admin/ })).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Afficher plus de comptes' }),
    ).not.toBeInTheDocument();
  });
});
