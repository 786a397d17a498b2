import { expect, test } from './support/test';
import {
  chooseTerritory,
  expectNoSeriousA11yViolations,
  signUpThroughApi,
} from './support/helpers';

// Issue 10: a proposal cites a registry experiment as its evidence. The demo experiment (seeded by
// prisma/seeds/demo-experiments.ts) has a newest figure of 11,5 ETP, recorded but not yet checked.
const EXPERIMENT = 'Légumerie coopérative de la vallée de la Drôme';

test('a participant cites a demo experiment and sees it with its figure on the proposal page', async ({
  page,
}) => {
  // Submitting, then the proposal page with its evidence, then the list: three page loads.
  test.slow();
  const participant = await signUpThroughApi(page);
  const key = participant.displayName.slice(-8);
  const title = `Une légumerie coopérative dans chaque vallée ${key}`;
  await page.goto('/proposer');

  await test.step('the form offers the registry’s experiments, searched by name', async () => {
    await page.getByRole('textbox', { name: /^Titre/ }).fill(title);
    await page
      .getByRole('textbox', { name: /^Résumé/ })
      .fill('Des ateliers coopératifs qui préparent les légumes locaux pour les cantines.');
    await page
      .getByRole('textbox', { name: /^Proposition détaillée/ })
      .fill(
        'Une légumerie portée par un PTCE garantit des débouchés aux maraîchers et crée des emplois en insertion.',
      );
    await page
      .getByRole('group', { name: /^Thèmes/ })
      .getByRole('checkbox')
      .first()
      .check();
    await chooseTerritory(page, 'Crest', /^Crest/);
    await page.getByRole('combobox', { name: /^Échelon compétent/ }).selectOption('COMMUNE');
    await page.getByRole('combobox', { name: /^Levier d’action/ }).selectOption('BUDGET');

    const picker = page.getByRole('combobox', { name: /^Expérimentations du registre/ });
    await picker.fill('Légumerie');
    await expect(async () => {
      await picker.scrollIntoViewIfNeeded();
      await page
        .getByRole('option', { name: new RegExp(`^${EXPERIMENT}`) })
        .first()
        .click({ timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
    // A multi-select stays open for more picks: close it.
    await picker.press('Escape');
    await expect(page.getByRole('listbox')).toBeHidden();
    await expectNoSeriousA11yViolations(page, 'submit (experiments picker)');
    await page.getByRole('button', { name: 'Publier la proposition' }).click();
    await expect(page).toHaveURL(/\/propositions\/[0-9a-f-]{36}$/);
  });

  await test.step('the proposal page shows the experiment, linked, with its latest figure', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const evidence = page.getByRole('region', {
      name: 'Expérimentations sur lesquelles elle s’appuie',
    });
    await expect(evidence).toBeVisible();
    const link = evidence.getByRole('link', { name: EXPERIMENT });
    await expect(link).toHaveAttribute('href', /^\/experiences\/[0-9a-f-]{36}$/);
    await expect(evidence.getByText('Portée par', { exact: false })).toBeVisible();
    // The newest figure of an indicator, said not to be checked yet.
    await expect(
      evidence.getByText(
        /^Emplois créés dans l’atelier : 11,5\sETP \(31 décembre 2024\)\s*non vérifié$/,
      ),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'proposal page (cited experiments)');
  });

  await test.step('the list filter "grounded in a measured experiment" keeps it', async () => {
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Propositions' })
      .click();
    const filter = page.getByRole('switch', { name: /^Fondée sur une expérience mesurée/ });
    // Controlled by the URL: the click changes the address, which checks the switch.
    await filter.click({ timeout: 30_000 });
    await expect(page).toHaveURL(/[?&]experience-mesuree=1/);
    await expect(filter).toBeChecked();
    await expect(page.getByRole('link', { name: title })).toBeVisible({ timeout: 30_000 });
  });
});
