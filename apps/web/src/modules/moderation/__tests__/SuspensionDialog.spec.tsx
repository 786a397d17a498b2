import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { MockLink } from '@apollo/client/testing';
import type { ModerationUser } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { SuspensionDialog } from '../components/SuspensionDialog';
import { suspensionFieldErrors } from '../components/suspension.schema';
import { REINSTATE_USER_MUTATION, SUSPEND_USER_MUTATION } from '../graphql/moderation.documents';

const userId = '00000000-0000-4000-8000-000000000042';
const account = (change: Partial<ModerationUser> = {}): ModerationUser => ({
  __typename: 'ModerationUser',
  id: userId,
  displayName: 'Camille Martin',
  actorType: 'ASSOCIATION',
  role: 'PARTICIPANT',
  createdAt: '2026-01-10T09:00:00.000Z',
  isSuspended: false,
  suspendedUntil: null,
  suspensionReason: null,
  history: {
    __typename: 'AuthorHistory',
    proposalsCount: 3,
    commentsCount: 12,
    hiddenContentCount: 2,
    reportsAgainstCount: 5,
    suspensionsCount: 0,
    memberSince: '2026-01-10T09:00:00.000Z',
  },
  ...change,
});

function renderDialog(
  mode: 'suspend' | 'reinstate',
  mocks: MockLink.MockedResponse[] = [],
  language: 'fr' | 'en' = 'fr',
) {
  const onDone = jest.fn();
  const onClose = jest.fn();
  renderWithApp(
    <SuspensionDialog
      mode={mode}
      user={{ id: userId, displayName: 'Camille Martin' }}
      opened
      onClose={onClose}
      onDone={onDone}
    />,
    { mocks, language },
  );
  return { onDone, onClose };
}

/** The error message Mantine links to a field with aria-describedby. */
function describedErrors(field: HTMLElement): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids
    .filter((id) => id.endsWith('-error'))
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

const reasonField = () => screen.getByRole('textbox', { name: /^Motif/ });
const daysField = () => screen.getByRole('textbox', { name: /^Nombre de jours/ });
const submit = () => userEvent.click(screen.getByRole('button', { name: 'Suspendre' }));

describe('suspension rules', () => {
  it('requires a reason of 3 to 1000 characters and 1 to 3650 whole days', () => {
    const errors = (reason: string, days: string, isIndefinite = false) =>
      suspensionFieldErrors('suspend', userId, { reason, days, isIndefinite }, 'en').map(
        (error) => `${error.field}:${error.rule}`,
      );
    expect(errors('Spam répété', '7')).toEqual([]);
    expect(errors('  ', '')).toEqual(['reason:required', 'durationDays:required']);
    expect(errors('ok', '0')).toEqual(['reason:minLength', 'durationDays:minValue']);
    expect(errors('x'.repeat(1001), '3651')).toEqual(['reason:maxLength', 'durationDays:maxValue']);
    expect(errors('Spam répété', '2.5')).toEqual(['durationDays:invalid']);
    expect(errors('Spam répété', '', true)).toEqual([]);
    expect(
      suspensionFieldErrors(
        'reinstate',
        userId,
        { reason: 'no', days: '', isIndefinite: false },
        'fr',
      ),
    ).toEqual([
      { field: 'reason', rule: 'minLength', message: 'Saisissez au moins 3 caractères.' },
    ]);
  });
});

