import { randomUUID } from 'node:crypto';
import { expect, request, test, type APIRequestContext, type Page } from './support/test';
import { graphql, hideContent, MODERATOR, signIn, signUp, submitProposal } from './support/api';
import {
  expectNoHorizontalOverflow,
  expectNoSeriousA11yViolations,
  newParticipant,
  reportAsNewParticipant,
  screenshotIfAsked,
  signUpThroughApi,
} from './support/helpers';

/** A fresh author publishes a proposal through the real API; returns its id and title. */
async function publishProposal(
  baseURL: string,
  asAuthor?: APIRequestContext,
): Promise<{ id: string; title: string }> {
  const api = asAuthor ?? (await request.newContext({ baseURL }));
  if (!asAuthor) await signUp(api, newParticipant());
  const title = `Recyclerie solidaire de quartier ${randomUUID().slice(0, 6)}`;
  const id = await submitProposal(api, {
    title,
    summary: 'Une recyclerie tenue par une association d’insertion, ouverte à tout le quartier.',
    body: 'Collecter, réparer et revendre à petit prix les objets du quotidien, avec des salariés en insertion.',
  });
  if (!asAuthor) await api.dispose();
  return { id, title };
}

async function signInModerator(page: Page): Promise<void> {
  await signIn(page.request, MODERATOR);
}

