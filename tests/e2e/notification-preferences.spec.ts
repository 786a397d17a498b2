import { expect, test } from './support/test';
import {
  expectNoHorizontalOverflow,
  expectNoSeriousA11yViolations,
  signUpThroughApi,
} from './support/helpers';

test('a participant chooses immediate e-mails for replies, and the choice stays', async ({
  page,
}) => {
  await signUpThroughApi(page);
  await page.goto('/profil');

  const section = page.getByRole('region', { name: 'Notifications par e-mail' });
  await expect(section).toBeVisible();
  const replies = section.getByRole('group', { name: 'Réponse à l’un de mes commentaires' });
  await expect(replies.getByRole('radio', { name: 'Résumé quotidien' })).toBeChecked();
  await expectNoSeriousA11yViolations(page, 'profile with e-mail preferences');

  await replies.getByRole('radio', { name: 'Immédiat' }).check();
  const comments = section.getByRole('group', {
    name: 'Commentaire sur une proposition que j’ai écrite ou que je suis',
  });
  await comments.getByRole('radio', { name: 'Jamais' }).check();
  await section.getByRole('button', { name: 'Enregistrer les préférences' }).click();
  await expect(section.getByRole('status')).toHaveText('Préférences enregistrées.');

  await page.reload();
  const again = page.getByRole('region', { name: 'Notifications par e-mail' });
  await expect(
    again
      .getByRole('group', { name: 'Réponse à l’un de mes commentaires' })
      .getByRole('radio', { name: 'Immédiat' }),
  ).toBeChecked();
  await expect(
    again
      .getByRole('group', {
        name: 'Commentaire sur une proposition que j’ai écrite ou que je suis',
      })
      .getByRole('radio', { name: 'Jamais' }),
  ).toBeChecked();

  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoHorizontalOverflow(page, 'e-mail preferences on a phone');
});

test('a bad unsubscribe link answers a clear page, not the web app', async ({ page }) => {
  const response = await page.goto('/api/email/unsubscribe?token=abimé');
  expect(response?.status()).toBe(400);
  await expect(page.getByRole('heading', { level: 1, name: 'Désinscription' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(
    'Ce lien de désinscription n’est pas valide. Copiez le lien complet depuis l’e-mail.',
  );
});
