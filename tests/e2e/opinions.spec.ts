import { expect, test } from './support/test';
import {
  expectNoHorizontalOverflow,
  expectNoSeriousA11yViolations,
  screenshotIfAsked,
} from './support/helpers';

test('a visitor sorts by consensus across groups and reads the first proposal’s group bars', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const results = page.getByRole('region', { name: /^Résultats/ });
  const cards = results.getByRole('article');
  const section = page.getByRole('region', { name: 'Avis par groupe d’opinion' });
  const groups = section
    .getByRole('list', { name: 'Avis de chaque groupe d’opinion' })
    .getByRole('listitem');

  await test.step('the list offers the consensus order and sends it', async () => {
    await page.goto('/propositions');
    // A loaded machine (2 cores shared with builds) may take a while for the first page.
    await expect(cards.first()).toBeVisible({ timeout: 30_000 });
    const sort = page.getByRole('combobox', { name: 'Trier par' });
    await expect(sort.getByRole('option', { name: 'Ce qui divise' })).toBeAttached();
    await sort.selectOption({ label: 'Consensus entre groupes' });
    await expect(page).toHaveURL(/[?&]tri=consensus(&|$)/);
    await expect(sort).toHaveValue('CONSENSUS');
    await expect(cards.first()).toBeVisible();
  });

  await test.step('the first proposal shows its groups once the API has computed them', async () => {
    // The API computes the demo groups shortly after boot: until then the order is a tie and
    // the page says the groups are not computed yet. Reload the list and its first proposal.
    await expect(async () => {
      await page.goto('/propositions?tri=consensus');
      await cards.first().getByRole('heading', { level: 3 }).getByRole('link').click();
      await expect(page).toHaveURL(/\/propositions\/[^/?]+$/);
      await expect(groups.first()).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 45_000, intervals: [1_000, 2_000, 3_000] });

    expect(await groups.count()).toBeGreaterThanOrEqual(2);
    const first = groups.first();
    await expect(first).toContainText(/^Groupe [A-Z]/);
    await expect(first).toContainText(/\d+ participant·es?/);
    // Shares and counts written out, not only drawn.
    await expect(first.getByText(/^Pour\s:\s\d+(,\d)?\s%\s\(\d+\)$/)).toBeVisible();
    await expect(first.getByText(/^Neutre\s:\s\d+(,\d)?\s%\s\(\d+\)$/)).toBeVisible();
    await expect(first.getByText(/^Contre\s:\s\d+(,\d)?\s%\s\(\d+\)$/)).toBeVisible();
    await expect(section.getByTestId('opinion-bar').first()).toBeVisible();

    await expect(section.getByTestId('opinions-explanation')).toHaveText(/\S.{10,}/);
    // First of the whole list under CONSENSUS, hence first of its own consultation.
    await expect(section.getByTestId('opinions-consensus-rank')).toHaveText(
      /^1re sur \d+ au classement consensus$/,
    );
    await expect(section.locator('time')).toHaveText(/^Groupes calculés /);
    // A visitor never sees a group of their own.
    await expect(section.getByText(/vous êtes proche du groupe/)).toHaveCount(0);
  });

  await test.step('the figures also read as a table, and the page passes axe', async () => {
    await section.getByText('Voir les chiffres en tableau').click();
    const table = section.getByRole('table', { name: /^Avis de chaque groupe d’opinion/ });
    await expect(table).toBeVisible();
    await expect(table.getByRole('rowheader')).toHaveCount(await groups.count());
    await expectNoSeriousA11yViolations(page, 'proposal with opinion groups');
    await section.scrollIntoViewIfNeeded();
    await screenshotIfAsked(page, 'opinions-proposal');
  });

  await test.step('“Comment ça marche ?” opens with the keyboard', async () => {
    const how = section.getByTestId('opinions-how');
    const summary = how.locator('summary');
    await expect(summary).toHaveText(/^Comment ça marche\s\?$/);
    await expect(how).not.toHaveAttribute('open', /.*/);
    await summary.focus();
    await expect(summary).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(how).toHaveAttribute('open', /.*/);
    await expect(how.getByText(/les groupes sont déduits des votes/)).toBeVisible();
    await expect(how.getByText(/Les petits groupes sont lissés/)).toBeVisible();
  });

  await test.step('the bars fit a 320 px wide screen', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await expect(groups.first()).toBeVisible();
    await expectNoHorizontalOverflow(page, 'proposal with opinion groups at 320 px');
    await screenshotIfAsked(page, 'opinions-proposal-320');
  });
});
