import { expect, test } from './support/test';
import {
  chooseTerritory,
  expectNoHorizontalOverflow,
  expectNoSeriousA11yViolations,
  signUpThroughApi,
} from './support/helpers';

test('a participant creates an organisation from the profile and becomes its manager', async ({
  page,
}) => {
  const participant = await signUpThroughApi(page);
  const name = `Coopérative test ${participant.displayName.slice(-8)}`;
  await page.goto('/');
  await page.getByRole('button', { name: `Compte de ${participant.displayName}` }).click();
  await page.getByRole('menuitem', { name: 'Mon profil' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon profil' })).toBeVisible();
  await expect(page.getByText('Vous n’avez pas encore déposé de proposition.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'profile');

  await page.getByRole('link', { name: 'Créer une organisation' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Créer une organisation' }),
  ).toBeVisible();
  await page.getByRole('textbox', { name: /^Nom de l’organisation/ }).fill(name);
  await page.getByRole('combobox', { name: /^Type d’organisation/ }).selectOption('ESS_ENTERPRISE');
  const siret = page.getByRole('textbox', { name: /^SIRET/ });
  await siret.fill('12345678901234');
  await chooseTerritory(page, 'Lyon', 'Lyon (69)');
  await page.getByRole('button', { name: 'Créer l’organisation' }).click();
  await expect(siret).toBeFocused();
  await expect(siret).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page, 'create organisation (errors)');

  await siret.fill('');
  await page.getByRole('button', { name: 'Créer l’organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Vous : Responsable')).toBeVisible();
  const members = page.getByRole('region', { name: '1 membre' });
  await expect(members).toContainText(participant.displayName);
  await expect(members.getByRole('button', { name: 'Envoyer l’invitation' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'organisation');

  await page.goto('/profil');
  await expect(
    page.getByRole('region', { name: 'Mes organisations' }).getByRole('link', { name }),
  ).toBeVisible();
});

const CREATE_ORGANISATION = `mutation C($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { id } }`;

test('a manager invites a participant, who accepts from the profile and posts a proposal for the organisation', async ({
  page,
  browser,
}) => {
  const manager = await signUpThroughApi(page);
  const name = `Association invitante ${manager.displayName.slice(-8)}`;
  const created = await page.request.post('/graphql', {
    headers: { 'Content-Type': 'application/json' },
    data: {
      query: CREATE_ORGANISATION,
      variables: { input: { name, actorType: 'ASSOCIATION', territoryId: 'COMMUNE-69123' } },
    },
  });
  const organisationId = (
    (await created.json()) as { data: { createOrganisation: { id: string } } }
  ).data.createOrganisation.id;

  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  const member = await signUpThroughApi(memberPage);

  await page.goto(`/organisations/${organisationId}`);
  await page.getByRole('textbox', { name: /^Adresse e-mail de la personne/ }).fill(member.email);
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expect(page.getByText(`Invitation envoyée à ${member.email}.`)).toBeVisible();

  await memberPage.goto('/profil');
  const invitations = memberPage.getByRole('region', {
    name: 'Invitations à rejoindre une organisation',
  });
  await expect(invitations).toContainText(name);
  await expectNoSeriousA11yViolations(memberPage, 'profile (invitation)');
  await invitations.getByRole('button', { name: 'Accepter' }).click();
  await expect(
    memberPage.getByRole('region', { name: 'Mes organisations' }).getByRole('link', { name }),
  ).toBeVisible();

  // The new member posts on behalf of the organisation: the proposal shows on its page.
  const title = `Un atelier vélo associatif par quartier ${member.displayName.slice(-8)}`;
  await memberPage.goto('/proposer');
  await memberPage.getByRole('textbox', { name: /^Titre/ }).fill(title);
  await memberPage
    .getByRole('textbox', { name: /^Résumé/ })
    .fill('Des ateliers de réparation de vélos tenus par des bénévoles dans chaque quartier.');
  await memberPage
    .getByRole('textbox', { name: /^Proposition détaillée/ })
    .fill('Chaque quartier accueille un atelier où les habitants apprennent à réparer leur vélo.');
  await memberPage
    .getByRole('group', { name: /^Thèmes/ })
    .getByRole('checkbox')
    .first()
    .check();
  await chooseTerritory(memberPage, 'Lyon', 'Lyon (69)');
  await memberPage.getByRole('combobox', { name: /^Échelon compétent/ }).selectOption('COMMUNE');
  await memberPage.getByRole('combobox', { name: /^Levier d’action/ }).selectOption('BUDGET');
  await memberPage
    .getByRole('combobox', { name: /^Publier au nom de/ })
    .selectOption({ label: name });
  await memberPage.getByRole('button', { name: 'Publier la proposition' }).click();
  await expect(memberPage.getByRole('heading', { level: 1 })).toHaveText(title);
  await memberPage.getByRole('link', { name }).click();
  await expect(memberPage.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(
    memberPage.getByRole('region', { name: 'Propositions de l’organisation' }),
  ).toContainText(title);
  await expect(memberPage.getByRole('region', { name: '2 membres' })).toContainText(
    manager.displayName,
  );
  await memberContext.close();
});

test('a territory page lists the proposals of its communes and links to its région', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto('/territoires/DEPARTEMENT-69');
  await expect(page.getByRole('heading', { level: 1, name: 'Rhône (69)' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Propositions du territoire' })).toBeVisible();
  await expectNoHorizontalOverflow(page, 'territory');
  await expectNoSeriousA11yViolations(page, 'territory');
  await page.getByRole('link', { name: 'Auvergne-Rhône-Alpes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Auvergne-Rhône-Alpes' })).toBeVisible();
});
