// Attack suite: cross-site request forgery. A page on another site can make the browser send
// the session cookies with a form post (urlencoded or multipart), a text/plain fetch, or a GET;
// none of them may run a mutation. A JSON POST needs a CORS preflight, which only configured
// origins pass; in depth, the API also drops the session cookies of any state-changing request
// whose Origin is another site (SameSite=Lax already keeps them from cross-site requests).
import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
} from '../factories';
import { CookieJar } from '../integration/support/cookies';
import { SIGN_IN } from '../integration/support/operations';
import { dataOf, startTestApp, type TestApp } from '../integration/support/test-app';

const PARTNER = 'https://partenaire.example.fr';
const follow = (proposalId: string) =>
  `mutation { followProposal(proposalId: "${proposalId}") { id isFollowedByMe } }`;

describe('CSRF', () => {
  let api: TestApp;
  let cookie: string;
  let userId: string;
  let proposalId: string;

  beforeAll(async () => {
    api = await startTestApp({ CORS_ORIGINS: PARTNER });
    const user = await createUser();
    userId = user.id;
    const author = await createUser();
    const consultation = await createConsultation();
    proposalId = (await createProposal({ consultationId: consultation.id, authorId: author.id }))
      .id;
    const jar = new CookieJar();
    dataOf(
      await api.gql(SIGN_IN, { input: { email: user.email, password: user.password } }, { jar }),
    );
    cookie = jar.header() ?? '';
    expect(cookie).toMatch(/passerelle_at=/);
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const follows = () => factoryPrisma().proposalFollow.count({ where: { userId, proposalId } });

  afterEach(async () => {
    await factoryPrisma().proposalFollow.deleteMany({ where: { userId, proposalId } });
  });

  it('runs the mutation for a same-origin JSON POST with the cookie (control)', async () => {
    const response = await api.http
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .set('Cookie', cookie)
      .send({ query: follow(proposalId) });
    expect(response.body.errors).toBeUndefined();
    expect(await follows()).toBe(1);
  });

  it.each([
    ['application/x-www-form-urlencoded', () => `query=${encodeURIComponent(follow(proposalId))}`],
    ['text/plain', () => JSON.stringify({ query: follow(proposalId) })],
    [
      'multipart/form-data; boundary=x',
      () =>
        `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: follow(proposalId) })}\r\n--x\r\nContent-Disposition: form-data; name="map"\r\n\r\n{}\r\n--x--\r\n`,
    ],
  ])('refuses a mutation posted as %s with a valid session cookie', async (type, body) => {
    const response = await api.http
      .post('/graphql')
      .set('Content-Type', type)
      .set('Cookie', cookie)
      .set('Origin', 'https://evil.example')
      .send(body());
    expect(response.status).toBe(400);
    expect(response.text).not.toMatch(/isFollowedByMe":true/);
    expect(await follows()).toBe(0);
  });

  it('refuses a mutation sent with GET and a valid session cookie', async () => {
    for (const headers of [{}, { 'apollo-require-preflight': 'true' }]) {
      const response = await api.http
        .get('/graphql')
        .query({ query: follow(proposalId) })
        .set('Cookie', cookie)
        .set(headers);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(await follows()).toBe(0);
    }
  });

  it('serves a cross-site JSON POST without its session cookies (anonymous: SIGN_IN_REQUIRED)', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1.evil.example']) {
      const response = await api.http
        .post('/graphql')
        .set('Content-Type', 'application/json')
        .set('Cookie', cookie)
        .set('Origin', origin)
        .send({ query: follow(proposalId) });
      expect(response.body.errors?.[0]?.extensions?.reason).toBe('SIGN_IN_REQUIRED');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(await follows()).toBe(0);
    }
  });

  it('keeps the cookies for this site and for a configured origin (CORS_ORIGINS)', async () => {
    const port = (api.app.getHttpServer().address() as { port: number }).port;
    // supertest sends Host: 127.0.0.1:<port>, so this Origin is the API's own.
    for (const origin of [`http://127.0.0.1:${port}`, PARTNER]) {
      const response = await api.http
        .post('/graphql')
        .set('Content-Type', 'application/json')
        .set('Cookie', cookie)
        .set('Origin', origin)
        .send({ query: follow(proposalId) });
      expect(response.body.errors).toBeUndefined();
      expect(await follows()).toBe(1);
      await factoryPrisma().proposalFollow.deleteMany({ where: { userId, proposalId } });
    }
  });

  it('lets a Bearer API client (no cookie) call from anywhere: a token is not ambient', async () => {
    const user = await createUser();
    const token = await api.tokenFor(user);
    const response = await api.http
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .set('Authorization', `Bearer ${token}`)
      .set('Origin', 'https://evil.example')
      .send({ query: follow(proposalId) });
    expect(response.body.errors).toBeUndefined();
    await factoryPrisma().proposalFollow.deleteMany({ where: { userId: user.id, proposalId } });
  });

  it('sets SameSite on the session cookies', async () => {
    const user = await createUser();
    const result = await api.gql(SIGN_IN, {
      input: { email: user.email, password: user.password },
    });
    const byName = Object.fromEntries(result.setCookies.map((c) => [c.name, c.attributes]));
    expect(byName['passerelle_at']).toMatchObject({ samesite: 'Lax', httponly: true });
    expect(byName['passerelle_rt']).toMatchObject({ samesite: 'Strict', httponly: true });
  });

  it('refuses a sign-up posted as a form (no account is created)', async () => {
    const email = `csrf-${Date.now()}@example.org`;
    const query = `mutation { signUp(input: { email: "${email}", password: "a long enough password", displayName: "CSRF", actorType: CITIZEN, territoryId: "COMMUNE-75056", acceptTerms: true }) { accessToken } }`;
    const response = await api.http
      .post('/graphql')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(`query=${encodeURIComponent(query)}`);
    expect(response.status).toBe(400);
    expect(await factoryPrisma().user.count({ where: { email } })).toBe(0);
  });
});
