import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startTestApp, type TestApp } from './support/test-app';

describe('serving the built web app', () => {
  let api: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-web-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(
      path.join(dir, 'index.html'),
      '<!doctype html><title>Passerelle</title><div id="root"></div>',
    );
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("app")');
    fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    api = await startTestApp({ WEB_DIST_DIR: dir });
  });
  afterAll(async () => {
    await api.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/propositions', '/propositions/123/commentaires', '/healthy-food'])(
    'answers index.html for %s',
    async (url) => {
      const response = await api.http.get(url).set('Accept', 'text/html').expect(200);
      expect(response.text).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    },
  );

  it('serves fingerprinted assets with a long cache, and other files without', async () => {
    const asset = await api.http.get('/assets/index-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const favicon = await api.http.get('/favicon.svg').expect(200);
    expect(favicon.headers['cache-control']).toBe('no-cache');
  });

  it('answers 404 for a missing file instead of index.html', async () => {
    await api.http.get('/assets/missing-999.js').expect(404);
  });

  it('leaves /graphql and /health to the API', async () => {
    await api.http.get('/health/live').expect(200, { status: 'ok' });
    await api.http.get('/health/nothing').expect(404);
    const result = await api.gql<{ themes: unknown[] }>('{ themes { slug } }');
    expect(result.data?.themes.length).toBeGreaterThan(0);
  });

  it('does not answer index.html to other methods', async () => {
    await api.http.post('/propositions').expect(404);
  });

  it('runs the API alone when there is no built web app', async () => {
    const apiOnly = await startTestApp({ WEB_DIST_DIR: path.join(dir, 'missing') });
    try {
      await apiOnly.http.get('/').expect(404);
      await apiOnly.http.get('/health/live').expect(200);
    } finally {
      await apiOnly.close();
    }
  });
});
