import { expect, request, test, type Locator, type Page } from './support/test';
import { graphql, signUp } from './support/api';
import { newParticipant, signUpThroughApi } from './support/helpers';

/** A demo proposal no other browser test votes on or comments. */
const TITLE = 'Une coopérative jeunesse de services dans chaque quartier prioritaire';

/** Opens the proposal from the search results. */
async function openProposal(page: Page): Promise<void> {
  await page.goto(`/propositions?q=${encodeURIComponent('coopérative jeunesse')}`);
  await page
    .getByRole('region', { name: /^Résultats/ })
    .getByRole('link', { name: TITLE })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
}

/** "12 avis" → 12, from the vote card. */
async function totalVotes(card: Locator): Promise<number> {
  const text = await card
    .getByText(/^\d+ avis$/)
    .first()
    .innerText();
  return Number.parseInt(text, 10);
}

/**
 * Resolves once the page has sent a graphql-ws `subscribe` for each operation named: the events
 * caused afterwards reach it. Listen before the page opens.
 */
function subscribed(page: Page, operationNames: string[]): Promise<void> {
  const waiting = new Set(operationNames);
  return new Promise((resolve) => {
    page.on('websocket', (socket) => {
      socket.on('framesent', ({ payload }) => {
        const message = JSON.parse(String(payload)) as {
          type?: string;
          payload?: { operationName?: string };
        };
        if (message.type !== 'subscribe') return;
        waiting.delete(message.payload?.operationName ?? '');
        if (waiting.size === 0) resolve();
      });
    });
  });
}

test('a vote and a comment from another session appear on an open proposal page without reloading', async ({
  browser,
  baseURL,
  page: participantPage,
}) => {
  const visitorContext = await browser.newContext({ baseURL, locale: 'fr-FR' });
  const visitorPage = await visitorContext.newPage();
  const isListening = subscribed(visitorPage, ['ProposalVotesChanged', 'CommentAdded']);

  await openProposal(visitorPage);
  await isListening;
  // Marks this page load: a reload would lose it.
  await visitorPage.evaluate(() => Object.assign(window, { realtimeMarker: true }));
  // The server registers the subscription just after the frame: leave it a moment.
  await visitorPage.waitForTimeout(1_500);

  const participant = await signUpThroughApi(participantPage);
  await openProposal(participantPage);
  const visitorVotes = visitorPage.getByRole('region', { name: 'Avis des participants' });
  const before = await totalVotes(visitorVotes);

  await test.step('the participant votes: the totals change on the visitor’s page', async () => {
    const participantVotes = participantPage.getByRole('region', { name: 'Avis des participants' });
    const forButton = participantVotes
      .getByRole('group', { name: 'Votre avis' })
      .getByRole('button', { name: 'Pour' });
    await expect(forButton).toHaveAttribute('aria-pressed', 'false');
    await forButton.click();
    await expect(forButton).toHaveAttribute('aria-pressed', 'true');

    await expect(visitorVotes.getByText(`${before + 1} avis`, { exact: true })).toBeVisible();
    await expect(visitorVotes.getByText('Les votes ont été mis à jour.')).toBeAttached();
  });

  await test.step('the participant comments: the visitor is offered the new comment', async () => {
    const text = `Une CJS a ouvert chez nous cet été ${participant.displayName.slice(-8)}.`;
    const participantDiscussion = participantPage.getByRole('region', { name: /commentaires?$/ });
    await participantDiscussion.getByRole('textbox', { name: /^Votre commentaire/ }).fill(text);
    await participantDiscussion.getByRole('radio', { name: 'Pour' }).check();
    await participantDiscussion.getByRole('button', { name: 'Publier le commentaire' }).click();
    // The published comment (the form may still hold the text for a moment).
    await expect(
      participantDiscussion.getByRole('paragraph').filter({ hasText: text }),
    ).toBeVisible();
    // The author's own page never offers their comment again.
    await expect(
      participantDiscussion.getByRole('button', { name: /nouveaux? commentaires? — afficher/ }),
    ).toHaveCount(0);

    const visitorDiscussion = visitorPage.getByRole('region', { name: /commentaires?$/ });
    await expect(visitorDiscussion.getByText(text)).toHaveCount(0);
    await visitorDiscussion
      .getByRole('button', { name: '1 nouveau commentaire — afficher' })
      .click();
    await expect(visitorDiscussion.getByText(text)).toBeVisible();
    await expect(visitorDiscussion.getByText(text)).toHaveCount(1);
    await expect(
      visitorDiscussion.getByRole('button', { name: /nouveaux? commentaires? — afficher/ }),
    ).toHaveCount(0);
  });

  expect(
    await visitorPage.evaluate(
      () => (window as unknown as { realtimeMarker?: boolean }).realtimeMarker,
    ),
  ).toBe(true);
  await visitorContext.close();
});

const ADD_COMMENT = `
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      id
    }
  }
`;

test('the notification badge counts a reply to my comment as it arrives', async ({
  baseURL,
  page,
}) => {
  const isListening = subscribed(page, ['NotificationAdded']);
  await signUpThroughApi(page);
  await openProposal(page);
  await isListening;
  await page.waitForTimeout(1_500);
  const bell = page.getByRole('banner').getByRole('link', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications');
  const proposalId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');

  const { addComment } = await graphql<{ addComment: { id: string } }>(page.request, ADD_COMMENT, {
    input: { proposalId, body: 'Nous avons monté une CJS l’été dernier, je peux raconter.' },
  });
  const replier = await request.newContext({ baseURL });
  await signUp(replier, newParticipant());
  await graphql(replier, ADD_COMMENT, {
    input: { proposalId, parentId: addComment.id, body: 'Oui, racontez-nous comment !' },
  });
  await replier.dispose();

  await expect(bell).toHaveAccessibleName('Notifications : 1 non lue');
  await expect(page.getByText('Vous avez une nouvelle notification.')).toBeAttached();
});
