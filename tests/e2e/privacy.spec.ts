import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from './support/test';
import { graphql, submitProposal } from './support/api';
import {
  chooseTerritory,
  expectNoSeriousA11yViolations,
  newParticipant,
  signUpThroughApi,
  type Participant,
} from './support/helpers';

const ADD_COMMENT = `
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      id
    }
  }
`;

interface Contributions {
  proposalId: string;
  title: string;
  comment: string;
}

/** Signs a new participant in, then publishes a proposal and a comment on it through the API. */
async function participantWithContributions(
  page: Page,
): Promise<{ participant: Participant; written: Contributions }> {
  const participant = await signUpThroughApi(page);
  const key = participant.displayName.slice(-8);
  const title = `Ateliers de réparation ${key}`;
  const proposalId = await submitProposal(page.request, {
    title,
    summary: `Des ateliers de réparation de vélos dans chaque quartier (${key}).`,
    body: `Un local, des outils partagés et des bénévoles formés pour réparer plutôt que jeter (${key}).`,
  });
  const comment = `Un premier atelier pourrait ouvrir au printemps ${key}.`;
  await graphql(page.request, ADD_COMMENT, { input: { proposalId, body: comment } });
  return { participant, written: { proposalId, title, comment } };
}

/** Opens the deletion dialog from the profile page. */
async function openDeletionDialog(page: Page) {
  await page.goto('/profil');
  const section = page.getByRole('region', { name: 'Mes données' });
  await section.getByRole('button', { name: 'Supprimer mon compte…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Supprimer définitivement mon compte' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Fills the deletion dialog and submits it. */
async function submitDeletion(
  page: Page,
  input: { mode: RegExp; password: string; confirmation: string },
) {
  const dialog = page.getByRole('dialog', { name: 'Supprimer définitivement mon compte' });
  await dialog.getByRole('radio', { name: input.mode }).check();
  await dialog.getByLabel('Mot de passe actuel').fill(input.password);
  await dialog
    .getByRole('textbox', { name: /^Pour confirmer, saisissez votre adresse e-mail/ })
    .fill(input.confirmation);
  await dialog.getByRole('button', { name: 'Supprimer définitivement' }).click();
}

/** The account still works: the API answers `me` with it. */
async function expectSignedInAs(page: Page, participant: Participant) {
  const { me } = await graphql<{ me: { displayName: string } | null }>(
    page.request,
    '{ me { displayName } }',
  );
  expect(me?.displayName).toBe(participant.displayName);
}

test('signing up needs the terms ticked, and the privacy page they link to opens in French', async ({
  page,
}) => {
  const participant = newParticipant();
  await page.goto('/inscription');
  await expect(page.getByRole('heading', { level: 1, name: 'Créer un compte' })).toBeVisible();
  await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(participant.email);
  await page.getByLabel(/^Mot de passe/).fill(participant.password);
  await page.getByRole('textbox', { name: /^Nom affiché/ }).fill(participant.displayName);
  await page
    .getByRole('combobox', { name: /^Vous participez en tant que/ })
    .selectOption('ASSOCIATION');
  await chooseTerritory(page, 'Lyon', 'Lyon (69)');

  // Without the box ticked: the message is next to the checkbox, and no account is created.
  const terms = page.getByRole('checkbox', { name: /^J’accepte les conditions/ });
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  const termsMessage =
    'Pour créer un compte, acceptez les conditions d’utilisation et la politique de confidentialité.';
  await expect(terms).toHaveAccessibleDescription(new RegExp(termsMessage));
  await expect(page).toHaveURL(/\/inscription$/);
  await expect(page.getByRole('button', { name: /^Compte de/ })).toHaveCount(0);

  // The checkbox's link opens the privacy page (in a new tab), in French.
  const policyLink = page.getByRole('link', { name: 'Lire la politique de confidentialité' });
  await expect(policyLink).toHaveAttribute('href', '/confidentialite');
  const [policyPage] = await Promise.all([page.waitForEvent('popup'), policyLink.click()]);
  await expect(policyPage).toHaveURL(/\/confidentialite$/);
  await expect(policyPage.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(
    policyPage.getByRole('heading', {
      level: 1,
      name: 'Confidentialité et données personnelles',
    }),
  ).toBeVisible();
  await expect(
    policyPage.getByRole('heading', { level: 2, name: 'Combien de temps' }),
  ).toBeVisible();
  await expect(policyPage.getByRole('heading', { level: 2, name: 'Vos droits' })).toBeVisible();
  await expect(policyPage.getByText(/Journal des connexions : \d+ jours/)).toBeVisible();
  await expectNoSeriousA11yViolations(policyPage, 'privacy page');
  await policyPage.close();

  // Ticked: the account is created.
  await terms.check();
  await expect(terms).not.toHaveAccessibleDescription(new RegExp(termsMessage));
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(
    page.getByRole('button', { name: `Compte de ${participant.displayName}` }),
  ).toBeVisible();
});

test('a participant downloads their data, then deletes the account keeping the contributions under an anonymous author', async ({
  page,
}) => {
  const { participant, written } = await participantWithContributions(page);

  await test.step('"Mes données" downloads a JSON file with what they wrote', async () => {
    await page.goto('/profil');
    const section = page.getByRole('region', { name: 'Mes données' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Télécharger mes données' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const path = await download.path();
    const data = JSON.parse(await readFile(path, 'utf8')) as {
      proposals: { id: string; title: string }[];
      comments: { body: string | null }[];
    };
    expect(data.proposals.map((p) => p.title)).toContain(written.title);
    expect(data.proposals.map((p) => p.id)).toContain(written.proposalId);
    expect(data.comments.map((c) => c.body)).toContain(written.comment);
  });

  await test.step('a wrong confirmation shows an error and deletes nothing', async () => {
    const dialog = await openDeletionDialog(page);
    await expectNoSeriousA11yViolations(page, 'account deletion dialog');
    await submitDeletion(page, {
      mode: /^Les garder, sous un auteur anonyme/,
      password: participant.password,
      confirmation: `autre-${participant.email}`,
    });
    await expect(dialog.getByRole('alert')).toBeVisible();
    await expect(dialog).toBeVisible();
    await expectSignedInAs(page, participant);
  });

  await test.step('the right confirmation deletes it and signs out', async () => {
    await submitDeletion(page, {
      mode: /^Les garder, sous un auteur anonyme/,
      password: participant.password,
      confirmation: participant.email,
    });
    await expect(page).toHaveURL(/\/$/);
    await expect(
      page.getByRole('status').filter({ hasText: 'Votre compte a été supprimé.' }),
    ).toBeAttached();
    await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Compte de/ })).toHaveCount(0);
  });

  await test.step('the proposal and the comment stay, under the anonymous author', async () => {
    await page.goto(`/propositions/${written.proposalId}`);
    await expect(page.getByRole('heading', { level: 1, name: written.title })).toBeVisible();
    await expect(page.getByText(/^Par Participant·e anonyme · /)).toBeVisible();
    await expect(page.getByText(written.comment, { exact: true })).toBeVisible();
    await expect(page.getByText(participant.displayName)).toHaveCount(0);
  });
});

test('a participant deletes the account erasing the contributions: placeholders keep the thread readable', async ({
  page,
}) => {
  const { participant, written } = await participantWithContributions(page);

  await openDeletionDialog(page);
  await submitDeletion(page, {
    mode: /^Les effacer/,
    password: participant.password,
    confirmation: participant.email,
  });
  await expect(page).toHaveURL(/\/$/);
  await expect(
    page.getByRole('status').filter({ hasText: 'Votre compte a été supprimé.' }),
  ).toBeAttached();
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();

  await page.goto(`/propositions/${written.proposalId}`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Proposition effacée par son auteur·rice' }),
  ).toBeVisible();
  await expect(page.getByText(/^Par Participant·e anonyme · /)).toBeVisible();
  await expect(page.getByText('Commentaire supprimé').first()).toBeVisible();
  await expect(page.getByText(written.title)).toHaveCount(0);
  await expect(page.getByText(written.comment)).toHaveCount(0);
  await expect(page.getByText(participant.displayName)).toHaveCount(0);
});