describe('SuspensionDialog', () => {
  it('shows the errors next to their fields and focuses the reason, sending nothing', async () => {
    const { onDone } = renderDialog('suspend');
    expect(
      await screen.findByRole('dialog', { name: 'Suspendre le compte de Camille Martin' }),
    ).toBeInTheDocument();
    await userEvent.clear(daysField());
    await submit();
    expect(describedErrors(reasonField())).toBe('Ce champ est obligatoire.');
    expect(describedErrors(daysField())).toBe('Ce champ est obligatoire.');
    expect(reasonField()).toHaveFocus();
    expect(reasonField()).toHaveAttribute('aria-invalid', 'true');

    await userEvent.type(reasonField(), 'ok');
    await userEvent.type(daysField(), '4000');
    await submit();
    expect(describedErrors(reasonField())).toBe('Saisissez au moins 3 caractères.');
    expect(describedErrors(daysField())).toBe('Saisissez une valeur d’au plus 3650.');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('suspends until further notice: the duration field goes and null days are sent', async () => {
    const updated = account({
      isSuspended: true,
      suspensionReason: 'Spam répété malgré deux avertissements.',
    });
    const { onDone, onClose } = renderDialog('suspend', [
      {
        request: {
          query: SUSPEND_USER_MUTATION,
          variables: {
            input: {
              userId,
              reason: 'Spam répété malgré deux avertissements.',
              durationDays: null,
            },
          },
        },
        result: { data: { suspendUser: updated } },
      },
    ]);
    await userEvent.type(
      await screen.findByRole('textbox', { name: /^Motif/ }),
      '  Spam répété malgré deux avertissements. ',
    );
    await userEvent.click(screen.getByRole('radio', { name: 'Jusqu’à nouvel ordre' }));
    expect(screen.queryByRole('textbox', { name: /^Nombre de jours/ })).toBeNull();
    await submit();
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(updated));
    expect(onClose).toHaveBeenCalled();
  });

  it('sends the number of days and shows a field error from the API', async () => {
    renderDialog('suspend', [
      {
        request: {
          query: SUSPEND_USER_MUTATION,
          variables: { input: { userId, reason: 'Propos injurieux.', durationDays: 30 } },
        },
        result: {
          errors: [
            new GraphQLError('Données invalides.', {
              extensions: {
                code: 'BAD_USER_INPUT',
                reason: 'INVALID_INPUT',
                fields: [
                  {
                    field: 'durationDays',
                    rule: 'maxValue',
                    message: 'Durée refusée par le serveur.',
                  },
                ],
              },
            }),
          ],
        },
      },
    ]);
    await userEvent.type(
      await screen.findByRole('textbox', { name: /^Motif/ }),
      'Propos injurieux.',
    );
    await userEvent.clear(daysField());
    await userEvent.type(daysField(), '30');
    await submit();
    await waitFor(() => expect(describedErrors(daysField())).toBe('Durée refusée par le serveur.'));
    expect(daysField()).toHaveFocus();
  });

  it('shows an error of the whole form as an alert (e.g. suspending oneself)', async () => {
    renderDialog('suspend', [
      {
        request: {
          query: SUSPEND_USER_MUTATION,
          variables: { input: { userId, reason: 'Essai.', durationDays: 7 } },
        },
        result: {
          errors: [
            new GraphQLError('Vous ne pouvez pas suspendre votre propre compte.', {
              extensions: { code: 'FORBIDDEN', reason: 'OWN_ACCOUNT_SUSPENSION' },
            }),
          ],
        },
      },
    ]);
    await userEvent.type(await screen.findByRole('textbox', { name: /^Motif/ }), 'Essai.');
    await submit();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Vous ne pouvez pas suspendre votre propre compte.',
    );
  });

  it('lifts a suspension with a reason only, in English', async () => {
    const updated = account();
    const { onDone } = renderDialog(
      'reinstate',
      [
        {
          request: {
            query: REINSTATE_USER_MUTATION,
            variables: { input: { userId, reason: 'Appeal accepted.' } },
          },
          result: { data: { reinstateUser: updated } },
        },
      ],
      'en',
    );
    expect(
      await screen.findByRole('dialog', { name: 'Lift the suspension of Camille Martin' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('radio')).toBeNull();
    await userEvent.type(screen.getByRole('textbox', { name: /^Reason/ }), 'Appeal accepted.');
    await userEvent.click(screen.getByRole('button', { name: 'Lift the suspension' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(updated));
  });
});
