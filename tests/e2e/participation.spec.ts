import { expect, test, type Locator, type Page } from './support/test';
import {
  expectNoHorizontalOverflow,
  expectNoSeriousA11yViolations,
  screenshotIfAsked,
  signUpThroughApi,
} from './support/helpers';

/** Opens the proposals page sorted as asked and follows the first result. */
async function openFirstProposal(page: Page, sort: string): Promise<string> {
  await page.goto(`/propositions?tri=${sort}`);
  const first = page
    .getByRole('region', { name: /^Résultats/ })
    .getByRole('article')
    .first()
    .getByRole('heading', { level: 3 })
    .getByRole('link');
  const title = (await first.innerText()).trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  return title;
}

/** "12 avis" → 12, from the vote card. */
async function totalVotes(card: Locator): Promise<number> {
  const text = await card
    .getByText(/^\d+ avis$/)
    .first()
    .innerText();
  return Number.parseInt(text, 10);
}

test('a participant votes for a proposal, changes the vote, then retracts it', async ({ page }) => {
  await signUpThroughApi(page);
  // Published only: open to votes whatever other tests answered or retained meanwhile.
  await openFirstProposal(page, 'newest&statut=PUBLISHED');
  const card = page.getByRole('region', { name: 'Avis des participants' });
  const buttons = card.getByRole('group', { name: 'Votre avis' });
  const forButton = buttons.getByRole('button', { name: 'Pour' });
  const againstButton = buttons.getByRole('button', { name: 'Contre' });
  await expect(forButton).toHaveAttribute('aria-pressed', 'false');
  const before = await totalVotes(card);
  await expectNoSeriousA11yViolations(page, 'proposal (signed in)');

  await forButton.click();
  await expect(forButton).toHaveAttribute('aria-pressed', 'true');
  await expect(card.getByText(`${before + 1} avis`, { exact: true })).toBeVisible();
  await expect(card.getByRole('status')).toHaveText('Votre avis « Pour » est enregistré.');
  // The voter's collège (Association) appears in the per-collège table, with at least one "Pour".
  const associations = card.getByRole('row').filter({
    has: page.getByRole('rowheader', { name: 'Association' }),
  });
  await expect(associations).toHaveCount(1);
  await expect(associations.getByRole('cell').first()).not.toHaveText(/^0\b/);

  await againstButton.click();
  await expect(againstButton).toHaveAttribute('aria-pressed', 'true');
  await expect(forButton).toHaveAttribute('aria-pressed', 'false');
  await expect(card.getByText(`${before + 1} avis`, { exact: true })).toBeVisible();

  // The vote survives a reload: it comes from the API, not from the page.
  await page.reload();
  await expect(againstButton).toHaveAttribute('aria-pressed', 'true');

  await card.getByRole('button', { name: 'Retirer mon avis' }).click();
  await expect(againstButton).toHaveAttribute('aria-pressed', 'false');
  await expect(card.getByText(`${before} avis`, { exact: true })).toBeVisible();
  await expect(card.getByRole('status')).toHaveText('Votre avis est retiré.');
});

