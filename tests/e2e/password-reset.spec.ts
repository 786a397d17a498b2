import { type Browser, expect, type Page, test } from './support/test';

// A demo participant no other browser test signs in with: this test changes its password.
const PARTICIPANT = { email: 'hugo.perrin@demo.passerelle.fr', password: 'passerelle-demo' };
const ADMIN = { email: 'admin@demo.passerelle.fr', password: 'passerelle-demo' };
const NEW_PASSWORD = 'une toute nouvelle phrase de passe';

async function signIn(page: Page, email: string, password: string) {
  await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(email);
  await page.getByLabel(/^Mot de passe/).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('button', { name: /^Compte de/ })).toBeVisible();
}

/** The administrator opens the demo outbox and reads the newest reset link sent to `email`. */
async function resetLinkFromOutbox(browser: Browser, email: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/connexion');
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto('/admin/courriels');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Courriels de la plateforme' }),
  ).toBeVisible();
  // The e-mail is written in the background: reload until it is there.
  const message = page
    .getByRole('listitem')
    .filter({ hasText: `À : ${email}` })
    .first();
  await expect(async () => {
    await page.reload();
    await expect(message).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(message).toContainText('Réinitialisez votre mot de passe Passerelle');
  await expect(message).toContainText('Non envoyé');
  const href = await message
    .getByRole('link', { name: /\/reinitialiser-mot-de-passe\?jeton=/ })
    .getAttribute('href');
  await context.close();
  if (!href) throw new Error('No reset link in the outbox');
  return href;
}

test('a participant resets a forgotten password through the link an administrator reads in the outbox', async ({
  page,
  browser,
}) => {
  await page.goto('/connexion');
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' })).toBeVisible();
  await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(PARTICIPANT.email);
  await page.getByRole('button', { name: 'Recevoir un lien' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Si un compte existe' })).toContainText(
    PARTICIPANT.email,
  );

  const link = await resetLinkFromOutbox(browser, PARTICIPANT.email);
  expect(new URL(link).pathname).toBe('/reinitialiser-mot-de-passe');

  await page.goto(link);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Choisir un nouveau mot de passe' }),
  ).toBeVisible();
  await page.getByLabel(/^Nouveau mot de passe/).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
  await expect(page.getByText('Votre mot de passe a été changé')).toBeVisible();

  // The old password no longer works; the new one does.
  await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(PARTICIPANT.email);
  await page.getByLabel(/^Mot de passe/).fill(PARTICIPANT.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByText('Adresse e-mail ou mot de passe incorrect.')).toBeVisible();
  await signIn(page, PARTICIPANT.email, NEW_PASSWORD);

  // The link served once: opening it again says so.
  await page.goto(link);
  await page.getByLabel(/^Nouveau mot de passe/).fill('encore une autre phrase');
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page.getByText(/Ce lien a déjà servi/)).toBeVisible();
});
