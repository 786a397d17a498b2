import { expect, test } from './support/test';
import { latestProposals } from './support/helpers';

test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await expect(latestProposals(page).first()).toBeVisible();

  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Aller au contenu principal' });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  // The next Tab stop is inside the main content, not back in the header.
  await page.keyboard.press('Tab');
  const isInMain = await page.evaluate(() => document.activeElement?.closest('main') !== null);
  expect(isInMain).toBe(true);
});

test('every control of the header is reachable and named when using the keyboard', async ({
  page,
}) => {
  await page.goto('/');
  await expect(latestProposals(page).first()).toBeVisible();
  const names: string[] = [];
  for (let stop = 0; stop < 10; stop += 1) {
    await page.keyboard.press('Tab');
    names.push(
      await page.evaluate(
        () => (document.activeElement as HTMLElement | null)?.innerText.trim() ?? '',
      ),
    );
  }
  expect(names).toEqual([
    'Aller au contenu principal',
    'Passerelle',
    'Accueil',
    'Propositions',
    'Expériences',
    'Contributions',
    'Proposer',
    'English',
    'Se connecter',
    'Créer un compte',
  ]);
});