test('a visitor is invited to sign in to vote and comment', async ({ page }) => {
  await openFirstProposal(page, 'top');
  const card = page.getByRole('region', { name: 'Avis des participants' });
  await expect(card.getByText('Connectez-vous pour donner votre avis')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Pour' })).toHaveCount(0);
  await expect(card.getByRole('link', { name: 'Se connecter' })).toHaveAttribute(
    'href',
    /^\/connexion\?next=%2Fpropositions%2F/,
  );
  await expect(page.getByText('Connectez-vous pour commenter.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'proposal (visitor)');
});

test('a participant comments with a stance, replies and upvotes another participant’s comment', async ({
  page,
}) => {
  const participant = await signUpThroughApi(page);
  await openFirstProposal(page, 'most_commented');
  const discussion = page.getByRole('region', { name: /commentaires?$/ });
  const others = discussion.getByRole('article').filter({ hasNotText: participant.displayName });

  await test.step('upvote a comment by someone else', async () => {
    const upvote = others.first().getByRole('button', { name: /^Utile \(\d+\)$/ });
    await expect(upvote).toHaveAttribute('aria-pressed', 'false');
    const count = Number(/\d+/.exec(await upvote.innerText())?.[0]);
    await upvote.click();
    await expect(upvote).toHaveAttribute('aria-pressed', 'true');
    await expect(upvote).toHaveText(`Utile (${count + 1})`);
    await upvote.click();
    await expect(upvote).toHaveAttribute('aria-pressed', 'false');
    await expect(upvote).toHaveText(`Utile (${count})`);
  });

  const text = `Très bonne idée, testée chez nous ${participant.displayName.slice(-8)}.`;
  await test.step('comment with a stance', async () => {
    await discussion.getByRole('textbox', { name: /^Votre commentaire/ }).fill(text);
    await discussion.getByRole('radio', { name: 'Pour' }).check();
    await discussion.getByRole('button', { name: 'Publier le commentaire' }).click();
    const mine = discussion.getByRole('article', { name: participant.displayName }).first();
    await expect(mine).toContainText(text);
    await expect(mine.getByText('Pour', { exact: true })).toBeVisible();
    // One cannot upvote one's own comment.
    await expect(mine.getByRole('button', { name: /^Utile/ })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'proposal with my comment');
  });

  await test.step('reply to it', async () => {
    const mine = discussion.getByRole('article', { name: participant.displayName }).first();
    await mine.getByRole('button', { name: 'Répondre' }).click();
    const replyField = discussion.getByRole('textbox', { name: /^Votre réponse à/ });
    await expect(replyField).toBeFocused();
    await replyField.fill('Précision : le coût a baissé de 20 % la deuxième année.');
    await discussion.getByRole('button', { name: 'Publier la réponse' }).click();
    const replies = discussion.getByRole('list', { name: `Réponses à ${participant.displayName}` });
    await expect(replies).toContainText('le coût a baissé de 20 %');
  });

  await test.step('edit, then delete the comment: its reply stays', async () => {
    const mine = discussion.getByRole('article', { name: participant.displayName }).first();
    await mine.getByRole('button', { name: 'Modifier' }).click();
    const editField = mine.getByRole('textbox', { name: /^Modifier votre commentaire/ });
    await editField.fill(`${text} (complété)`);
    await mine.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(mine).toContainText('(complété)');
    await expect(mine.getByText('modifié', { exact: true })).toBeVisible();

    await mine.getByRole('button', { name: 'Supprimer' }).click();
    await page.getByRole('button', { name: 'Oui, supprimer' }).click();
    await expect(discussion.getByText(text)).toHaveCount(0);
    await expect(
      discussion.getByText('Commentaire supprimé', { exact: true }).first(),
    ).toBeVisible();
    await expect(discussion).toContainText('le coût a baissé de 20 %');
  });
});

test('proposal and proposals pages on a 360 px screen and on a desktop', async ({ page }) => {
  await signUpThroughApi(page);
  for (const [width, suffix] of [
    [360, '360'],
    [1280, 'desktop'],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await openFirstProposal(page, 'most_commented');
    await expect(page.getByRole('region', { name: 'Avis des participants' })).toBeVisible();
    await expectNoHorizontalOverflow(page, `proposal (${suffix})`);
    await screenshotIfAsked(page, `proposal-page-${suffix}`);
    await page.goto('/propositions?q=v%C3%A9lo');
    await expect(
      page
        .getByRole('region', { name: /^Résultats/ })
        .getByRole('article')
        .first(),
    ).toBeVisible();
    await expectNoHorizontalOverflow(page, `proposals (${suffix})`);
    await screenshotIfAsked(page, `proposals-page-${suffix}`);
  }
});
