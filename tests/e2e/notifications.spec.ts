import { randomUUID } from 'node:crypto';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import {
  expectNoHorizontalOverflow,
  expectNoSeriousA11yViolations,
  screenshotIfAsked,
  signUpThroughApi,
} from './support/helpers';

const MODERATOR = { email: 'moderator@demo.passerelle.fr', password: 'passerelle-demo' };

async function graphql<T>(
  api: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await api.post('/graphql', {
    headers: { 'Content-Type': 'application/json' },
    data: { query, variables },
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  expect(body.errors, query.slice(0, 60)).toBeUndefined();
  return body.data as T;
}

test('a participant whose proposal is hidden sees the badge and the reason, then marks it read', async ({
  page,
  baseURL,
}) => {
  await signUpThroughApi(page);
  const { consultations } = await graphql<{
    consultations: { id: string; openPhases: string[]; themes: { id: string }[] }[];
  }>(
    page.request,
    `
      {
        consultations {
          id
          openPhases
          themes {
            id
          }
        }
      }
    `,
  );
  const consultation = consultations.find((c) => c.openPhases.includes('PROPOSING'));
  const title = `Jardins partagés au pied des immeubles ${randomUUID().slice(0, 6)}`;
  const { submitProposal } = await graphql<{ submitProposal: { id: string } }>(
    page.request,
    `
      mutation Submit($input: SubmitProposalInput!) {
        submitProposal(input: $input) {
          id
        }
      }
    `,
    {
      input: {
        consultationId: consultation?.id,
        title,
        summary: 'Des parcelles cultivées par les habitants, avec un bailleur social partenaire.',
        body: 'Le bailleur prête les espaces verts, une association anime les jardins et forme les habitants au compost.',
        themeIds: [consultation?.themes[0]?.id],
        territoryId: 'COMMUNE-69123',
        competentLevel: 'COMMUNE',
        lever: 'BUDGET',
      },
    },
  );

  // Before any decision: the bell shows no unread notice.
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();

  const moderator = await request.newContext({ baseURL });
  await graphql(
    moderator,
    `
      mutation SignIn($input: SignInInput!) {
        signIn(input: $input) {
          user {
            id
          }
        }
      }
    `,
    { input: MODERATOR },
  );
  await graphql(
    moderator,
    `
      mutation Hide($input: ModerationDecisionInput!) {
        hideContent(input: $input) {
          isHidden
        }
      }
    `,
    {
      input: {
        targetType: 'PROPOSAL',
        targetId: submitProposal.id,
        reason: 'Proposition en double avec une autre déjà publiée.',
      },
    },
  );
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
    `/propositions/${submitProposal.id}`,
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
