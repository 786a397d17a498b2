import { randomUUID } from 'node:crypto';
import { expect, test } from './support/test';
import { graphql, signIn, submitProposal } from './support/api';
import {
  expectNoHorizontalOverflow,
  expectNoSeriousA11yViolations,
  screenshotIfAsked,
  signUpThroughApi,
} from './support/helpers';

const PARTICIPANT = { email: 'participant@demo.passerelle.fr', password: 'passerelle-demo' };

test('a participant amends a proposal, another supports it, the author accepts it and co-writes with them', async ({
  page,
  browser,
  baseURL,
}) => {
  // Three participants in three browser contexts, and three accessibility checks.
  test.slow();
  const key = randomUUID().slice(0, 6);
  const title = `Des jardins partagés au pied des immeubles ${key}`;
  const amendedTitle = `Des jardins et vergers partagés au pied des immeubles ${key}`;
  const body =
    'La commune prête des parcelles aux habitants, qui les cultivent ensemble avec l’aide d’un jardinier.';
  const amendedBody =
    'La commune prête des parcelles aux habitants, qui les cultivent ensemble avec l’aide d’un jardinier. Les récoltes sont partagées entre les familles.';

  // The proposal's author: a new participant, who publishes it through the API.
  const author = await signUpThroughApi(page);
  const proposalId = await submitProposal(page.request, {
    title,
    summary: 'Des potagers cultivés ensemble par les habitants de chaque résidence.',
    body,
  });
  const proposalPath = `/propositions/${proposalId}`;

  // A demo participant proposes an amendment from the proposal page, on a phone.
  const amenderContext = await browser.newContext({
    baseURL,
    viewport: { width: 375, height: 800 },
  });
  const amenderPage = await amenderContext.newPage();
  await signIn(amenderPage.request, PARTICIPANT);
  const { me } = await graphql<{ me: { displayName: string } }>(
    amenderPage.request,
    '{ me { displayName } }',
  );
  await amenderPage.goto(proposalPath);
  const amendments = amenderPage.getByRole('region', { name: 'Amendements' });
  await amendments.getByRole('button', { name: 'Proposer un amendement' }).click();
  const form = amendments.getByRole('region', { name: 'Proposer un amendement' });
  const titleField = form.getByRole('textbox', { name: /^Titre/ });
  await expect(titleField).toHaveValue(title);
  await titleField.fill(amendedTitle);
  await form.getByRole('textbox', { name: /^Texte/ }).fill(amendedBody);
  await form.getByRole('button', { name: 'Publier l’amendement' }).click();
  // The reason is required: nothing is sent without it.
  const reason = form.getByRole('textbox', { name: /^Motivation/ });
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await reason.fill(
    'Les vergers nourrissent aussi le quartier, et les récoltes doivent être partagées.',
  );
  await form.getByRole('button', { name: 'Publier l’amendement' }).click();

  const item = amendments.getByRole('article', { name: `Amendement de ${me.displayName}` });
  await expect(item).toBeVisible();
  await expect(item.getByText('En attente', { exact: true })).toBeVisible();
  // Word-level differences: only the changed words are marked, announced as added.
  await expect(item.locator('ins').first()).toContainText('vergers');
  await expect(item.locator('dt')).toHaveText(['Titre', 'Texte']);
  await expect(item.getByText('Pour : 0 · Contre : 0')).toBeVisible();
  await expectNoHorizontalOverflow(amenderPage, 'proposal with an amendment (375 px)');
  await expectNoSeriousA11yViolations(amenderPage, 'proposal with an amendment');
  await screenshotIfAsked(amenderPage, 'amendment-proposed-mobile');

  // Another participant supports it; pressing again would withdraw the vote.
  const voterContext = await browser.newContext({ baseURL });
  const voterPage = await voterContext.newPage();
  await signUpThroughApi(voterPage);
  await voterPage.goto(proposalPath);
  const voterItem = voterPage
    .getByRole('region', { name: 'Amendements' })
    .getByRole('article', { name: `Amendement de ${me.displayName}` });
  const forButton = voterItem.getByRole('button', { name: 'Pour · 0' });
  await expect(forButton).toHaveAttribute('aria-pressed', 'false');
  await forButton.click();
  const pressed = voterItem.getByRole('button', { name: 'Pour · 1' });
  await expect(pressed).toHaveAttribute('aria-pressed', 'true');
  await expect(voterItem.getByRole('status').first()).toHaveText('Vous votez pour cet amendement.');
  await voterPage.reload();
  await expect(voterItem.getByRole('button', { name: 'Pour · 1' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await voterContext.close();

  // The author accepts it and invites its author as a co-author.
  await page.goto(proposalPath);
  const authorItem = page
    .getByRole('region', { name: 'Amendements' })
    .getByRole('article', { name: `Amendement de ${me.displayName}` });
  // The proposal's author may vote too, and sees the vote counted.
  await expect(authorItem.getByRole('button', { name: 'Pour · 1' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await authorItem.getByRole('button', { name: /^Accepter/ }).click();
  const dialog = page.getByRole('dialog', { name: `Accepter l’amendement de ${me.displayName}` });
  await expect(dialog).toBeVisible();
  await dialog
    .getByRole('checkbox', { name: 'Inviter l’auteur·rice de l’amendement comme co-auteur·rice' })
    .check();
  await expectNoSeriousA11yViolations(page, 'accept amendment dialog');
  await screenshotIfAsked(page, 'amendment-accept-dialog');
  await dialog.getByRole('button', { name: 'Accepter l’amendement' }).click();
  await expect(dialog).toBeHidden();

  // The page shows the new text, and the amendment as accepted.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(amendedTitle);
  await expect(
    page.getByText('Les récoltes sont partagées entre les familles.').first(),
  ).toBeVisible();
  await expect(authorItem.getByText('Accepté', { exact: true })).toBeVisible();
  await expect(authorItem).toContainText(`par ${author.displayName}.`);

  // The history credits both: the amendment's author and the author who accepted it.
  await page.reload();
  const history = page.getByRole('region', { name: 'Historique' });
  await expect(
    history.getByText(
      new RegExp(
        `Version 2 — .+ · par ${author.displayName} · applique l’amendement de ${me.displayName}, accepté par ${author.displayName}`,
      ),
    ),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'proposal after an accepted amendment');
  await screenshotIfAsked(page, 'amendment-accepted');

  // The amendment's author accepts the invitation: the proposal is now written « avec » them.
  await amenderPage.goto(proposalPath);
  const banner = amenderPage.getByRole('alert').filter({ hasText: 'Invitation à co-écrire' });
  await banner.getByRole('button', { name: 'Accepter l’invitation' }).click();
  await expect(
    amenderPage.getByText('Vous co-écrivez maintenant cette proposition.'),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByText(`avec ${me.displayName}`)).toBeVisible();
  await amenderContext.close();
});
