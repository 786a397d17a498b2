import { expect, test } from './support/test';
import {
  chooseTerritory,
  expectNoSeriousA11yViolations,
  latestProposals,
  newParticipant,
} from './support/helpers';

test('a participant signs up, signs out, signs in, submits a proposal and finds it on the home page', async ({
  page,
}) => {
  // Two password hashes (sign-up, sign-in) and a whole journey: past a minute on a loaded machine.
  test.slow();
  const participant = newParticipant();
  const accountButton = page.getByRole('button', { name: `Compte de ${participant.displayName}` });
  const title = `Cantines bio en régie ${participant.displayName.slice(-8)}`;

  await test.step('home page', async () => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 2, name: 'Dernières propositions' }),
    ).toBeVisible();
    await expect(latestProposals(page).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'home');
  });

  await test.step('sign up', async () => {
    await page.getByRole('link', { name: 'Créer un compte' }).click();
    await expect(page).toHaveURL(/\/inscription$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Créer un compte' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'sign-up');

    await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(participant.email);
    await page.getByLabel(/^Mot de passe/).fill(participant.password);
    await page.getByRole('textbox', { name: /^Nom affiché/ }).fill(participant.displayName);
    await page
      .getByRole('combobox', { name: /^Vous participez en tant que/ })
      .selectOption('ASSOCIATION');
    await chooseTerritory(page, 'Lyon', 'Lyon (69)');
    await page.getByRole('checkbox', { name: /^J’accepte les conditions/ }).check();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();

    await expect(accountButton).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
  });

  await test.step('sign out', async () => {
    await accountButton.click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
    await expect(accountButton).toHaveCount(0);
  });

  await test.step('sign in', async () => {
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
    await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(participant.email);
    await page.getByLabel(/^Mot de passe/).fill('not the password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
    await expectNoSeriousA11yViolations(page, 'sign-in');

    await page.getByLabel(/^Mot de passe/).fill(participant.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(accountButton).toBeVisible();
  });

  await test.step('submit a proposal', async () => {
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Proposer' })
      .click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Déposer une proposition' }),
    ).toBeVisible();
    const titleField = page.getByRole('textbox', { name: /^Titre/ });
    await expect(titleField).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'submit');

    // Empty form: messages next to the fields, focus on the first invalid one.
    await page.getByRole('button', { name: 'Publier la proposition' }).click();
    await expect(titleField).toBeFocused();
    await expect(titleField).toHaveAttribute('aria-invalid', 'true');
    await expect(titleField).toHaveAccessibleDescription(/Ce champ est obligatoire/);
    await expectNoSeriousA11yViolations(page, 'submit with errors');

    await titleField.fill(title);
    await page
      .getByRole('textbox', { name: /^Résumé/ })
      .fill('Généraliser les cantines scolaires bio et locales gérées en régie par les communes.');
    await page
      .getByRole('textbox', { name: /^Proposition détaillée/ })
      .fill(
        'Les communes qui ont repris leur cantine en régie servent des repas bio et locaux.\n\n' +
          'Deuxième paragraphe : <b>pas de HTML</b> interprété, les retours à la ligne sont conservés.',
      );
    const themes = page.getByRole('group', { name: /^Thèmes/ }).getByRole('checkbox');
    await themes.first().check();
    await chooseTerritory(page, 'Grenoble', /^Grenoble/);
    await page.getByRole('combobox', { name: /^Échelon compétent/ }).selectOption('COMMUNE');
    await page
      .getByRole('combobox', { name: /^Levier d’action/ })
      .selectOption('PUBLIC_PROCUREMENT');
    await page
      .getByRole('textbox', { name: /^Expérience locale/ })
      .fill('La régie municipale de Mouans-Sartoux.');
    await page.getByRole('button', { name: 'Publier la proposition' }).click();

    await expect(page).toHaveURL(/\/propositions\/[0-9a-f-]{36}$/);
  });

  const proposalUrl = page.url();

  await test.step('proposal page', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByText('Publiée', { exact: true }).first()).toBeVisible();
    // The proposal's text (the history below repeats it in a folded revision).
    const main = page.locator('.proposal-main');
    await expect(main.getByText('<b>pas de HTML</b>', { exact: false })).toBeVisible();
    await expect(page.locator('b', { hasText: 'pas de HTML' })).toHaveCount(0);
    // Markdown rendered and sanitised by the API: raw HTML is shown as text, paragraphs kept.
    const body = main.locator('.markdown-body', { hasText: 'Deuxième paragraphe' });
    expect(await body.innerText()).toContain(
      'régie servent des repas bio et locaux.\n\nDeuxième paragraphe',
    );
    await expect(page.getByText('La régie municipale de Mouans-Sartoux.')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'proposal');
  });

  await test.step('the new proposal heads the home page list', async () => {
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Accueil' })
      .click();
    const firstCard = latestProposals(page).first();
    await expect(firstCard.getByRole('heading', { level: 3 })).toHaveText(title);
    await expect(firstCard).toContainText(participant.displayName);
    await expect(firstCard).toContainText('Association');
    await firstCard.getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(proposalUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  });
});

test('unknown pages and proposals show the not-found page', async ({ page }) => {
  await page.goto('/cette-page-n-existe-pas');
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'not-found');

  await page.goto('/propositions/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  await expect(
    page.getByText('Cette proposition n’existe pas ou n’est plus publique.'),
  ).toBeVisible();
});
