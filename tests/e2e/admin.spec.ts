import { randomUUID } from 'node:crypto';
import { expect, request, test, type Page } from './support/test';
import { ADMIN, graphql, signIn, signUp } from './support/api';
import {
  chooseTerritory,
  expectNoHorizontalOverflow,
  expectNoSeriousA11yViolations,
  newParticipant,
  screenshotIfAsked,
  signUpThroughApi,
} from './support/helpers';

/** Signs the page in as the demo administrator (the request context shares its cookies). */
async function signInAdmin(page: Page): Promise<void> {
  await signIn(page.request, ADMIN);
}

test('an administrator creates a consultation with phases and settings, then edits it', async ({
  page,
}) => {
  const key = randomUUID().slice(0, 8);
  const title = `Consultation de test ${key}`;
  const slug = `test-e2e-${key}`;
  await signInAdmin(page);
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Administration', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Consultations');
  await page.getByRole('link', { name: 'Nouvelle consultation' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouvelle consultation');

  await page.getByRole('textbox', { name: /^Titre/ }).fill(title);
  await page.getByRole('textbox', { name: /^Adresse courte/ }).fill(slug);
  await page
    .getByRole('textbox', { name: /^Description/ })
    .fill('Une consultation créée par le test de l’espace d’administration.');
  await page.getByRole('radio', { name: 'Un territoire' }).check();
  await chooseTerritory(page, 'Lyon', 'Lyon (69)');
  await page
    .getByRole('group', { name: /^Thèmes/ })
    .getByRole('checkbox')
    .first()
    .check();

  // Dates in the future: the consultation stays closed for the other browser tests.
  const proposing = page.getByRole('group', { name: 'Dépôt des propositions', exact: true });
  await proposing.getByLabel(/^Début/).fill('2031-01-10T09:00');
  await proposing.getByLabel(/^Fin/).fill('2031-03-01T09:00');
  const voting = page.getByRole('group', { name: 'Votes', exact: true });
  await voting.getByRole('checkbox', { name: /^Inclure l’étape/ }).check();
  await voting.getByLabel(/^Début/).fill('2031-03-01T09:00');
  await voting.getByLabel(/^Fin/).fill('2031-04-01T18:00');
  const closed = page.getByRole('group', { name: 'Clôturée', exact: true });
  await closed.getByRole('checkbox', { name: /^Inclure l’étape/ }).check();
  await closed.getByLabel(/^Début/).fill('2031-06-01T09:00');

  await page.getByRole('textbox', { name: /^Seuil de signalements/ }).fill('5');
  await expect(page.getByRole('checkbox', { name: 'Pour' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Pour' })).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Neutre' }).uncheck();
  await page.getByRole('textbox', { name: /^Part minimale de votes/ }).fill('70');
  await page.getByRole('textbox', { name: /^Nombre minimal de collèges/ }).fill('2');
  await page.getByRole('textbox', { name: /^Votes minimum par collège/ }).fill('5');
  await expectNoSeriousA11yViolations(page, 'consultation form');
  await screenshotIfAsked(page, 'admin-consultation-form');
  await page.getByRole('button', { name: 'Créer la consultation' }).click();

  await expect(page).toHaveURL(/\/admin\/consultations$/);
  await expect(
    page.getByRole('main').getByText(`La consultation « ${title} » est créée.`),
  ).toBeVisible();
  const card = page.getByRole('article', { name: title });
  await expect(card).toContainText('Lyon (69)');
  await expect(card).toContainText('Aucune étape ouverte');
  await expectNoSeriousA11yViolations(page, 'consultations list');
  await screenshotIfAsked(page, 'admin-consultations');

  await card.getByRole('link', { name: `Modifier la consultation « ${title} »` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Modifier « ${title} »`);
  const threshold = page.getByRole('textbox', { name: /^Seuil de signalements/ });
  await expect(threshold).toHaveValue('5');
  await expect(page.getByRole('checkbox', { name: 'Neutre' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Contre' })).toBeChecked();
  await threshold.fill('8');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(
    page.getByRole('main').getByText(`La consultation « ${title} » est enregistrée.`),
  ).toBeVisible();

  const { consultation } = await graphql<{
    consultation: {
      territory: { id: string } | null;
      phases: { kind: string; startsAt: string; endsAt: string | null }[];
      settings: {
        reportThreshold: number;
        voteValues: string[];
        collegeThresholds: { minForShare: number; minColleges: number; minVotesPerCollege: number };
      };
    };
  }>(
    page.request,
    `
      query Consultation($slug: String!) {
        consultation(slug: $slug) {
          territory {
            id
          }
          phases {
            kind
            startsAt
            endsAt
          }
          settings {
            reportThreshold
            voteValues
            collegeThresholds {
              minForShare
              minColleges
              minVotesPerCollege
            }
          }
        }
      }
    `,
    { slug },
  );
  expect(consultation.territory?.id).toBe('COMMUNE-69123');
  expect(consultation.phases.map((phase) => phase.kind)).toEqual(['PROPOSING', 'VOTING', 'CLOSED']);
  expect(consultation.settings).toEqual({
    reportThreshold: 8,
    voteValues: ['FOR', 'AGAINST'],
    collegeThresholds: { minForShare: 0.7, minColleges: 2, minVotesPerCollege: 5 },
  });
});

test('an administrator makes a participant a moderator, but cannot change their own role', async ({
  page,
  baseURL,
}) => {
  const participant = newParticipant();
  const other = await request.newContext({ baseURL });
  await signUp(other, participant);
  await other.dispose();

  await signInAdmin(page);
  await page.goto('/admin/utilisateurs');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comptes et rôles');

  const search = page.getByRole('searchbox', { name: 'Nom ou adresse e-mail' });
  await search.fill(ADMIN.email);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  const own = page.getByRole('listitem').filter({ hasText: ADMIN.email });
  await expect(own.getByRole('combobox', { name: /^Nouveau rôle/ })).toBeDisabled();
  await expect(own).toContainText('vous ne pouvez pas changer votre propre rôle');

  await search.fill(participant.email);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByText('1 compte', { exact: true })).toBeVisible();
  const row = page.getByRole('listitem').filter({ hasText: participant.email });
  await expect(row).toContainText('Rôle actuel : Participant·e');
  await row.getByRole('combobox', { name: /^Nouveau rôle/ }).selectOption('MODERATOR');
  await row.getByRole('button', { name: `Changer le rôle de ${participant.displayName}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Changer le rôle ?' });
  await expect(dialog).toContainText('« Participant·e » à « Modérateur·rice »');
  await expectNoSeriousA11yViolations(page, 'role change confirmation');
  await dialog.getByRole('button', { name: 'Confirmer le changement' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText(`${participant.displayName} a maintenant le rôle « Modérateur·rice ».`),
  ).toBeVisible();
  await expect(row).toContainText('Rôle actuel : Modérateur·rice');

  // Filtering by role finds the new moderator.
  await page.getByRole('combobox', { name: 'Rôle', exact: true }).selectOption('MODERATOR');
  await expect(page.getByRole('listitem').filter({ hasText: participant.email })).toBeVisible();

  await expectNoSeriousA11yViolations(page, 'users screen');
  await screenshotIfAsked(page, 'admin-users');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalOverflow(page, 'users screen on a phone');
  await page.goto('/admin/consultations/nouvelle');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouvelle consultation');
  await expectNoHorizontalOverflow(page, 'consultation form on a phone');
});

test('a participant who opens the administration sees that it is restricted', async ({ page }) => {
  await signUpThroughApi(page);
  await page.goto('/');
  await expect(
    page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', {
      name: 'Propositions',
    }),
  ).toBeVisible();
  await expect(
    page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Administration', exact: true }),
  ).toHaveCount(0);

  await page.goto('/admin/consultations');
  await expect(page.getByRole('alert')).toContainText(
    'Cet espace est réservé aux administrateurs et administratrices.',
  );
  await expect(page.getByRole('link', { name: 'Nouvelle consultation' })).toHaveCount(0);
  await page.goto('/admin/utilisateurs');
  await expect(page.getByRole('alert')).toContainText('réservé aux administrateurs');
  await expectNoSeriousA11yViolations(page, 'restricted administration');
});
