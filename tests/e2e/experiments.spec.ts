import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from './support/test';
import { graphql, MODERATOR, signIn } from './support/api';
import {
  expectNoHorizontalOverflow,
  expectNoSeriousA11yViolations,
  screenshotIfAsked,
  signUpThroughApi,
} from './support/helpers';

const CREATE_ORGANISATION = `mutation C($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { id } }`;

/** Adds a territory to the experiment form's list (the autocomplete empties after each choice). */
async function addTerritory(page: Page, search: string, option: string): Promise<void> {
  const input = page.getByRole('combobox', { name: /^Territoires concernés/ });
  await input.fill(search);
  await expect(async () => {
    await input.scrollIntoViewIfNeeded();
    await page.getByRole('option', { name: option }).first().click({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(
    page.getByRole('list', { name: 'Territoires choisis' }).getByText(option),
  ).toBeVisible();
}

test('a member records an experiment with an indicator and a measurement, a moderator checks the figure, the registry finds it', async ({
  page,
  browser,
}) => {
  // Three people, four forms and five accessibility checks on a 2-core machine.
  test.setTimeout(300_000);
  const key = randomUUID().slice(0, 8);
  const name = `Centrale solaire citoyenne des Pentes ${key}`;
  const indicator = 'Électricité citoyenne produite';
  await signUpThroughApi(page);
  await graphql(page.request, CREATE_ORGANISATION, {
    input: {
      name: `PTCE Énergies lyonnaises ${key}`,
      actorType: 'PTCE',
      territoryId: 'COMMUNE-69123',
    },
  });

  // The registry offers members to record an experiment.
  await page.goto('/experiences');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Registre des expériences' }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Enregistrer une expérience' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Enregistrer une expérience' }),
  ).toBeVisible();

  // Nothing typed: the domain's rules, next to the fields.
  await page.getByRole('button', { name: 'Enregistrer l’expérience' }).click();
  const nameField = page.getByRole('textbox', { name: /^Nom de l’expérience/ });
  await expect(nameField).toBeFocused();
  await expect(nameField).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page, 'record experiment (errors)');

  await nameField.fill(name);
  await page
    .getByRole('textbox', { name: /^Description/ })
    .fill(
      'Des habitants des Pentes de la Croix-Rousse financent ensemble des panneaux solaires sur les toits d’une école et d’un gymnase.',
    );
  await addTerritory(page, 'Lyon', 'Lyon (69)');
  await page.getByRole('checkbox', { name: 'Énergie citoyenne' }).check();
  await page.getByLabel(/^Date de début/).fill('2023-09-01');
  await page
    .getByRole('textbox', { name: /^Liens/ })
    .fill('https://example.org/centrale-des-pentes');
  await page.getByRole('button', { name: 'Enregistrer l’expérience' }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const experimentUrl = page.url();
  await expect(page.getByText('Expérience enregistrée')).toBeVisible();

  // An indicator: the kind chooses the units.
  await page.getByRole('button', { name: 'Ajouter un indicateur' }).click();
  await page.getByRole('textbox', { name: /^Nom de l’indicateur/ }).fill(indicator);
  await page.getByRole('combobox', { name: /^Type d’indicateur/ }).selectOption('RENEWABLE_ENERGY');
  await page.getByRole('combobox', { name: /^Unité/ }).selectOption('KWH');
  await page.getByRole('textbox', { name: /^Valeur de référence/ }).fill('0');
  await page.getByLabel(/^Date de la valeur de référence/).fill('2023-09-01');
  await page.getByRole('button', { name: 'Ajouter l’indicateur' }).click();
  await expect(page.getByRole('heading', { level: 3, name: indicator })).toBeVisible();

  // A measurement with its source.
  await page.getByRole('button', { name: `Ajouter une mesure à « ${indicator} »` }).click();
  await page.getByRole('textbox', { name: /^Valeur/ }).fill('12 500');
  await page.getByLabel(/^Date de la mesure/).fill('2024-06-30');
  await page
    .getByRole('textbox', { name: /^Source/ })
    .fill('Relevé semestriel du compteur de production');
  await page.getByRole('button', { name: 'Enregistrer la mesure' }).click();

  const table = page.getByRole('table', { name: `Mesures de « ${indicator} »` });
  const row = table.getByRole('row').filter({ hasText: '30 juin 2024' });
  await expect(row).toContainText(/12\s500\skWh/);
  await expect(row).toContainText('Relevé semestriel du compteur de production');
  await expect(row).toContainText('Non vérifié');
  await expect(page.getByRole('img', { name: `Évolution de « ${indicator} »` })).toBeVisible();
  await expect(page.getByText('Mesure enregistrée')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'experiment (member)');
  await screenshotIfAsked(page, 'experiment-member');
  await expectNoHorizontalOverflow(page, 'experiment (member)');

  // A moderator checks the figure against its source.
  const moderatorContext = await browser.newContext();
  const moderatorPage = await moderatorContext.newPage();
  await signIn(moderatorPage.request, MODERATOR);
  await moderatorPage.goto(experimentUrl);
  const moderatorTable = moderatorPage.getByRole('table', { name: `Mesures de « ${indicator} »` });
  const moderatorRow = moderatorTable.getByRole('row').filter({ hasText: '30 juin 2024' });
  await moderatorRow.getByRole('button', { name: /^Marquer comme vérifié/ }).click();
  await expect(moderatorRow).toContainText(/Vérifié le/);
  await expect(
    moderatorRow.getByRole('button', { name: /^Retirer la vérification/ }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(moderatorPage, 'experiment (moderator)');
  await moderatorContext.close();

  // Visitors see the checked figure too.
  await page.reload();
  await expect(row).toContainText(/Vérifié le/);

  // The registry's filters find it; the map filters by département.
  await page.goto('/experiences');
  await page.getByRole('combobox', { name: 'Type d’indicateur' }).selectOption('RENEWABLE_ENERGY');
  await expect(page).toHaveURL(/indicateur=renewable_energy/);
  await page.getByRole('searchbox', { name: 'Rechercher une expérience' }).fill(key);
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${key}`));
  const results = page.getByRole('region', { name: `Expériences pour « ${key} »` });
  await expect(results.getByRole('article')).toHaveCount(1);
  await expect(results.getByRole('link', { name })).toBeVisible();
  await expect(results).toContainText(/12\s500\skWh/);
  await expect(page.getByRole('status').filter({ hasText: '1 expérience' })).toBeVisible();

  await page
    .getByRole('list', { name: 'Départements' })
    .getByRole('link', { name: /^Rhône \(69\) : \d+ expériences?$/ })
    .click();
  await expect(page).toHaveURL(/territoire=DEPARTEMENT-69/);
  await expect(results.getByRole('link', { name })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'experiments registry');
  await screenshotIfAsked(page, 'experiments-registry');
  await expectNoHorizontalOverflow(page, 'experiments registry');

  await page.getByRole('combobox', { name: 'Type d’indicateur' }).selectOption('JOBS');
  await expect(page.getByText('Aucune expérience ne correspond à ces critères.')).toBeVisible();
});

test('the registry filters by actor type and theme, kept in the URL (demo experiments)', async ({
  page,
}) => {
  // Demo data (prisma/seeds/demo-experiments.ts): the PTCE Drôme Coopérative carries two
  // experiments named after the Drôme — the légumerie (a university among its partners,
  // "Coopération territoriale") and the citizen savings one ("Démocratie économique").
  const legumerie = 'Légumerie coopérative de la vallée de la Drôme';
  const epargne = 'Épargne citoyenne pour les entreprises de la Drôme';
  await page.goto('/experiences?q=Drôme');
  const results = page.getByRole('region', { name: 'Expériences pour « Drôme »' });
  const shown = async (names: string[]) => {
    await expect(results.getByRole('article')).toHaveCount(names.length);
    for (const name of names) {
      await expect(results.getByRole('link', { name, exact: true })).toBeVisible();
    }
  };
  await shown([legumerie, epargne]);

  const actorType = page.getByRole('combobox', { name: 'Type d’acteur' });
  const theme = page.getByRole('combobox', { name: 'Thème' });
  // A partner's actor type counts: only the légumerie has a university.
  await actorType.selectOption('UNIVERSITY');
  await expect(page).toHaveURL(/acteur=university/);
  await shown([legumerie]);
  await expect(page.getByRole('status').filter({ hasText: '1 expérience' })).toBeVisible();

  // The carrier's: both are a PTCE's.
  await actorType.selectOption('PTCE');
  await expect(page).toHaveURL(/acteur=ptce/);
  await expect(page).not.toHaveURL(/acteur=university/);
  await shown([legumerie, epargne]);

  await theme.selectOption({ label: 'Démocratie économique' });
  await expect(page).toHaveURL(/theme=[0-9a-f-]{36}/);
  await expect(page).toHaveURL(/acteur=ptce/);
  await shown([epargne]);
  const democratie = new URL(page.url()).searchParams.get('theme');

  await theme.selectOption({ label: 'Coopération territoriale' });
  await expect(page).not.toHaveURL(new RegExp(`theme=${democratie}`));
  await shown([legumerie]);

  await theme.selectOption({ label: 'Énergie citoyenne' });
  await expect(page.getByText('Aucune expérience ne correspond à ces critères.')).toBeVisible();
  await expect(results.getByRole('article')).toHaveCount(0);

  // The URL alone gives the same page (shareable).
  await page.goto(`/experiences?q=Drôme&acteur=ptce&theme=${democratie}`);
  await expect(actorType).toHaveValue('PTCE');
  await expect(theme).toHaveValue(democratie ?? '');
  await shown([epargne]);
});

test('the registry and its map speak English', async ({ page }) => {
  await page.goto('/experiences');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Experiments registry' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', {
      name: 'Experiments',
    }),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Map of experiments by département' }),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Départements' }).getByRole('link')).toHaveCount(101);
});
