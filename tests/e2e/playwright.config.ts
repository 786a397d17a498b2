import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the real built app: `tools/start.mjs --ephemeral` provisions a fresh
 * database, migrates, seeds the French demo data and serves the API and dist/web on one port.
 * Build first (`npm run build`). Debian's Chromium, never a downloaded browser.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  outputDir: '../../test-results/e2e',
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
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `node tools/start.mjs --ephemeral --port ${PORT}`,
    cwd: '../..',
    url: `${BASE_URL}/health/ready`,
    timeout: 180_000,
    // Local iterations may point at a running server (E2E_PORT=… E2E_REUSE_SERVER=true); CI never does.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === 'true',
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    // Every test signs in from the same address: rate limits stay far away (merged into process.env).
    // Opinion groups are recomputed one second after a vote, so browser tests see them quickly.
    // A loaded machine may take seconds for a first render: pages are still sent rendered.
    env: {
      RATE_LIMIT_FACTOR: '1000',
      OPINION_GROUPS_DELAY_SECONDS: '1',
      SERVER_RENDERING_TIMEOUT_MS: '30000',
    },
  },
});
