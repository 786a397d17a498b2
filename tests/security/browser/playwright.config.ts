import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../e2e/playwright.config';

/**
 * The browser half of `npm run test:security`: the stored-XSS corpus. `seed.setup.ts` stores the
 * payloads through the API, then `xss.spec.ts` opens every page showing them. Same server setup
 * as the e2e tests (`tools/start.mjs --ephemeral`, build first) on its own port.
 */
const PORT = Number(process.env.SECURITY_E2E_PORT ?? 3300);
const BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: '.',
  outputDir: '../../../test-results/security',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    headless: true,
    locale: 'fr-FR',
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'seed', testMatch: /seed\.setup\.ts$/ },
    {
      name: 'chromium',
      testMatch: /xss\.spec\.ts$/,
      dependencies: ['seed'],
      use: { browserName: 'chromium' },
    },
  ],
  webServer: {
    command: `node tools/start.mjs --ephemeral --port ${PORT}`,
    cwd: '../../..',
    url: `${BASE_URL}/health/ready`,
    timeout: 180_000,
    // Local iterations may point at a running server (SECURITY_E2E_PORT=… E2E_REUSE_SERVER=true).
    reuseExistingServer: process.env.E2E_REUSE_SERVER === 'true',
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    // Every account signs in from the same address: rate limits stay far away.
    env: { RATE_LIMIT_FACTOR: '1000', SERVER_RENDERING_TIMEOUT_MS: '30000' },
  },
});
