/**
 * Playwright's `test` for these browser tests: every page load (`goto`, `reload`) of the app also
 * waits until React has taken over the page (`<html data-page-ready>`, set by the app's Layout).
 * The server sends an anonymous visitor's first page already rendered: it is visible before its
 * controls respond, and a test acting in between (choosing an order, pressing a skip link) would
 * act on inert HTML. Pages of every context (also those a test opens itself) wait the same way.
 */
import { test as base, type Page, type Response } from '@playwright/test';

export * from '@playwright/test';

const PAGE_READY_TIMEOUT_MS = 30_000;
/** Set on a page whose loads must not wait (its context runs no JavaScript). */
const NO_WAIT = Symbol('noPageReadyWait');
type MarkedPage = Page & { [NO_WAIT]?: boolean };

async function waitForApp(page: MarkedPage, response: Response | null): Promise<void> {
  if (page[NO_WAIT] || !response || response.status() >= 400) return;
  if (!(response.headers()['content-type'] ?? '').includes('text/html')) return;
  await page.waitForFunction(() => document.documentElement.dataset['pageReady'] === 'true', null, {
    timeout: PAGE_READY_TIMEOUT_MS,
  });
}

let patched = false;

/** Wraps Page's goto and reload (its prototype, shared by every page of the worker) once. */
function patchPageLoads(page: Page): void {
  if (patched) return;
  patched = true;
  const prototype = Object.getPrototypeOf(page) as Page;
  const { goto, reload } = prototype;
  prototype.goto = async function (this: MarkedPage, ...args: Parameters<Page['goto']>) {
    const response = await goto.apply(this, args);
    await waitForApp(this, response);
    return response;
  };
  prototype.reload = async function (this: MarkedPage, ...args: Parameters<Page['reload']>) {
    const response = await reload.apply(this, args);
    await waitForApp(this, response);
    return response;
  };
}

export const test = base.extend<{ waitForPageReady: boolean }, { patchedPageLoads: void }>({
  /** `test.use({ waitForPageReady: false })` with `javaScriptEnabled: false`. */
  waitForPageReady: [true, { option: true }],
  page: async ({ page, waitForPageReady }, use) => {
    (page as MarkedPage)[NO_WAIT] = !waitForPageReady;
    await use(page);
  },
  patchedPageLoads: [
    async ({ browser }, use) => {
      const page = await browser.newPage();
      patchPageLoads(page);
      await page.close();
      await use();
    },
    { scope: 'worker', auto: true },
  ],
});
