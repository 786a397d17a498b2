import { randomUUID } from 'node:crypto';
import { expect, request, test } from './support/test';
import { hideContent, MODERATOR, signIn, submitProposal } from './support/api';
import {
  expectNoHorizontalOverflow,
  expectNoSeriousA11yViolations,
  screenshotIfAsked,
  signUpThroughApi,
} from './support/helpers';

test('a participant whose proposal is hidden sees the badge and the reason, then marks it read', async ({
  page,
  baseURL,
}) => {
  await signUpThroughApi(page);
  const title = `Jardins partagés au pied des immeubles ${randomUUID().slice(0, 6)}`;
  const proposalId = await submitProposal(page.request, {
    title,
    summary: 'Des parcelles cultivées par les habitants, avec un bailleur social partenaire.',
    body: 'Le bailleur prête les espaces verts, une association anime les jardins et forme les habitants au compost.',
  });

  // Before any decision: the bell shows no unread notice.
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();

  const moderator = await request.newContext({ baseURL });
  await signIn(moderator, MODERATOR);
  await hideContent(moderator, {
    targetType: 'PROPOSAL',
    targetId: proposalId,
    reason: 'Proposition en double avec une autre déjà publiée.',
  });
  await moderator.dispose();

  // The count is fetched again on navigation.
  await page.getByRole('link', { name: 'Propositions', exact: true }).click();
  const bell = page.getByRole('link', { name: 'Notifications : 1 non lue' });
  await expect(bell).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'header with unread notifications');
  await bell.click();

  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const notice = page.getByRole('listitem').filter({ hasText: title });
  await expect(notice).toContainText(
    `Votre proposition « ${title} » a été masquée par la modération.`,
  );
  await expect(notice).toContainText(
    'Motif indiqué par la modération : « Proposition en double avec une autre déjà publiée. »',
  );
  await expect(notice.getByText('Non lue')).toBeVisible();
  await expect(notice.getByRole('link', { name: 'Voir la proposition' })).toHaveAttribute(
    'href',
    `/propositions/${proposalId}`,
  );
  await expectNoSeriousA11yViolations(page, 'notifications page');
  await screenshotIfAsked(page, 'notifications-desktop');

  await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Toutes les notifications' })).toHaveText(
    'Toutes les notifications sont marquées comme lues.',
  );
  await expect(notice.getByText('Non lue')).toHaveCount(0);
  await expect(page.getByText('Tout est lu.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();

  // Read state survives a reload; phone width; English.
  await page.reload();
  await expect(
    page.getByRole('listitem').filter({ hasText: title }).getByText('Non lue'),
  ).toHaveCount(0);
  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoHorizontalOverflow(page, 'notifications 360');
  await screenshotIfAsked(page, 'notifications-360');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: title })).toContainText(
    `Your proposal “${title}” was hidden by the moderators.`,
  );
  await expectNoSeriousA11yViolations(page, 'notifications page (English)');
});
