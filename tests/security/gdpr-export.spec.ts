// GDPR right of access: GET /api/me/export answers everything about the signed-in account as one
// JSON file, and nothing about anyone else.
import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
  PHASES,
} from '../factories';
import { CookieJar } from '../integration/support/cookies';
import { SIGN_IN } from '../integration/support/operations';
import { ADD_COMMENT, CAST_VOTE, FOLLOW } from '../integration/support/participation';
import { dataOf, startTestApp, type TestApp } from '../integration/support/test-app';

describe('GET /api/me/export', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  it('exports the account’s own data, names nobody else, is not cached and is audited', async () => {
    const consultation = await createConsultation({ phases: PHASES.proposingClosed() });
    const user = await createUser({ displayName: 'Exportée Personne' });
    const other = await createUser({ displayName: 'Voisin Secret' });
    const own = await createProposal({ consultationId: consultation.id, authorId: user.id });
    const theirs = await createProposal({ consultationId: consultation.id, authorId: other.id });
    const token = await api.tokenFor(user);
    const otherToken = await api.tokenFor(other);
    await api.gql(CAST_VOTE, { input: { proposalId: theirs.id, value: 'FOR' } }, { token });
    await api.gql(FOLLOW, { proposalId: theirs.id }, { token });
    const mine = dataOf(
      await api.gql<{ addComment: { id: string } }>(
        ADD_COMMENT,
        { input: { proposalId: theirs.id, body: 'Mon commentaire à moi.' } },
        { token },
      ),
    ).addComment;
    // Someone else replies (a notification for me that names them) and comments on my proposal.
    await api.gql(
      ADD_COMMENT,
      { input: { proposalId: theirs.id, parentId: mine.id, body: 'Réponse privée du voisin.' } },
      { token: otherToken },
    );
    await api.gql(
      ADD_COMMENT,
      { input: { proposalId: own.id, body: 'Avis du voisin sur ta proposition.' } },
      { token: otherToken },
    );
    await api.gql(
      CAST_VOTE,
      { input: { proposalId: own.id, value: 'AGAINST' } },
      { token: otherToken },
    );

    await factoryPrisma().authEvent.create({
      data: { kind: 'PASSWORD_CHANGED', userId: user.id, ip: '198.51.100.7' },
    });
    await factoryPrisma().authEvent.create({
      data: { kind: 'ROLE_CHANGED', userId: other.id, ip: '198.51.100.8' },
    });
    const jar = new CookieJar();
    await api.gql(SIGN_IN, { input: { email: user.email, password: user.password } }, { jar });
    const response = await api.http.get('/api/me/export').set('Cookie', jar.header() ?? '');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="passerelle-mes-donnees-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const text = response.text;
    const data = JSON.parse(text);
    expect(data.profile).toMatchObject({
      id: user.id,
      email: user.email,
      displayName: 'Exportée Personne',
    });
    expect(data.profile.passwordHash).toBeUndefined();
    expect(text).not.toContain('$argon2');
    expect(data.proposals.map((p: { id: string }) => p.id)).toEqual([own.id]);
    expect(data.comments).toEqual([
      expect.objectContaining({
        id: mine.id,
        body: 'Mon commentaire à moi.',
        revisions: [expect.objectContaining({ body: 'Mon commentaire à moi.', editedByMe: true })],
      }),
    ]);
    expect(data.votes).toEqual([expect.objectContaining({ proposalId: theirs.id, value: 'FOR' })]);
    expect(data.follows).toEqual([expect.objectContaining({ proposalId: theirs.id })]);
    expect(data.notifications.length).toBeGreaterThan(0);
    expect(data.authEvents.map((e: { kind: string }) => e.kind)).toContain('PASSWORD_CHANGED');
    expect(text).not.toContain('198.51.100.8');
    for (const key of [
      'commentUpvotes',
      'reportsFiled',
      'notificationPreferences',
      'organisationMemberships',
      'emails',
      'opinionGroupMemberships',
    ]) {
      expect(Array.isArray(data[key])).toBe(true);
    }

    // Nothing about anyone else: not their name, address or words.
    for (const foreign of [
      other.email,
      other.displayName,
      'Réponse privée du voisin',
      'Avis du voisin',
    ]) {
      expect(text).not.toContain(foreign);
    }

    // Bearer works too; the export is recorded without its content.
    const bearer = await api.http.get('/api/me/export').set('Authorization', `Bearer ${token}`);
    expect(bearer.status).toBe(200);
    const events = await factoryPrisma().authEvent.findMany({
      where: { userId: user.id, kind: 'DATA_EXPORTED' },
    });
    expect(events).toHaveLength(2);
    expect(JSON.stringify(events)).not.toContain('Mon commentaire');
  });

  it('refuses anonymous visitors and a bad token with 401 JSON', async () => {
    const anonymous = await api.http.get('/api/me/export');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({
      error: { code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED' },
    });
    const forged = await api.http.get('/api/me/export').set('Authorization', 'Bearer not.a.token');
    expect(forged.status).toBe(401);
    expect(forged.headers['cache-control']).toBe('no-store');
  });

  it('is rate-limited per account', async () => {
    const limited = await startTestApp({ RATE_LIMIT_FACTOR: '1' });
    try {
      const user = await createUser();
      const token = await limited.tokenFor(user);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push(
          (await limited.http.get('/api/me/export').set('Authorization', `Bearer ${token}`)).status,
        );
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});
