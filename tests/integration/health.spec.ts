import { HealthService } from '../../apps/api/src/modules/health/health.service';
import { startTestApp, type TestApp } from './support/test-app';

describe('health endpoints', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers 200 on /health/live', async () => {
    const response = await api.http.get('/health/live').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('answers 200 on /health/ready when the database answers', async () => {
    const response = await api.http.get('/health/ready').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', ready: true, database: 'up' });
  });

  it('echoes a safe x-request-id and generates one otherwise', async () => {
    const echoed = await api.http.get('/health/live').set('x-request-id', 'lb-1234.abc');
    expect(echoed.headers['x-request-id']).toBe('lb-1234.abc');
    const generated = await api.http.get('/health/live').set('x-request-id', 'bad id <script>');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers (helmet)', async () => {
    const response = await api.http.get('/health/live');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('answers 503 on /health/ready once shutdown has started, while liveness stays 200', async () => {
    const other = await startTestApp();
    try {
      other.app.get(HealthService).markShuttingDown();
      const response = await other.http.get('/health/ready').expect(503);
      expect(response.body).toMatchObject({
        status: 'unavailable',
        ready: false,
        shuttingDown: true,
      });
      await other.http.get('/health/live').expect(200);
    } finally {
      await other.close();
    }
  });

  it('answers 503 on /health/ready when the database is unreachable', async () => {
    const broken = await startTestApp({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/unreachable',
    });
    try {
      const response = await broken.http.get('/health/ready').expect(503);
      expect(response.body).toMatchObject({ ready: false, database: 'down' });
    } finally {
      await broken.close();
    }
  });
});
