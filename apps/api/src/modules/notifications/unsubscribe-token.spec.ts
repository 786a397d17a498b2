import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

const SECRET = 'a-test-secret-that-is-long-enough-for-jwt-0001';
const USER = '00000000-0000-4000-8000-000000000001';

describe('unsubscribe tokens', () => {
  it('round-trips a kind and "all"', () => {
    for (const scope of ['PROPOSAL_COMMENTED', 'all'] as const) {
      const token = signUnsubscribeToken(SECRET, { userId: USER, scope });
      expect(verifyUnsubscribeToken(SECRET, token)).toEqual({ userId: USER, scope });
    }
  });

  it('refuses another key, a changed scope or user, and malformed tokens', () => {
    const token = signUnsubscribeToken(SECRET, { userId: USER, scope: 'COMMENT_REPLY' });
    const [, , signature] = token.split('.');
    expect(verifyUnsubscribeToken(`${SECRET}x`, token)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `${USER}.all.${signature}`)).toBeNull();
    expect(
      verifyUnsubscribeToken(
        SECRET,
        `00000000-0000-4000-8000-000000000002.COMMENT_REPLY.${signature}`,
      ),
    ).toBeNull();
    for (const bad of [
      undefined,
      null,
      '',
      'abc',
      `${USER}.UNKNOWN_KIND.${signature}`,
      `not-a-uuid.all.${signature}`,
      `${token}.extra`,
      `${USER}.COMMENT_REPLY.`,
      'x'.repeat(400),
    ]) {
      expect(verifyUnsubscribeToken(SECRET, bad)).toBeNull();
    }
  });
});
