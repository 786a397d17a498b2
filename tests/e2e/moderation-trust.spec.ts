import { randomUUID } from 'node:crypto';
import { expect, request, test, type APIRequestContext } from './support/test';
import {
  ADMIN,
  graphql,
  MODERATOR,
  postGraphql,
  proposalInput as openProposalInput,
  signIn,
  signUp,
  SUBMIT_PROPOSAL,
  submitProposal,
} from './support/api';
import {
  expectNoHorizontalOverflow,
  expectNoSeriousA11yViolations,
  newParticipant,
  reportAsNewParticipant,
  screenshotIfAsked,
} from './support/helpers';

const proposalText = (title: string) => ({
  title,
  summary: 'Un atelier vélo participatif tenu par une association du quartier.',
  body: 'Réparer, apprendre et prêter des vélos, avec des bénévoles et des salariés en insertion.',
});

/** A proposal input for the first consultation open for proposals. */
function proposalInput(api: APIRequestContext, title: string) {
  return openProposalInput(api, proposalText(title));
}

test('a moderator filters the queue, suspends an author for some days, then reinstates them', async ({
  page,
  baseURL,
}) => {
  // A fresh author publishes a proposal; another participant reports it as spam.
  const author = newParticipant();
  const authorApi = await request.newContext({ baseURL });
  await signUp(authorApi, author);
  const title = `Atelier vélo solidaire ${randomUUID().slice(0, 6)}`;
  const proposalId = await submitProposal(authorApi, proposalText(title));
  await reportAsNewParticipant(baseURL, {
    targetType: 'PROPOSAL',
    targetId: proposalId,
    reason: 'SPAM',
    details: 'Publicité déguisée.',
  });

  await signIn(page.request, MODERATOR);
  await page.goto('/moderation');
  await expect(page.getByRole('heading', { level: 1, name: 'Modération' })).toBeVisible();

  // Filters and sort go to the URL; the count follows.
  await page.getByRole('combobox', { name: 'Type de contenu' }).selectOption('PROPOSAL');
  await page.getByRole('combobox', { name: 'Motif du signalement' }).selectOption('SPAM');
  await page.getByRole('combobox', { name: 'Tri' }).selectOption('NEWEST');
  await expect(page).toHaveURL(/type=PROPOSAL/);
  await expect(page).toHaveURL(/motif=SPAM/);
  await expect(page).toHaveURL(/tri=NEWEST/);
  await expect(
    page.getByRole('heading', { level: 2, name: /éléments? à examiner$/ }),
  ).toBeVisible();
  const item = page.getByRole('article', { name: title });
  await expect(item).toBeVisible();
  await expect(item.getByText('Publicité déguisée.')).toBeVisible();

  // "Awaiting review only" narrows the queue to held content: this published proposal leaves it.
  // (The URL update is a transition: click, then wait for the state, rather than check().)
  const awaitingOnly = page.getByRole('checkbox', { name: 'En attente de validation uniquement' });
  await awaitingOnly.click();
  await expect(awaitingOnly).toBeChecked();
  await expect(page).toHaveURL(/attente=1/);
  await expect(page.getByRole('article', { name: title })).toHaveCount(0);
  await awaitingOnly.click();
  await expect(awaitingOnly).not.toBeChecked();
  await expect(page).not.toHaveURL(/attente=1/);

  // The author's panel: history counts and state.
  const panel = item.getByRole('region', { name: `Auteur : ${author.displayName}` });
  await expect(panel).toContainText('Compte actif');
  await expect(panel.getByRole('definition').nth(0)).toHaveText('1'); // proposals
  await expect(panel.getByRole('definition').nth(3)).toHaveText('1'); // reports received
  await expectNoSeriousA11yViolations(page, 'moderation queue with author history');
  await screenshotIfAsked(page, 'moderation-author-desktop');

  // Suspend: the reason is required; errors show next to their field.
  await panel.getByRole('button', { name: 'Suspendre le compte' }).click();
  const dialog = page.getByRole('dialog', { name: `Suspendre le compte de ${author.displayName}` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Suspendre', exact: true }).click();
  const reason = dialog.getByRole('textbox', { name: /^Motif/ });
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Ce champ est obligatoire.')).toBeVisible();
  await expect(reason).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'suspension dialog with errors');
  await reason.fill('Publicités répétées malgré un avertissement.');
  await dialog.getByRole('textbox', { name: /^Nombre de jours/ }).fill('14');
  await dialog.getByRole('button', { name: 'Suspendre', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('status')).toHaveText(
    `Le compte de ${author.displayName} est suspendu.`,
  );
  await expect(panel).toContainText('Suspendu jusqu’au');
  await expect(panel).toContainText('Motif : Publicités répétées malgré un avertissement.');

  // The suspended author can no longer contribute.
  const blocked = await postGraphql(authorApi, SUBMIT_PROPOSAL, {
    input: await proposalInput(authorApi, `Encore une ${randomUUID().slice(0, 6)}`),
  });
  expect(blocked.errors?.[0]?.extensions?.['reason']).toBe('ACCOUNT_SUSPENDED');

  // The audit log, filtered on suspensions, shows the translated action and the reason.
  await page.getByRole('tab', { name: 'Journal des actions' }).click();
  await expect(page).toHaveURL(/vue=journal/);
  const log = page.getByRole('tabpanel', { name: 'Journal des actions' });
  await log.getByRole('combobox', { name: 'Action' }).selectOption('SUSPEND_USER');
  await expect(page).toHaveURL(/action=SUSPEND_USER/);
  const entry = log.getByRole('listitem').first();
  await expect(entry).toContainText('Suspension de compte');
  await expect(entry).toContainText('Publicités répétées malgré un avertissement.');
  await expect(log.getByRole('listitem').filter({ hasText: 'Masquage' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'audit log filtered');

  // Reinstate from the queue (the URL kept its filters).
  await page.getByRole('tab', { name: 'Signalements' }).click();
  await expect(page).toHaveURL(/motif=SPAM/);
  await expect(page.getByRole('combobox', { name: 'Tri' })).toHaveValue('NEWEST');
  await panel.getByRole('button', { name: 'Lever la suspension' }).click();
  const lift = page.getByRole('dialog', { name: `Lever la suspension de ${author.displayName}` });
  await lift
    .getByRole('textbox', { name: /^Motif/ })
    .fill('Engagement pris de ne plus recommencer.');
  await lift.getByRole('button', { name: 'Lever la suspension' }).click();
  await expect(lift).toBeHidden();
  await expect(panel.getByRole('status')).toHaveText(
    `La suspension de ${author.displayName} est levée.`,
  );
  await expect(panel).toContainText('Compte actif');
  await expect(panel.getByRole('definition').nth(4)).toHaveText('1'); // suspensions so far

  // The author may contribute again.
  await graphql(authorApi, SUBMIT_PROPOSAL, {
    input: await proposalInput(authorApi, `De retour ${randomUUID().slice(0, 6)}`),
  });
  await authorApi.dispose();

  await page.getByRole('tab', { name: 'Journal des actions' }).click();
  await log.getByRole('combobox', { name: 'Type de cible' }).selectOption('USER');
  await log.getByRole('combobox', { name: 'Action' }).selectOption('');
  await expect(log.getByRole('listitem').first()).toContainText('Levée de suspension');

  // On a phone: nothing sticks out, the dialog fits.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.getByRole('tab', { name: 'Signalements' }).click();
  await expect(panel).toBeVisible();
  await expectNoHorizontalOverflow(page, 'moderation queue 360');
  await panel.getByRole('button', { name: 'Suspendre le compte' }).click();
  await expect(dialog).toBeVisible();
  await expectNoHorizontalOverflow(page, 'suspension dialog 360');
  await screenshotIfAsked(page, 'moderation-suspend-360');
  await dialog.getByRole('button', { name: 'Annuler' }).first().click();
  await expect(dialog).toBeHidden();

  // English labels.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('tab', { name: 'Audit log' }).click();
  await expect(
    page.getByRole('tabpanel', { name: 'Audit log' }).getByRole('listitem').first(),
  ).toContainText('Suspension lifted');
  await expectNoSeriousA11yViolations(page, 'audit log (English)');
});

test('a moderator approves a proposal held for review, which then goes public', async ({
  page,
  baseURL,
}) => {
  // An administrator turns pre-moderation on for the open consultation, only while a
  // newcomer publishes (other specs publish there too).
  const admin = await request.newContext({ baseURL });
  await signIn(admin, ADMIN);
  const author = await request.newContext({ baseURL });
  await signUp(author, newParticipant());
  const title = `Jardin partagé en attente ${randomUUID().slice(0, 6)}`;
  const input = await proposalInput(author, title);
  const setPreModeration = (preModeration: boolean) =>
    graphql(
      admin,
      `
        mutation Update($input: UpdateConsultationInput!) {
          updateConsultation(input: $input) {
            id
          }
        }
      `,
      { input: { consultationId: input.consultationId, settings: { preModeration } } },
    );
  let proposalId: string;
  await setPreModeration(true);
  try {
    const { submitProposal: submitted } = await graphql<{ submitProposal: { id: string } }>(
      author,
      SUBMIT_PROPOSAL,
      {
        input,
      },
    );
    proposalId = submitted.id;
  } finally {
    await setPreModeration(false);
  }
  await admin.dispose();
  await author.dispose();

  // Not public yet.
  const visitor = await request.newContext({ baseURL });
  const query = `query P($id: ID!) { proposal(id: $id) { id } }`;
  const before = await postGraphql(visitor, query, { id: proposalId });
  expect(before.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');

  await signIn(page.request, MODERATOR);
  await page.goto('/moderation?attente=1&tri=NEWEST');
  await expect(
    page.getByRole('checkbox', { name: 'En attente de validation uniquement' }),
  ).toBeChecked();
  const item = page.getByRole('article', { name: title });
  await expect(item.getByText('En attente de validation', { exact: true })).toBeVisible();
  await expect(item.getByRole('button', { name: 'Masquer', exact: true })).toHaveCount(0);
  await expect(item.getByRole('button', { name: 'Refuser', exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'queue of content awaiting review');

  await item.getByRole('button', { name: 'Valider', exact: true }).click();
  const form = item.getByRole('form', { name: 'Valider' });
  await form.getByRole('textbox', { name: /^Raison de la décision/ }).fill('Conforme à la charte.');
  await form.getByRole('button', { name: /^Confirmer/ }).click();
  await expect(item.getByRole('status').filter({ hasText: 'validé' })).toHaveText(
    'Le contenu est validé et publié.',
  );
  await expect(item.getByText('En attente de validation', { exact: true })).toHaveCount(0);
  await expect(item.getByText('Visible', { exact: true })).toBeVisible();

  const after = await graphql<{ proposal: { id: string } }>(visitor, query, { id: proposalId });
  expect(after.proposal.id).toBe(proposalId);
  await visitor.dispose();

  await page.getByRole('tab', { name: 'Journal des actions' }).click();
  const log = page.getByRole('tabpanel', { name: 'Journal des actions' });
  await log.getByRole('combobox', { name: 'Action' }).selectOption('APPROVE');
  await expect(log.getByRole('listitem').first()).toContainText('Contenu validé');
  await expect(log.getByRole('listitem').first()).toContainText('Conforme à la charte.');
});
