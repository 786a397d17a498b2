import { expect, test, type Page } from './support/test';
import {
  chooseTerritory,
  expectNoSeriousA11yViolations,
  signUpThroughApi,
} from './support/helpers';

const PROPOSAL_FOR_EDIT = `query P($id: ID!) { proposal(id: $id) { id version title summary body
  themes { id } territory { id } competentLevel lever experiment measuredImpact } }`;
const UPDATE = `mutation U($input: UpdateProposalInput!) { updateProposal(input: $input) { version } }`;

/** Saves a new version of the proposal through the API with the page's session cookies. */
async function updateThroughApi(page: Page, id: string): Promise<void> {
  const headers = { 'Content-Type': 'application/json' };
  const loaded = await page.request.post('/graphql', {
    headers,
    data: { query: PROPOSAL_FOR_EDIT, variables: { id } },
  });
  const { proposal } = ((await loaded.json()) as { data: { proposal: Record<string, unknown> } })
    .data as {
    proposal: Record<string, unknown> & { themes: { id: string }[]; territory: { id: string } };
  };
  const { id: proposalId, version, themes, territory, ...fields } = proposal;
  const saved = await page.request.post('/graphql', {
    headers,
    data: {
      query: UPDATE,
      variables: {
        input: {
          ...fields,
          proposalId,
          expectedVersion: version,
          themeIds: themes.map((theme) => theme.id),
          territoryId: territory.id,
          summary: 'Une version enregistrée ailleurs entre-temps, par la même personne.',
        },
      },
    },
  });
  expect(((await saved.json()) as { errors?: unknown }).errors).toBeUndefined();
}

/** Fills the submit form: the texts given, the first theme, Grenoble, commune, budget. */
async function fillProposalForm(
  page: Page,
  text: { title: string; summary: string; body: string },
): Promise<void> {
  await page.getByRole('textbox', { name: /^Titre/ }).fill(text.title);
  await page.getByRole('textbox', { name: /^Résumé/ }).fill(text.summary);
  await page.getByRole('textbox', { name: /^Proposition détaillée/ }).fill(text.body);
  await page
    .getByRole('group', { name: /^Thèmes/ })
    .getByRole('checkbox')
    .first()
    .check();
  await chooseTerritory(page, 'Grenoble', /^Grenoble/);
  await page.getByRole('combobox', { name: /^Échelon compétent/ }).selectOption('COMMUNE');
  await page.getByRole('combobox', { name: /^Levier d’action/ }).selectOption('BUDGET');
}

