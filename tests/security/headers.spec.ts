// Attack suite: response headers. On the web app's HTML page, /graphql and a REST export: a
// Content-Security-Policy without inline or eval'd scripts, frame-ancestors 'none' and
// X-Frame-Options DENY, nosniff, an explicit Referrer-Policy, HSTS in production over HTTPS;
// CORS only for the configured origins (with credentials), preflight included.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { closeFactories, createConsultation } from '../factories';
import { startTestApp, type TestApp } from '../integration/support/test-app';

const PARTNER = 'https://partenaire.example.fr';
const PRODUCTION_HTTPS = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
  COOKIE_SECURE: 'true',
  CORS_ORIGINS: PARTNER,
};

function directives(csp: string | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

describe('security headers', () => {
  let api: TestApp;
  let webDir: string;
  let slug: string;

  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-headers-'));
    fs.writeFileSync(
      path.join(webDir, 'index.html'),
      '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
    );
    api = await startTestApp({ ...PRODUCTION_HTTPS, WEB_DIST_DIR: webDir });
    slug = (await createConsultation()).slug;
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  const targets: [string, () => Promise<{ headers: Record<string, string> }>][] = [
    ['the HTML page', () => api.http.get('/propositions')],
    [
      'POST /graphql',
      () =>
        api.http
          .post('/graphql')
          .set('Content-Type', 'application/json')
          .send({ query: '{ themes { id } }' }),
    ],
    ['a REST export', () => api.http.get(`/api/open-data/consultations/${slug}/proposals.csv`)],
  ];

  describe.each(targets)('%s', (_name, request) => {
    let headers: Record<string, string>;
    beforeAll(async () => {
      headers = (await request()).headers;
    });

    it('has a Content-Security-Policy without inline or eval scripts', () => {
      const csp = directives(headers['content-security-policy']);
      const scripts = csp.get('script-src') ?? csp.get('default-src');
      expect(scripts).toEqual(["'self'"]);
      expect(headers['content-security-policy']).not.toMatch(/unsafe-eval/);
      expect(csp.get('script-src-attr') ?? ["'none'"]).not.toContain("'unsafe-inline'");
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
    });

    it('cannot be framed', () => {
      expect(directives(headers['content-security-policy']).get('frame-ancestors')).toEqual([
        "'none'",
      ]);
      expect(headers['x-frame-options']).toBe('DENY');
    });

    it('sets nosniff, an explicit Referrer-Policy and HSTS (production over HTTPS)', () => {
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toMatch(
        /^(strict-origin-when-cross-origin|strict-origin|same-origin|no-referrer)$/,
      );
      expect(headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
      expect(headers['x-powered-by']).toBeUndefined();
    });

    it('gives no CORS header without an Origin', () => {
      expect(headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  it('serves the HTML page itself (control: the CSP above is the page’s)', async () => {
    const response = await api.http.get('/propositions');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<div id="root">');
  });

  describe('CORS', () => {
    const query = { query: '{ themes { id } }' };

    it('gives no Access-Control-Allow-Origin to an unlisted origin, on the request and its preflight', async () => {
      const response = await api.http
        .post('/graphql')
        .set('Origin', 'https://evil.example')
        .set('Content-Type', 'application/json')
        .send(query);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
      const preflight = await api.http
        .options('/graphql')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('answers a configured origin with exactly that origin and credentials, preflight too', async () => {
      const response = await api.http
        .post('/graphql')
        .set('Origin', PARTNER)
        .set('Content-Type', 'application/json')
        .send(query);
      expect(response.headers['access-control-allow-origin']).toBe(PARTNER);
      expect(response.headers['access-control-allow-credentials']).toBe('true');
      expect(response.headers['vary']).toMatch(/Origin/i);
      const preflight = await api.http
        .options('/graphql')
        .set('Origin', PARTNER)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type,authorization');
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers['access-control-allow-origin']).toBe(PARTNER);
      expect(preflight.headers['access-control-allow-credentials']).toBe('true');
      expect(preflight.headers['access-control-allow-methods']).toMatch(/POST/);
      expect(preflight.headers['access-control-allow-headers']).toMatch(/content-type/i);
      expect(preflight.headers['access-control-allow-headers']).toMatch(/authorization/i);
    });

    it('does not match a configured origin loosely (prefix, suffix, other scheme)', async () => {
      for (const origin of [
        `${PARTNER}.evil.example`,
        'https://evil-partenaire.example.fr',
        PARTNER.replace('https', 'http'),
        'null',
      ]) {
        const response = await api.http
          .post('/graphql')
          .set('Origin', origin)
          .set('Content-Type', 'application/json')
          .send(query);
        expect(response.headers['access-control-allow-origin']).toBeUndefined();
      }
    });
  });

  describe('without HTTPS (COOKIE_SECURE=false)', () => {
    let plain: TestApp;
    beforeAll(async () => {
      plain = await startTestApp();
    });
    afterAll(async () => {
      await plain.close();
    });

    it('sends no HSTS (it would pin a site that has no HTTPS) and no CORS header by default', async () => {
      const response = await plain.http
        .post('/graphql')
        .set('Origin', PARTNER)
        .set('Content-Type', 'application/json')
        .send({ query: '{ themes { id } }' });
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });
  });
});
