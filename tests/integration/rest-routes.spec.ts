import { closeFactories, createConsultation } from '../factories';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Plain HTTP routes (files and exports) answer their errors like GraphQL errors do, and the
 * public downloads and the identity-provider sign-in start are rate-limited per IP address.
 */
describe('plain HTTP routes (limits at factor 1)', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ RATE_LIMIT_FACTOR: '1' });
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  it('answers an /api path no route serves with a 404 JSON error, in the asked language', async () => {
    const french = await api.http.get('/api/nulle-part');
    expect(french.status).toBe(404);
    expect(french.headers['cache-control']).toBe('no-store');
    expect(french.body).toEqual({
      error: {
        code: 'NOT_FOUND',
        reason: 'ROUTE_NOT_FOUND',
        message: 'Rien n’est servi à cette adresse : vérifiez le lien.',
        requestId: french.headers['x-request-id'],
      },
    });
    const english = await api.http.get('/api/nowhere').set('Accept-Language', 'en');
    expect(english.body.error.message).toBe('Nothing is served at this address: check the link.');
  });

  it('refuses the 61st download from one IP address within a minute with 429 and Retry-After', async () => {
    const { slug } = await createConsultation();
    const path = `/api/open-data/consultations/${slug}/proposals.csv`;
    // Align on a fresh one-minute window so all 61 calls fall in the same one.
    const intoWindow = 60_000 - (Date.now() % 60_000);
    if (intoWindow < 15_000) await new Promise((resolve) => setTimeout(resolve, intoWindow + 50));
    const statuses: number[] = [];
    for (let index = 0; index < 60; index += 1) {
      statuses.push((await api.http.get(path)).status);
    }
    expect(new Set(statuses)).toEqual(new Set([200]));

    const refused = await api.http.get(`/api/briefs/${slug}/export.md`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.error).toMatchObject({
      code: 'RATE_LIMITED',
      reason: 'RATE_LIMITED',
      retryAfterSeconds: Number(refused.headers['retry-after']),
    });
    // Another address is not affected (the test app trusts X-Forwarded-For from loopback).
    const other = await api.http.get(path).set('X-Forwarded-For', '203.0.113.7');
    expect(other.status).toBe(200);
  });
});

describe('identity-provider sign-in start (limits at factor 1)', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({
      RATE_LIMIT_FACTOR: '1',
      // Never contacted: the 31st start is refused before any provider discovery.
      OIDC_ISSUER: 'http://127.0.0.1:9/fournisseur',
      OIDC_CLIENT_ID: 'passerelle',
      OIDC_CLIENT_SECRET: 'secret',
    });
  });
  afterAll(() => api.close());

  it('sends the 31st start from one address within ten minutes back to sign-in with RATE_LIMITED', async () => {
    const address = '198.51.100.23';
    const locations: string[] = [];
    for (let index = 0; index < 31; index += 1) {
      const response = await api.http
        .get('/api/auth/oidc/start')
        .set('X-Forwarded-For', address)
        .redirects(0);
      expect(response.status).toBe(302);
      locations.push(String(response.headers['location']));
    }
    expect(locations.slice(0, 30).every((location) => location !== locations[30])).toBe(true);
    expect(locations[30]).toBe('/connexion?erreur=RATE_LIMITED');
    const elsewhere = await api.http
      .get('/api/auth/oidc/start')
      .set('X-Forwarded-For', '198.51.100.24')
      .redirects(0);
    expect(elsewhere.headers['location']).not.toBe('/connexion?erreur=RATE_LIMITED');
  });
});
