import { CombinedGraphQLErrors } from '@apollo/client';
import { errorMessage } from '../../../shared/graphql/errors';

const t = (key: 'errors.network' | 'errors.generic') => key;
const failure = (message: string, extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions }] });

describe('errors of suspended or rate-limited accounts', () => {
  it('shows the server’s message with the suspension’s end date', () => {
    const message =
      'Votre compte est suspendu jusqu’au 24 décembre 2026 : vous pouvez lire la plateforme mais pas y contribuer. Le motif est dans vos notifications.';
    expect(
      errorMessage(
        failure(message, {
          code: 'FORBIDDEN',
          reason: 'ACCOUNT_SUSPENDED',
          suspendedUntil: '2026-12-24',
        }),
        t,
      ),
    ).toBe(message);
  });

  it('shows the server’s message with the time to wait', () => {
    const message = 'Trop de tentatives : réessayez dans 42 s.';
    expect(
      errorMessage(
        failure(message, { code: 'RATE_LIMITED', reason: 'RATE_LIMITED', retryAfterSeconds: 42 }),
        t,
      ),
    ).toBe(message);
  });
});
