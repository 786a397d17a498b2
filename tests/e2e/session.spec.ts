import { expect, test } from './support/test';
import { latestProposals, signUpThroughApi } from './support/helpers';

const ACCESS_COOKIE = 'passerelle_at';
const REFRESH_COOKIE = 'passerelle_rt';

test('an expired access token is refreshed once with the refresh cookie, without signing the user out', async ({
  page,
  context,
}) => {
  const participant = await signUpThroughApi(page);
  const [access] = (await context.cookies()).filter((cookie) => cookie.name === ACCESS_COOKIE);
  expect(access, 'the API sets the access cookie').toBeDefined();
  // A token the API cannot verify is answered with SESSION_EXPIRED, like an expired one.
  await context.addCookies([{ ...access, value: 'expired.or.tampered' }]);

  const refresh = page.waitForRequest(
    (request) => request.postData()?.includes('refreshSession') ?? false,
  );
  await page.goto('/');
  await refresh;
  await expect(
    page.getByRole('button', { name: `Compte de ${participant.displayName}` }),
  ).toBeVisible();
  await expect(latestProposals(page).first()).toBeVisible();
  const renewed = (await context.cookies()).find((cookie) => cookie.name === ACCESS_COOKIE);
  expect(renewed?.value).not.toBe('expired.or.tampered');
});

test('when the session cannot be refreshed the visitor still sees the site, signed out', async ({
  page,
  context,
}) => {
  await signUpThroughApi(page);
  const cookies = (await context.cookies()).filter(
    (c) => c.name === ACCESS_COOKIE || c.name === REFRESH_COOKIE,
  );
  expect(cookies).toHaveLength(2);
  await context.addCookies(cookies.map((cookie) => ({ ...cookie, value: 'revoked' })));

  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
  await expect(latestProposals(page).first()).toBeVisible();
});
