import { expect, test } from './support/test';
import { signUpThroughApi } from './support/helpers';

// After signing out, the app refetches what was on screen. When that refetch is slow, a person who
// has already moved on (here: straight to the sign-in page) must stay where they went. Replies of
// the real API are only delayed, never replaced.
test('signing out does not pull the user back home when the refetch finishes late', async ({
  page,
}) => {
  await signUpThroughApi(page);
  await page.goto('/');
  const accountButton = page.getByRole('button', { name: /^Compte de/ });
  await expect(accountButton).toBeVisible();

  // The refetch after signing out takes 1 s, and the sign-in page's code 3 s to arrive: the old
  // code navigated home when the refetch ended, cancelling the navigation the user had started.
  await page.route('**/graphql', async (route) => {
    const body = route.request().postData() ?? '';
    if (body.includes('"operationName":"Proposals"'))
      await new Promise((r) => setTimeout(r, 1_000));
    await route.continue();
  });
  await page.route(/\/assets\/SignInPage-[^/]*\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, 3_000));
    await route.continue();
  });

  await accountButton.click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await page.getByRole('link', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();

  await page.waitForTimeout(1_000);
  await expect(page).toHaveURL(/\/connexion$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
});
