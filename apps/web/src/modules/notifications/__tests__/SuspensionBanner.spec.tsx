import { screen } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import type { MySuspension } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { ME_QUERY } from '../../auth/graphql/auth.documents';
import { SuspensionBanner } from '../components/SuspensionBanner';
import { MY_SUSPENSION_QUERY } from '../graphql/notifications.documents';

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
        actorType: 'CITIZEN',
        territory: null,
      },
    },
  },
};
const suspension = (change: Partial<MySuspension>): MockLink.MockedResponse => ({
  request: { query: MY_SUSPENSION_QUERY },
  result: {
    data: {
      me: {
        __typename: 'User',
        id: 'u1',
        isSuspended: true,
        suspendedUntil: null,
        suspensionReason: null,
        ...change,
      },
    },
  },
});

describe('SuspensionBanner', () => {
  it('says until when the account is suspended and why', async () => {
    renderWithApp(<SuspensionBanner />, {
      mocks: [
        me,
        suspension({ suspendedUntil: '2026-12-24T12:00:00.000Z', suspensionReason: 'Insultes.' }),
      ],
    });
    expect(await screen.findByText('Votre compte est suspendu')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Vous pouvez lire les contenus, mais pas participer, jusqu’au 24 décembre 2026.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Motif : « Insultes. »')).toBeInTheDocument();
  });

  it('says when the suspension lasts until a moderator reinstates the account', async () => {
    renderWithApp(<SuspensionBanner />, {
      mocks: [me, suspension({})],
      language: 'en',
    });
    expect(
      await screen.findByText(
        'You can read, but not take part, until the moderators reinstate your account.',
      ),
    ).toBeInTheDocument();
  });

  it('shows nothing for an account in good standing', async () => {
    renderWithApp(
      <>
        <SuspensionBanner />
        <p>page</p>
      </>,
      { mocks: [me, suspension({ isSuspended: false })] },
    );
    expect(await screen.findByText('page')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText('Votre compte est suspendu')).not.toBeInTheDocument();
  });
});