test('the submit form warns about similar proposals while the title is typed, then the author edits the proposal', async ({
  page,
}) => {
  const participant = await signUpThroughApi(page);
  const key = participant.displayName.slice(-8);
  await page.goto('/proposer');
  const titleField = page.getByRole('textbox', { name: /^Titre/ });

  await test.step('duplicate warning', async () => {
    await titleField.fill('Des vélobus pour aller à l’école');
    const panel = page.getByRole('alert').filter({ hasText: /ressemblen?t? à la vôtre/ });
    await expect(panel).toBeVisible();
    await expect(
      panel.getByRole('link', { name: /^Des vélobus et des vélo-écoles pour aller à l’école/ }),
    ).toHaveAttribute('href', /^\/propositions\//);
    await expectNoSeriousA11yViolations(page, 'submit (similar proposals)');
  });

  await test.step('submit anyway', async () => {
    await fillProposalForm(page, {
      title: `Des vélobus dans chaque commune rurale ${key}`,
      summary: 'Organiser des convois à vélo encadrés par des parents pour aller à l’école.',
      body: '## Constat\n\nLes **trajets courts** vers l’école se font encore en voiture.\n\n- moins de bruit\n- plus d’autonomie',
    });
    await page.getByRole('button', { name: 'Publier la proposition' }).click();
    await expect(page).toHaveURL(/\/propositions\/[0-9a-f-]{36}$/);
    // Markdown is rendered: a heading and a list, strong text.
    await expect(page.getByRole('heading', { name: 'Constat' })).toBeVisible();
    await expect(page.locator('.proposal-main .markdown-body strong')).toHaveText('trajets courts');
  });

  await test.step('edit: a new version in the history', async () => {
    await page.getByRole('link', { name: 'Modifier' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Modifier la proposition' }),
    ).toBeVisible();
    const editTitle = page.getByRole('textbox', { name: /^Titre/ });
    await expect(editTitle).toHaveValue(`Des vélobus dans chaque commune rurale ${key}`);
    await editTitle.fill(`Des vélobus dans chaque commune rurale et périurbaine ${key}`);
    await expectNoSeriousA11yViolations(page, 'edit proposal');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Des vélobus dans chaque commune rurale et périurbaine ${key}`,
    );
    await expect(page.getByText('2 versions du texte')).toBeVisible();
  });

  await test.step('a concurrent edit is a conflict that keeps the user’s text', async () => {
    await page.getByRole('link', { name: 'Modifier' }).click();
    const editSummary = page.getByRole('textbox', { name: /^Résumé/ });
    await expect(editSummary).toHaveValue(/^Organiser des convois/);
    // Meanwhile, the same author saves another version elsewhere (through the API).
    const id = /\/propositions\/([0-9a-f-]{36})\/modifier$/.exec(page.url())?.[1] ?? '';
    await updateThroughApi(page, id);
    const mine = 'Des convois à vélo encadrés, version écrite dans ce formulaire.';
    await editSummary.fill(mine);
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'La proposition a été modifiée entre-temps' }),
    ).toBeVisible();
    await expect(editSummary).toHaveValue(mine);
    await expectNoSeriousA11yViolations(page, 'edit proposal (conflict)');
    // Saving again is a deliberate choice to replace the newer version.
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    // The page's summary (the history below also holds it, in a closed revision).
    await expect(page.getByText(mine).first()).toBeVisible();
    await expect(page.getByText('4 versions du texte')).toBeVisible();
  });

  await test.step('withdraw with a reason', async () => {
    await page.getByRole('button', { name: 'Retirer la proposition' }).click();
    await page
      .getByRole('textbox', { name: /^Pourquoi la retirez-vous/ })
      .fill('Fusionnée avec une proposition voisine.');
    await page.getByRole('button', { name: 'Confirmer le retrait' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Votre proposition est retirée.' }),
    ).toHaveCount(1);
    await expect(page.getByText('Retirée', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('Motif : Fusionnée avec une proposition voisine.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Retirer la proposition' })).toHaveCount(0);
  });
});

test('a participant saves a proposal as a draft, nobody else sees it, then publishes it', async ({
  page,
  browser,
  baseURL,
}) => {
  const participant = await signUpThroughApi(page);
  const title = `Une conserverie coopérative pour les surplus des maraîchers ${participant.displayName.slice(-8)}`;
  await page.goto('/proposer');
  await fillProposalForm(page, {
    title,
    summary: 'Transformer les invendus des maraîchers en conserves vendues localement.',
    body: 'Une conserverie en SCIC, partagée entre maraîchers, cantines et habitants du bassin de vie.',
  });
  await page.getByRole('button', { name: 'Enregistrer comme brouillon' }).click();

  await expect(page).toHaveURL(/\/propositions\/[0-9a-f-]{36}$/);
  const url = page.url();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const notice = page.getByRole('note', {
    name: 'Brouillon : cette proposition n’est pas publiée.',
  });
  await expect(notice).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pour' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'draft proposal');

  // Another visitor does not find it, on its page or in the list.
  const visitor = await (await browser.newContext({ baseURL })).newPage();
  await visitor.goto(url);
  await expect(
    visitor.getByText('Cette proposition n’existe pas ou n’est plus publique.'),
  ).toBeVisible();
  await visitor.goto(`/propositions?q=${encodeURIComponent('conserverie coopérative')}`);
  await expect(visitor.getByRole('link', { name: title })).toHaveCount(0);

  await notice.getByRole('button', { name: 'Publier la proposition' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'La proposition est publiée.' }),
  ).toHaveCount(1);
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Pour' })).toBeVisible();

  await visitor.goto(url);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title);
  await visitor.context().close();
});
