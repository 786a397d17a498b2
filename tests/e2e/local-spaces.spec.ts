import { randomUUID } from 'node:crypto';
import { expect, request, test } from './support/test';
import { graphql, signIn } from './support/api';
import { createBrief, CURATOR, findProposal } from './support/briefs';
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

test('a national contribution citing a local proposal shows its provenance and its local votes', async ({
  page,
  baseURL,
}) => {
  // Publishing makes the cited proposal RETAINED (closed to votes): this local proposal is one no
  // other browser test votes on or cites, and not the first one, which the test above hides.
  const citedTitle = 'Chauffer les écoles au bois du bocage, en circuit court';
  const key = randomUUID().slice(0, 6);
  const title = `Contribution des territoires ${key}`;
  const slug = `contribution-des-territoires-${key}`;
  const curator = await request.newContext({ baseURL });
  let cited: Awaited<ReturnType<typeof findProposal>>;
  try {
    await signIn(curator, CURATOR);
    cited = await findProposal(curator, citedTitle);
    // The local space's own votes, as the curator sees them before publishing.
    expect(cited.votesFor + cited.votesAgainst + cited.votesNeutral).toBeGreaterThan(0);
    const consultationIds: string[] = [];
    for (const consultationSlug of [NATIONAL_SLUG, LOCAL_SLUG]) {
      const { consultation } = await graphql<{ consultation: { id: string } }>(
        curator,
        `
          query ($slug: String!) {
            consultation(slug: $slug) {
              id
            }
          }
        `,
        { slug: consultationSlug },
      );
      consultationIds.push(consultation.id);
    }
    expect(consultationIds[1]).toBe(cited.consultation.id);
    const draft = await createBrief(curator, {
      title,
      slug,
      consultationIds,
      introduction: 'Ce que proposent les **espaces locaux**.',
    });
    await draft.publish(
      [
        {
          title: 'Une chaleur locale pour les écoles',
          synthesis:
            'Les habitants de la vallée veulent **chauffer les écoles au bois local** [1].',
          citations: [{ proposalId: cited.id }],
        },
      ],
      1,
    );
  } finally {
    await curator.dispose();
  }

  await page.goto(`/contributions/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const annex = page.getByRole('table', { name: /^Chaque proposition citée/ });
  const row = annex.getByRole('row').filter({ hasText: citedTitle });
  await expect(row).toHaveCount(1);
  const cells = row.getByRole('cell');
  // Provenance: the local space, its territory and the PTCE carrying it.
  await expect(cells.nth(1)).toHaveText(
    'Consultation locale « Vallée de la Drôme : nos coopérations pour la transition » — Drôme — PTCE Drôme Coopérative',
  );
  // The local consultation's vote figures, frozen at publication.
  await expect(cells.nth(3)).toHaveText(String(cited.votesFor));
  await expect(cells.nth(4)).toHaveText(String(cited.votesAgainst));
  await expect(cells.nth(5)).toHaveText(String(cited.votesNeutral));
  await expectNoSeriousA11yViolations(page, 'a contribution citing a local proposal');
});
