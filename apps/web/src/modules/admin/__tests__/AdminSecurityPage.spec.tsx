import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { createI18n } from '../../../app/i18n/i18n';
import type { AuthEvent } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { AdminSecurityPage, describeDetail } from '../components/AdminSecurityPage';
import { AUTH_EVENTS_QUERY } from '../graphql/auth-events.documents';

const USER_ID = '00000000-0000-4000-8000-000000000001';
const ADMIN_ID = '00000000-0000-4000-8000-000000000002';

const event = (n: number, overrides: Partial<AuthEvent> = {}): AuthEvent => ({
  __typename: 'AuthEvent',
  id: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
  kind: 'SIGN_IN_SUCCEEDED',
  userId: USER_ID,
  user: { __typename: 'Participant', id: USER_ID, displayName: 'Camille Martin' },
  actor: null,
  ip: '203.0.113.7',
  userAgent: 'Firefox/140',
  detail: '{}',
  createdAt: '2026-11-26T10:00:00.000Z',
  ...overrides,
});

const page = (
  nodes: AuthEvent[],
  variables: Record<string, unknown> = { first: 50, kinds: null, userId: null },
): MockLink.MockedResponse => ({
  request: { query: AUTH_EVENTS_QUERY, variables },
  result: {
    data: {
      authEvents: {
        __typename: 'AuthEventConnection',
        edges: nodes.map((node) => ({ __typename: 'AuthEventEdge', cursor: node.id, node })),
        pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
        totalCount: nodes.length,
      },
    },
  },
});

describe('describeDetail', () => {
  const t = createI18n('fr').getFixedT('fr');
  it('translates the known facts and lists the others', () => {
    expect(describeDetail('{"reason":"WRONG_PASSWORD"}', t)).toBe('mauvais mot de passe');
    expect(describeDetail('{"from":"PARTICIPANT","to":"MODERATOR"}', t)).toBe(
      'Participant·e → Modérateur·rice',
    );
    expect(describeDetail('{"scopes":["account","ip"]}', t)).toBe(
      'limite atteinte : par compte, par adresse IP',
    );
    expect(describeDetail('{"familyRevoked":true}', t)).toBe('familyRevoked : true');
  });

  it('shows nothing for an empty or malformed detail', () => {
    expect(describeDetail('{}', t)).toBe('');
    expect(describeDetail('not json', t)).toBe('');
    expect(describeDetail('[1]', t)).toBe('');
  });
});

describe('AdminSecurityPage', () => {
  it('shows the events in a table with account, administrator, address and details', async () => {
    renderWithApp(<AdminSecurityPage />, {
      mocks: [
        page([
          event(1),
          event(2, {
            kind: 'SIGN_IN_FAILED',
            userId: null,
            user: null,
            detail: '{"reason":"UNKNOWN_ACCOUNT"}',
            userAgent: null,
          }),
          event(3, {
            kind: 'ROLE_CHANGED',
            actor: { __typename: 'Participant', id: ADMIN_ID, displayName: 'Alex Admin' },
            detail: '{"from":"PARTICIPANT","to":"MODERATOR"}',
            ip: null,
          }),
        ]),
      ],
    });
    expect(await screen.findByText('3 événements')).toBeVisible();
    const table = screen.getByRole('table', { name: /Événements de connexion/ });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4); // header + 3
    expect(within(rows[1]).getByText('Connexion')).toBeVisible();
    expect(within(rows[1]).getByText('Camille Martin')).toBeVisible();
    expect(within(rows[1]).getByText('203.0.113.7')).toBeVisible();
    expect(within(rows[1]).getByText('Firefox/140')).toBeVisible();
    expect(within(rows[2]).getByText('Échec de connexion')).toBeVisible();
    expect(within(rows[2]).getByText('Compte inconnu')).toBeVisible();
    expect(within(rows[2]).getByText('adresse sans compte')).toBeVisible();
    expect(within(rows[3]).getByText('Rôle modifié')).toBeVisible();
    expect(within(rows[3]).getByText('Alex Admin')).toBeVisible();
    expect(within(rows[3]).getByText('Participant·e → Modérateur·rice')).toBeVisible();
  });

  it('filters by kind and account, and refuses an incomplete account id', async () => {
    const user = userEvent.setup();
    renderWithApp(<AdminSecurityPage />, {
      mocks: [
        page([event(1)]),
        page([event(4, { kind: 'SIGN_IN_FAILED', detail: '{"reason":"WRONG_PASSWORD"}' })], {
          first: 50,
          kinds: ['SIGN_IN_FAILED'],
          userId: USER_ID,
        }),
      ],
    });
    expect(await screen.findByText('1 événement')).toBeVisible();
    await user.selectOptions(screen.getByLabelText('Événement'), 'SIGN_IN_FAILED');
    const account = screen.getByLabelText('Identifiant du compte');
    await user.type(account, 'abc');
    await user.click(screen.getByRole('button', { name: 'Filtrer' }));
    expect(await screen.findByText(/Saisissez un identifiant de compte complet/)).toBeVisible();
    await user.clear(account);
    await user.type(account, USER_ID);
    await user.click(screen.getByRole('button', { name: 'Filtrer' }));
    expect(await screen.findByText('mauvais mot de passe')).toBeVisible();
  });

  it('says when nothing matches', async () => {
    renderWithApp(<AdminSecurityPage />, { mocks: [page([])] });
    expect(await screen.findByText('Aucun événement ne correspond.')).toBeVisible();
  });
});
