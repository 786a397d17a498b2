import { expect, test } from './support/test';
import { expectNoSeriousA11yViolations } from './support/helpers';

test('switches the interface from French to English, asks the API in English and remembers it', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Dernières propositions' }),
  ).toBeVisible();

  const englishRequest = page.waitForRequest(
    (request) =>
      request.url().endsWith('/graphql') && request.headers()['accept-language'] === 'en',
  );
  await page.getByRole('button', { name: 'English' }).click();

  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'Latest proposals' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await englishRequest; // theme names and API messages now come in English
  await expectNoSeriousA11yViolations(page, 'home (English)');

  await page.goto('/propositions?q=velo');
  await expect(page.getByRole('heading', { level: 1, name: 'Proposals' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Results for “velo”' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('RELEVANCE');
  await expectNoSeriousA11yViolations(page, 'proposals (English)');
  await page
    .getByRole('region', { name: /^Results/ })
    .getByRole('article')
    .first()
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('region', { name: 'Participants’ opinions' })).toBeVisible();
  await expect(page.getByText('Sign in to give your opinion on this proposal.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'proposal (English)');

  await page.goto('/');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'Latest proposals' })).toBeVisible();

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Dernières propositions' }),
  ).toBeVisible();
});
