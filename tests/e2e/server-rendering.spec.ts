import { expect, test, type Page } from './support/test';
import { latestProposals, signUpThroughApi } from './support/helpers';

/** Errors the page logs: a hydration mismatch is one (React reports it on the console). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, waitForPageReady: false });

  test('a visitor reads the proposals and a proposal page, rendered by the server', async ({
    page,
  }) => {
    await page.goto('/propositions');
    await expect(page.getByRole('heading', { level: 1, name: 'Propositions' })).toBeVisible();
    const cards = page.getByRole('region', { name: /^Résultats/ }).getByRole('article');
    await expect(cards.first()).toBeVisible();
    expect(await cards.count()).toBeGreaterThan(1);
    const title = await cards.first().getByRole('heading', { level: 3 }).innerText();

    // Links are links: the proposal page comes rendered too.
    await cards.first().getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('La proposition', { exact: true })).toBeVisible();
  });
});

test('the rendered list becomes the app without a mismatch, and works', async ({ page }) => {
  const errors = collectErrors(page);
  const lists: string[] = [];
  page.on('request', (request) => {
    const body = request.postData() ?? '';
    if (request.url().endsWith('/graphql') && body.includes('"operationName":"Proposals"')) {
      lists.push(body);
    }
  });
  // page.goto waits for the app to take the page over (support/test.ts).
  await page.goto('/propositions');
  const results = page.getByRole('region', { name: /^Résultats/ });
  await expect(results.getByRole('article').first()).toBeVisible();
  // The list came with the page: the app did not ask for it again.
  expect(lists).toEqual([]);

  await page.getByRole('combobox', { name: 'Trier par' }).selectOption('TOP');
  await expect(page).toHaveURL(/[?&]tri=top(&|$)/);
  await expect(results.getByRole('article').first()).toBeVisible();
  expect(lists.some((body) => body.includes('"orderBy":"TOP"'))).toBe(true);
  expect(errors).toEqual([]);
});

test('a signed-in member gets the app, with their own view of the page', async ({ page }) => {
  const member = await signUpThroughApi(page);
  const html = await (await page.request.get('/propositions')).text();
  expect(html).toContain('<div id="root"></div>');
  await page.goto('/');
  await expect(latestProposals(page).first()).toBeVisible();
  await expect(page.getByRole('button', { name: `Compte de ${member.displayName}` })).toBeVisible();
});
