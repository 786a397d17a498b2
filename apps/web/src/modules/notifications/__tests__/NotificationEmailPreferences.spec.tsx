import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import type { EmailFrequency, NotificationKind } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import {
  NotificationEmailPreferences,
  PREFERENCE_KINDS,
} from '../components/NotificationEmailPreferences';
import {
  MY_NOTIFICATION_PREFERENCES_QUERY,
  UPDATE_NOTIFICATION_PREFERENCES_MUTATION,
} from '../graphql/notifications.documents';

const preferences = (change: Partial<Record<NotificationKind, EmailFrequency>> = {}) =>
  PREFERENCE_KINDS.map((kind) => ({
    __typename: 'NotificationPreference' as const,
    kind,
    frequency: change[kind] ?? ('DAILY_DIGEST' as EmailFrequency),
  }));

const mine = (
  change: Partial<Record<NotificationKind, EmailFrequency>> = {},
): MockLink.MockedResponse => ({
  request: { query: MY_NOTIFICATION_PREFERENCES_QUERY },
  result: { data: { myNotificationPreferences: preferences(change) } },
});

describe('NotificationEmailPreferences', () => {
  it('shows one labelled group per kind with the three frequencies, the stored one checked', async () => {
    renderWithApp(<NotificationEmailPreferences />, {
      mocks: [mine({ PROPOSAL_CITED: 'NONE' })],
    });
    expect(
      await screen.findByRole('group', { name: 'Réponse à l’un de mes commentaires' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Notifications par e-mail' })).toBeInTheDocument();
    expect(screen.getAllByRole('group')).toHaveLength(PREFERENCE_KINDS.length);
    const reply = screen.getByRole('group', { name: 'Réponse à l’un de mes commentaires' });
    expect(
      within(reply)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['IMMEDIATE', 'DAILY_DIGEST', 'NONE']);
    expect(within(reply).getByRole('radio', { name: 'Résumé quotidien' })).toBeChecked();
    const cited = screen.getByRole('group', { name: 'Proposition citée dans une contribution' });
    expect(within(cited).getByRole('radio', { name: 'Jamais' })).toBeChecked();
  });

  it('saves only the changed kinds and says so', async () => {
    const user = userEvent.setup();
    let sent: unknown = null;
    renderWithApp(<NotificationEmailPreferences />, {
      mocks: [
        mine(),
        {
          request: {
            query: UPDATE_NOTIFICATION_PREFERENCES_MUTATION,
            variables: { preferences: [{ kind: 'COMMENT_REPLY', frequency: 'IMMEDIATE' }] },
          },
          result: () => {
            sent = true;
            return {
              data: { updateNotificationPreferences: preferences({ COMMENT_REPLY: 'IMMEDIATE' }) },
            };
          },
        },
        mine({ COMMENT_REPLY: 'IMMEDIATE' }),
      ],
    });
    const reply = await screen.findByRole('group', { name: 'Réponse à l’un de mes commentaires' });
    await user.click(within(reply).getByRole('radio', { name: 'Immédiat' }));
    expect(within(reply).getByRole('radio', { name: 'Immédiat' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Enregistrer les préférences' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Préférences enregistrées.'),
    );
    expect(sent).toBe(true);
    expect(within(reply).getByRole('radio', { name: 'Immédiat' })).toBeChecked();
  });

  it('says when there is nothing to save, and shows a refused save as an alert', async () => {
    const user = userEvent.setup();
    renderWithApp(<NotificationEmailPreferences />, {
      mocks: [
        mine(),
        {
          request: {
            query: UPDATE_NOTIFICATION_PREFERENCES_MUTATION,
            variables: { preferences: [{ kind: 'CONTENT_HIDDEN', frequency: 'NONE' }] },
          },
          error: new Error('Network down'),
        },
      ],
    });
    await screen.findByRole('group', { name: 'Contenu masqué par la modération' });
    await user.click(screen.getByRole('button', { name: 'Enregistrer les préférences' }));
    expect(screen.getByRole('status')).toHaveTextContent('Aucun changement à enregistrer.');
    const hidden = screen.getByRole('group', { name: 'Contenu masqué par la modération' });
    await user.click(within(hidden).getByRole('radio', { name: 'Jamais' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer les préférences' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });

  it('speaks English', async () => {
    renderWithApp(<NotificationEmailPreferences />, { mocks: [mine()], language: 'en' });
    const reply = await screen.findByRole('group', { name: 'A reply to one of my comments' });
    expect(within(reply).getByRole('radio', { name: 'Daily summary' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Save preferences' })).toBeInTheDocument();
  });
});
