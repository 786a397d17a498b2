import { expect, test } from './support/test';
import {
  expectNoHorizontalOverflow,
  latestProposals,
  screenshotIfAsked,
  signUpThroughApi,
} from './support/helpers';

test.describe('360 px wide screen', () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test('home, proposal and submit pages fit without horizontal scrolling', async ({ page }) => {
    await page.goto('/');
    const firstCard = latestProposals(page).first();
    await expect(firstCard).toBeVisible();
    await expectNoHorizontalOverflow(page, 'home');
    await screenshotIfAsked(page, 'home-360');

    await firstCard.getByRole('heading', { level: 3 }).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoHorizontalOverflow(page, 'proposal');
    await screenshotIfAsked(page, 'proposal-360');

    await page.goto('/proposer');
    await expect(page.getByRole('link', { name: 'Se connecter' }).last()).toBeVisible();
    await expectNoHorizontalOverflow(page, 'submit (signed out)');

    await signUpThroughApi(page);
    await page.reload();
    await expect(page.getByRole('textbox', { name: /^Titre/ })).toBeVisible();
    await expectNoHorizontalOverflow(page, 'submit');
    await screenshotIfAsked(page, 'submit-360');
  });
});

test('home and proposal pages on a desktop screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const firstCard = latestProposals(page).first();
  await expect(firstCard).toBeVisible();
  await expectNoHorizontalOverflow(page, 'home (desktop)');
  await screenshotIfAsked(page, 'home-desktop');
  await firstCard.getByRole('heading', { level: 3 }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoHorizontalOverflow(page, 'proposal (desktop)');
  await screenshotIfAsked(page, 'proposal-desktop');
});
