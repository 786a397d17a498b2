import { expect, request, test } from '@playwright/test';
import { graphql, signIn } from './support/api';
import { expectNoSeriousA11yViolations, reportAsNewParticipant } from './support/helpers';

/** The demo's local moderator (prisma/seeds/demo-local.ts), same password as every demo account. */
const LOCAL_MODERATOR = {
  email: 'moderateur-local@demo.passerelle.fr',
  password: 'passerelle-demo',
};
const LOCAL_SLUG = 'espace-local-ptce-drome-cooperative';
const NATIONAL_SLUG = 'transition-ecologique-et-democratie-economique';

type ProposalsData = { proposals: { edges: { node: { id: string; title: string } }[] } };

/** The first proposal of a demo consultation, read anonymously through the API. */
async function firstProposalOf(
  baseURL: string | undefined,
  slug: string,
  skip = 0,
): Promise<{ id: string; title: string }> {
  const visitor = await request.newContext({ baseURL });
  const { consultation } = await graphql<{ consultation: { id: string } }>(
    visitor,
    `
      query ($slug: String!) {
        consultation(slug: $slug) {
          id
        }
      }
    `,
    { slug },
  );
  const { proposals } = await graphql<ProposalsData>(
    visitor,
    `
      query ($filter: ProposalFilter) {
        proposals(first: 10, filter: $filter) {
          edges {
            node {
              id
              title
            }
          }
        }
      }
    `,
    { filter: { consultationId: consultation.id } },
  );
  await visitor.dispose();
  return proposals.edges[skip].node;
}

test('the consultation cards say which consultation is national and which is a local space', async ({
  page,
}) => {
  await page.goto('/');
  const cards = page.getByRole('article');
  const local = cards.filter({ hasText: 'Vallée de la Drôme' });
  await expect(local.getByTestId('consultation-scope')).toHaveText(
    'Espace local · Drôme / PTCE Drôme Coopérative',
  );
  const national = cards.filter({ hasText: 'Transition écologique et démocratie économique' });
  await expect(national.getByTestId('consultation-scope')).toHaveText('Consultation nationale');
  await expectNoSeriousA11yViolations(page, 'home with scope badges');
});

test('the local moderator sees only their consultation’s reports and hides a reported proposal', async ({
  page,
  baseURL,
}) => {
  const mine = await firstProposalOf(baseURL, LOCAL_SLUG);
  const theirs = await firstProposalOf(baseURL, NATIONAL_SLUG, 3);
  for (const proposal of [mine, theirs]) {
    await reportAsNewParticipant(baseURL, {
      targetType: 'PROPOSAL',
      targetId: proposal.id,
      reason: 'OFF_TOPIC',
      details: 'Sans rapport avec l’espace.',
    });
  }

  await signIn(page.request, LOCAL_MODERATOR);
  await page.goto('/');
  await page.getByRole('link', { name: 'Modération locale' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Modération' })).toBeVisible();
  await expect(page.getByText(/^Vous modérez : Vallée de la Drôme/)).toBeVisible();
  // No audit log for a local moderator: it is the platform's.
  await expect(page.getByRole('tab', { name: 'Journal des actions' })).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Tri' }).selectOption('NEWEST');
  const item = page.getByRole('article', { name: mine.title });
  await expect(item).toBeVisible();
  await expect(page.getByRole('article', { name: theirs.title })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'local moderation queue');

  await item.getByRole('button', { name: 'Masquer', exact: true }).click();
  const hideForm = item.getByRole('form', { name: 'Masquer' });
  await hideForm
    .getByRole('textbox', { name: /^Raison de la décision/ })
    .fill('Hors sujet pour l’espace local.');
  await hideForm.getByRole('button', { name: /^Confirmer/ }).click();
  await expect(item.getByRole('status').filter({ hasText: 'masqué' })).toHaveText(
    'Le contenu est masqué.',
  );
  await expect(item.getByText('Masqué', { exact: true })).toBeVisible();

  // The other consultation's report is out of reach, through the API too.
  const refused = await page.request.post('/graphql', {
    headers: { 'Content-Type': 'application/json' },
    data: {
      query: `mutation ($input: ModerationDecisionInput!) { hideContent(input: $input) { isHidden } }`,
      variables: { input: { targetType: 'PROPOSAL', targetId: theirs.id, reason: 'Pas à moi' } },
    },
  });
  expect(JSON.stringify(await refused.json())).toContain('FORBIDDEN');
});
