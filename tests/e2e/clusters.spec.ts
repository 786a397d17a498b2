import { randomUUID } from 'node:crypto';
import { expect, request, test, type APIRequestContext } from './support/test';
import { graphql, MODERATOR, signIn, signUp, submitProposal } from './support/api';
import {
  expectNoHorizontalOverflow,
  expectNoSeriousA11yViolations,
  newParticipant,
  screenshotIfAsked,
  signUpThroughApi,
} from './support/helpers';

const CAST_VOTE = `
  mutation CastVote($input: CastVoteInput!) {
    castVote(input: $input) {
      id
    }
  }
`;

/** Publishes a proposal in the consultation open for proposals; returns its id. */
function publish(api: APIRequestContext, title: string): Promise<string> {
  return submitProposal(api, {
    title,
    summary: 'Un atelier où chacun apprend à réparer son vélo avec des bénévoles du quartier.',
    body: 'Un local prêté par la commune, des outils partagés et des bénévoles formés pour apprendre à réparer soi-même.',
  });
}

test('a moderator merges duplicates, a voter moves their vote, the moderator undoes the merge', async ({
  page,
  browser,
  baseURL,
}) => {
  const key = randomUUID().slice(0, 6);
  const leadTitle = `Atelier vélo coopératif ${key} dans chaque quartier`;
  const duplicateTitle = `Atelier vélo coopératif ${key} pour chaque quartier`;
  const author = await request.newContext({ baseURL });
  await signUp(author, newParticipant(), 'CITIZEN');
  const leadId = await publish(author, leadTitle);
  const duplicateId = await publish(author, duplicateTitle);
  await author.dispose();

  // One participant supports both proposals, another only the duplicate.
  const both = await request.newContext({ baseURL });
  await signUp(both, newParticipant(), 'CITIZEN');
  await graphql(both, CAST_VOTE, { input: { proposalId: leadId, value: 'FOR' } });
  await graphql(both, CAST_VOTE, { input: { proposalId: duplicateId, value: 'FOR' } });
  await both.dispose();
  const voterContext = await browser.newContext({ baseURL });
  const voter = await voterContext.newPage();
  await signUpThroughApi(voter);
  await graphql(voter.request, CAST_VOTE, { input: { proposalId: duplicateId, value: 'FOR' } });

  // The moderator merges the duplicate into the lead from the lead's page.
  await signIn(page.request, MODERATOR);
  await page.goto(`/propositions/${leadId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(leadTitle);
  await page.getByRole('button', { name: 'Regrouper des doublons' }).click();
  const dialog = page.getByRole('dialog', { name: 'Regrouper des doublons' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Regrouper' }).click();
  await expect(dialog.getByText('Cochez au moins une proposition.')).toBeVisible();
  await expect(dialog.getByText('Indiquez une raison d’au moins 3 caractères.')).toBeVisible();
  await dialog.getByRole('checkbox', { name: duplicateTitle }).check();
  await dialog
    .getByRole('textbox', { name: /^Raison du regroupement/ })
    .fill('Les deux propositions demandent le même atelier vélo.');
  await expectNoSeriousA11yViolations(page, 'merge dialog');
  await dialog.getByRole('button', { name: 'Regrouper' }).click();

  // The cluster page: the lead, the merged proposal, and the support counted once per person.
  await expect(page).toHaveURL(/\/regroupements\//);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Regroupement de propositions similaires' }),
  ).toBeVisible();
  await expect(
    page.getByText(
      'Motif du regroupement : « Les deux propositions demandent le même atelier vélo. »',
    ),
  ).toBeVisible();
  const support = page.getByRole('region', { name: 'Soutien cumulé' });
  await expect(support.getByText('2 participants', { exact: true })).toBeVisible();
  await expect(support).toContainText('Sans double compte : 2 participants au lieu de 3 votes.');
  await expect(page.getByRole('article', { name: leadTitle })).toContainText(
    'Proposition principale',
  );
  await expect(page.getByRole('article', { name: duplicateTitle })).toContainText('Fusionnée');
  await expectNoSeriousA11yViolations(page, 'cluster page');
  await screenshotIfAsked(page, 'cluster-desktop');
  const clusterUrl = page.url();

  // The voter of the merged proposal moves their vote to the lead.
  await voter.goto(`/propositions/${duplicateId}`);
  await expect(voter.getByText('Proposition regroupée')).toBeVisible();
  await expect(
    voter.getByText(
      'Cette proposition est regroupée : donnez votre avis sur la proposition principale.',
    ),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(voter, 'merged proposal (voter)');
  await voter
    .getByRole('button', { name: 'Déplacer mon vote vers la proposition principale' })
    .click();
  await expect(
    voter
      .getByText('Votre avis est déplacé vers la proposition principale.', { exact: false })
      .first(),
  ).toBeVisible();
  await voter.getByRole('link', { name: 'Voir la proposition principale' }).click();
  await expect(voter.getByRole('heading', { level: 1 })).toHaveText(leadTitle);
  await expect(
    voter
      .getByRole('region', { name: 'Avis des participants' })
      .getByRole('button', { name: 'Pour' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await voterContext.close();

  // Phone width: nothing sticks out.
  await page.goto(clusterUrl);
  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoHorizontalOverflow(page, 'cluster 360');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The moderator undoes the merge with a reason: every member has its status back.
  const undo = page.getByRole('region', { name: 'Annuler la fusion' });
  await undo.getByRole('button', { name: 'Annuler la fusion' }).click();
  await undo.getByRole('button', { name: 'Confirmer l’annulation' }).click();
  await expect(undo.getByText('Indiquez une raison d’au moins 3 caractères.')).toBeVisible();
  await undo
    .getByRole('textbox', { name: /^Raison de l’annulation/ })
    .fill('Finalement, les publics visés sont différents.');
  await undo.getByRole('button', { name: 'Confirmer l’annulation' }).click();
  await expect(page.getByText(/^Ce regroupement a été annulé le /)).toBeVisible();
  await expect(page.getByRole('article', { name: duplicateTitle })).toContainText('Publiée');
  await expect(page.getByRole('region', { name: 'Annuler la fusion' })).toHaveCount(0);

  // English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Group of similar proposals' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Combined support' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'cluster page (English, undone)');
});
