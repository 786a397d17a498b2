import { expect, test } from './support/test';
import { chooseTerritory, expectNoSeriousA11yViolations } from './support/helpers';

test('searching, filtering and sorting are kept in the URL, and Back undoes each step', async ({
  page,
}) => {
  await page.goto('/propositions');
  const results = page.getByRole('region', { name: /^Résultats/ });
  const cards = results.getByRole('article');
  await expect(cards.first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'proposals');

  await test.step('French search: accents ignored, matches highlighted', async () => {
    await page.getByRole('searchbox', { name: 'Rechercher une proposition' }).fill('velo');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page).toHaveURL(/\/propositions\?q=velo$/);
    await expect(
      page.getByRole('heading', { level: 2, name: 'Résultats pour « velo »' }),
    ).toBeVisible();
    await expect(cards.first()).toBeVisible();
    await expect(results.locator('mark').first()).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Trier par' })).toHaveValue('RELEVANCE');
    await expectNoSeriousA11yViolations(page, 'proposals (search)');
  });

  await test.step('sort', async () => {
    await page.getByRole('combobox', { name: 'Trier par' }).selectOption('TOP');
    await expect(page).toHaveURL(/[?&]tri=top(&|$)/);
  });

  await test.step('filter by collège', async () => {
    await page.goto('/propositions');
    await expect(cards.first()).toBeVisible();
    const total = await page.getByText(/^\d+ propositions? publiées?$/).innerText();
    // Small screens fold the filters: open them when needed.
    const toggle = page.getByRole('button', { name: 'Afficher', exact: true });
    if (await toggle.isVisible()) await toggle.click();
    // Router navigations are transitions: click, then wait for the URL-driven state.
    await page.getByRole('checkbox', { name: 'Collectivité territoriale' }).click();
    await expect(page.getByRole('checkbox', { name: 'Collectivité territoriale' })).toBeChecked();
    await expect(page).toHaveURL(/[?&]college=LOCAL_AUTHORITY(&|$)/);
    await expect(page.getByText(/^\d+ propositions? publiées?$/)).not.toHaveText(total);
    for (const card of await cards.all())
      await expect(card).toContainText('Collectivité territoriale');

    await page.getByRole('combobox', { name: 'Trier par' }).selectOption('MOST_COMMENTED');
    await expect(page).toHaveURL(/college=LOCAL_AUTHORITY.*|tri=most_commented/);

    // Back: the sort goes, the filter stays; Back again: the filter goes too.
    await page.goBack();
    await expect(page).toHaveURL(/\/propositions\?college=LOCAL_AUTHORITY$/);
    await expect(page.getByRole('combobox', { name: 'Trier par' })).toHaveValue('NEWEST');
    await expect(page.getByRole('checkbox', { name: 'Collectivité territoriale' })).toBeChecked();
    await page.goBack();
    await expect(page).toHaveURL(/\/propositions$/);
    await expect(
      page.getByRole('checkbox', { name: 'Collectivité territoriale' }),
    ).not.toBeChecked();
    await expect(page.getByText(/^\d+ propositions? publiées?$/)).toHaveText(total);
  });

  await test.step('filter by département: its communes are included', async () => {
    await page.goto('/propositions');
    await expect(cards.first()).toBeVisible();
    await page.getByRole('radio', { name: 'Département' }).check();
    await chooseTerritory(page, 'Rhône', 'Rhône (69)');
    await expect(page).toHaveURL(/[?&]territoire=DEPARTEMENT-69(&|$)/);
    await expect(cards.first()).toContainText('(69)');
    for (const card of await cards.all()) await expect(card).toContainText('(69)');
    // The filter is read back from the URL on a fresh load.
    await page.reload();
    await expect(page.getByRole('combobox', { name: /^Territoire/ })).toHaveValue('Rhône (69)');
  });

  await test.step('a shared address shows the same results', async () => {
    await page.goto('/propositions?theme=energie-citoyenne&tri=top');
    await expect(page.getByRole('checkbox', { name: 'Énergie citoyenne' })).toBeChecked();
    await expect(page.getByRole('combobox', { name: 'Trier par' })).toHaveValue('TOP');
    await expect(cards.first()).toBeVisible();
  });

  await test.step('load more follows the cursor', async () => {
    await page.goto('/propositions');
    await expect(cards).toHaveCount(10);
    await page.getByRole('button', { name: 'Afficher plus de propositions' }).click();
    await expect(cards).toHaveCount(20);
    await expect(cards.nth(10).getByRole('link').first()).toBeFocused();
  });
});