test('a participant reports a proposal with a reason and details and sees the confirmation', async ({
  page,
  baseURL,
}) => {
  const proposal = await publishProposal(baseURL ?? '');
  await signUpThroughApi(page);
  await page.goto(`/propositions/${proposal.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(proposal.title);

  await page.getByRole('button', { name: 'Signaler la proposition' }).click();
  const dialog = page.getByRole('dialog', { name: 'Signaler ce contenu' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: 'Autre motif' }).check();
  await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(dialog.getByText('Précisez le motif du signalement.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'report dialog');

  await dialog.getByRole('radio', { name: 'Données personnelles' }).check();
  await dialog
    .getByRole('textbox', { name: /^Précisions/ })
    .fill('Le numéro de téléphone d’un voisin apparaît.');
  await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Merci, votre signalement' })).toHaveText(
    'Merci, votre signalement a été transmis à l’équipe de modération.',
  );

  // A second report of the same content is answered with a clear message.
  await page.getByRole('button', { name: 'Signaler la proposition' }).click();
  await dialog.getByRole('radio', { name: 'Spam ou publicité' }).check();
  await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(
    page.getByText('Vous avez déjà signalé ce contenu : il est en cours d’examen.'),
  ).toBeVisible();
});

test('a participant may not open the moderation page', async ({ page }) => {
  await signUpThroughApi(page);
  await page.goto('/moderation');
  await expect(page.getByRole('alert')).toHaveText(
    'Cette page est réservée à l’équipe de modération.',
  );
});

test('the moderator hides a reported proposal with a reason, then restores it', async ({
  page,
  baseURL,
}) => {
  const proposal = await publishProposal(baseURL ?? '');
  await reportAsNewParticipant(baseURL, {
    targetType: 'PROPOSAL',
    targetId: proposal.id,
    reason: 'OFF_TOPIC',
    details: 'Sans rapport avec la consultation.',
  });

  await signInModerator(page);
  await page.goto('/');
  await page.getByRole('button', { name: /^Compte de / }).click();
  await page.getByRole('menuitem', { name: 'Modération' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Modération' })).toBeVisible();

  // Newest first: the report just made is at the top; the sort is kept in the URL.
  await page.getByRole('combobox', { name: 'Tri' }).selectOption('NEWEST');
  await expect(page).toHaveURL(/tri=NEWEST/);
  const item = page.getByRole('article', { name: proposal.title });
  await expect(item).toBeVisible();
  await expect(item.getByText('Hors sujet', { exact: false })).toBeVisible();
  await expect(item.getByText('Sans rapport avec la consultation.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'moderation queue');
  await screenshotIfAsked(page, 'moderation-desktop');

  await item.getByRole('button', { name: 'Masquer', exact: true }).click();
  const hideForm = item.getByRole('form', { name: 'Masquer' });
  await hideForm
    .getByRole('textbox', { name: /^Raison de la décision/ })
    .fill('Hors sujet, confirmé.');
  await hideForm.getByRole('button', { name: /^Confirmer/ }).click();
  await expect(item.getByRole('status').filter({ hasText: 'masqué' })).toHaveText(
    'Le contenu est masqué.',
  );
  await expect(item.getByText('Masqué', { exact: true })).toBeVisible();

  // The public no longer finds it.
  const visitor = await request.newContext({ baseURL });
  const hidden = await visitor.post('/graphql', {
    headers: { 'Content-Type': 'application/json' },
    data: {
      query: `query P($id: ID!) { proposal(id: $id) { id } }`,
      variables: { id: proposal.id },
    },
  });
  expect(JSON.stringify(await hidden.json())).toContain('NOT_FOUND');
  const anonymous = await page.context().browser()?.newPage({ baseURL });
  if (anonymous) {
    await anonymous.goto('/propositions?tri=newest');
    await expect(anonymous.getByRole('region', { name: /^Résultats/ })).toBeVisible();
    await expect(anonymous.getByText(proposal.title)).toHaveCount(0);
    await anonymous.close();
  }

  // The audit log lists the decision, newest first.
  await page.getByRole('tab', { name: 'Journal des actions' }).click();
  await expect(page).toHaveURL(/vue=journal/);
  await expect(
    page.getByRole('tabpanel', { name: 'Journal des actions' }).getByRole('listitem').first(),
  ).toContainText('Hors sujet, confirmé.');
  await expectNoSeriousA11yViolations(page, 'audit log');
  await page.getByRole('tab', { name: 'Signalements' }).click();

  await item.getByRole('button', { name: 'Rétablir', exact: true }).click();
  const restoreForm = item.getByRole('form', { name: 'Rétablir' });
  await restoreForm
    .getByRole('textbox', { name: /^Raison de la décision/ })
    .fill('Finalement pertinent.');
  await restoreForm.getByRole('button', { name: /^Confirmer/ }).click();
  await expect(item.getByText('Visible', { exact: true })).toBeVisible();
  const back = await visitor.post('/graphql', {
    headers: { 'Content-Type': 'application/json' },
    data: {
      query: `query P($id: ID!) { proposal(id: $id) { id } }`,
      variables: { id: proposal.id },
    },
  });
  expect(((await back.json()) as { data: { proposal: { id: string } } }).data.proposal.id).toBe(
    proposal.id,
  );
  await visitor.dispose();

  // 360 px wide: nothing sticks out.
  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoHorizontalOverflow(page, 'moderation 360');
  await screenshotIfAsked(page, 'moderation-360');

  // English strings.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Sort' })).toHaveValue('NEWEST');
  await expectNoSeriousA11yViolations(page, 'moderation (English)');
});

test('the moderator answers a proposal officially and the answer shows on its page', async ({
  page,
  baseURL,
}) => {
  const proposal = await publishProposal(baseURL ?? '');
  await signInModerator(page);
  await page.goto(`/propositions/${proposal.id}`);
  const form = page.getByRole('region', { name: 'Répondre officiellement' });
  await form.getByRole('combobox', { name: 'Nouvel état' }).selectOption('SELECTED');
  await form
    .getByRole('textbox', { name: /^Texte de la réponse/ })
    .fill('Le comité retient cette proposition pour le budget participatif 2027.');
  await form.getByRole('button', { name: 'Publier la réponse' }).click();
  await expect(form.getByRole('status')).toHaveText('La réponse officielle est publiée.');
  const answer = page.getByRole('region', { name: 'Réponse officielle' });
  await expect(answer).toContainText('Le comité retient cette proposition');
  await expect(answer).toContainText('Sélectionnée');
  await expectNoSeriousA11yViolations(page, 'proposal with official answer');
});

test('the author of a hidden proposal sees it with a notice', async ({ page, baseURL }) => {
  await signUpThroughApi(page);
  const proposal = await publishProposal(baseURL ?? '', page.request);
  const moderator = await request.newContext({ baseURL });
  await signIn(moderator, MODERATOR);
  await hideContent(moderator, {
    targetType: 'PROPOSAL',
    targetId: proposal.id,
    reason: 'Vérification en cours.',
  });
  await moderator.dispose();

  await page.goto(`/propositions/${proposal.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(proposal.title);
  await expect(page.getByText(/masquée en attente de modération/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'hidden proposal (author)');
});

test('a participant reports an amendment; the moderator hides it from the queue; only its author still sees it', async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow();
  const proposal = await publishProposal(baseURL ?? '');
  const key = randomUUID().slice(0, 6);
  const amendedTitle = `Recyclerie et atelier vélo solidaires ${key}`;

  // Its author proposes the amendment through the API.
  const amenderContext = await browser.newContext({ baseURL });
  const amenderPage = await amenderContext.newPage();
  const amender = await signUpThroughApi(amenderPage);
  const amendmentCard = `Amendement de ${amender.displayName}`;
  const amendmentReason = 'Ajouter la réparation de vélos à la recyclerie.';
  const { proposal: current } = await graphql<{
    proposal: { title: string; summary: string; body: string };
  }>(amenderPage.request, 'query ($id: ID!) { proposal(id: $id) { title summary body } }', {
    id: proposal.id,
  });
  const { proposeAmendment: amendment } = await graphql<{ proposeAmendment: { id: string } }>(
    amenderPage.request,
    'mutation ($input: ProposeAmendmentInput!) { proposeAmendment(input: $input) { id } }',
    {
      input: {
        proposalId: proposal.id,
        title: amendedTitle,
        summary: current.summary,
        body: current.body,
        reason: amendmentReason,
      },
    },
  );

  // Another participant reports it from the proposal page.
  await signUpThroughApi(page);
  await page.goto(`/propositions/${proposal.id}`);
  const card = page.getByRole('article', { name: amendmentCard });
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Signaler l’amendement' }).click();
  const dialog = page.getByRole('dialog', { name: 'Signaler ce contenu' });
  await dialog.getByRole('radio', { name: 'Propos injurieux ou haineux' }).check();
  await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: 'Merci, votre signalement' }),
  ).toBeVisible();

  // The moderator finds it in the queue, filtered on amendments, and hides it.
  const moderatorContext = await browser.newContext({ baseURL });
  const moderatorPage = await moderatorContext.newPage();
  await signIn(moderatorPage.request, MODERATOR);
  await moderatorPage.goto('/moderation?type=AMENDMENT&tri=NEWEST');
  // The demo's own report of an amendment is there too (prisma/seeds/demo-reports.ts).
  const demoItem = moderatorPage.getByRole('article', {
    name: 'Amendement à la proposition « Des ateliers de réparation dans les médiathèques et les maisons de quartier »',
  });
  await expect(demoItem.getByText('Données personnelles', { exact: false })).toBeVisible();
  const item = moderatorPage.getByRole('article', {
    name: `Amendement à la proposition « ${proposal.title} »`,
  });
  await expect(item).toBeVisible();
  await expect(item.getByText('Propos injurieux ou haineux', { exact: false })).toBeVisible();
  await expect(item.getByText(amendmentReason)).toBeVisible();
  await expectNoSeriousA11yViolations(moderatorPage, 'moderation queue with an amendment');
  await screenshotIfAsked(moderatorPage, 'moderation-queue-amendment');
  await item.getByRole('button', { name: 'Masquer', exact: true }).click();
  const hideForm = item.getByRole('form', { name: 'Masquer' });
  await hideForm
    .getByRole('textbox', { name: /^Raison de la décision/ })
    .fill('Propos injurieux confirmés.');
  await hideForm.getByRole('button', { name: /^Confirmer/ }).click();
  await expect(item.getByRole('status').filter({ hasText: 'masqué' })).toHaveText(
    'Le contenu est masqué.',
  );

  // The reporter no longer sees it; its author sees it with the notice.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(proposal.title);
  await expect(page.getByRole('region', { name: 'Amendements' })).toBeVisible();
  await expect(page.getByRole('article', { name: amendmentCard })).toHaveCount(0);
  await amenderPage.goto(`/propositions/${proposal.id}#amendement-${amendment.id}`);
  const own = amenderPage.getByRole('article', { name: amendmentCard });
  await expect(own).toBeVisible();
  await expect(
    own.getByText('Cet amendement est masqué par la modération', { exact: false }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(amenderPage, 'hidden amendment, seen by its author');
  await screenshotIfAsked(amenderPage, 'amendment-hidden-author');
  await amenderContext.close();
  await moderatorContext.close();
});
