import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, request, test, type APIRequestContext } from './support/test';
import {
  isDissentingGroup,
  type DissentGroupFigures,
} from '../../libs/domain/src/consensus/dissent';
import { graphql, signIn } from './support/api';
import { CURATOR, createBrief } from './support/briefs';
import { expectNoSeriousA11yViolations } from './support/helpers';

interface DivisiveProposal {
  id: string;
  title: string;
  consultation: { id: string };
  opinions: { groups: DissentGroupFigures[] } | null;
}

const MOST_DIVISIVE = `
  query MostDivisive {
    proposals(first: 50, orderBy: DIVISIVE) {
      edges {
        node {
          id
          title
          consultation { id }
          opinions { groups { label groupSize agree disagree pass } }
        }
      }
    }
  }
`;

/** Every other browser test's text: a proposal named there may be voted on, cited or published. */
const OTHER_SPECS = readdirSync(__dirname)
  .filter((file) => file.endsWith('.spec.ts') && file !== basename(__filename))
  .map((file) => readFileSync(join(__dirname, file), 'utf8'))
  .join('\n');

/**
 * A demo proposal that an opinion group rejects (AGAINST more than FOR, with enough votes), named
 * by no other browser test. The API computes the demo groups shortly after boot: poll until then.
 */
async function findDividedProposal(api: APIRequestContext) {
  let found: { proposal: DivisiveProposal; dissenting: DissentGroupFigures[] } | undefined;
  await expect(async () => {
    const { proposals } = await graphql<{ proposals: { edges: { node: DivisiveProposal }[] } }>(
      api,
      MOST_DIVISIVE,
    );
    found = proposals.edges
      .map(({ node }) => ({
        proposal: node,
        dissenting: (node.opinions?.groups ?? []).filter(isDissentingGroup),
      }))
      .find(
        ({ proposal, dissenting }) =>
          dissenting.length > 0 && !OTHER_SPECS.includes(proposal.title),
      );
    expect(found, 'a demo proposal an opinion group rejects').toBeDefined();
  }).toPass({ timeout: 90_000, intervals: [1_000, 2_000, 5_000] });
  if (!found) throw new Error('unreachable');
  return found;
}

test('a curator seeds a section’s dissent note from the opinion groups that disagree', async ({
  page,
  baseURL,
}) => {
  test.slow();
  const key = randomUUID().slice(0, 8);
  const api = await request.newContext({ baseURL });
  let divided: Awaited<ReturnType<typeof findDividedProposal>>;
  try {
    await signIn(api, CURATOR);
    divided = await findDividedProposal(api);
  } finally {
    await api.dispose();
  }
  const { proposal, dissenting } = divided;

  await signIn(page.request, CURATOR);
  const brief = await createBrief(page.request, {
    title: `Ce qui divise ${key}`,
    slug: `ce-qui-divise-${key}`,
    consultationIds: [proposal.consultation.id],
    introduction: 'Une contribution de test sur les désaccords entre groupes d’opinion.',
  });
  await page.goto(`/curation/${brief.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Contribution « Ce qui divise ${key} »`,
    { timeout: 30_000 },
  );

  await page.getByRole('button', { name: 'Ajouter une section' }).click();
  const section = page.getByRole('group', { name: /^Section 1/ });
  const sectionTitle = 'Les désaccords';
  await section.getByRole('textbox', { name: /^Titre de la section/ }).fill(sectionTitle);
  await section.getByRole('textbox', { name: /^Synthèse/ }).fill('Les groupes divergent [1].');
  const seed = section.getByRole('button', { name: 'Proposer à partir des groupes en désaccord' });
  // Nothing cited yet: the button says why it cannot help.
  await expect(seed).toBeDisabled();
  await expect(section.getByText(/^Aucune proposition citée dans cette section/)).toBeVisible();

  // The picker finds it, ordered by what divides the groups, and shows its consensus.
  const picker = page.getByRole('region', { name: 'Sources à citer' });
  const search = page.getByRole('search', { name: 'Chercher une proposition à citer' });
  await search.getByRole('searchbox', { name: 'Rechercher une proposition' }).fill(proposal.title);
  await search.getByRole('searchbox', { name: 'Rechercher une proposition' }).press('Enter');
  const order = picker.getByRole('combobox', { name: 'Classement' });
  await expect(order).toHaveValue('RELEVANCE');
  await expect(order.getByRole('option', { name: 'Consensus entre groupes' })).toBeAttached();
  const divisiveSearch = page.waitForResponse(
    (response) =>
      response.url().endsWith('/graphql') &&
      (response.request().postData() ?? '').includes('"orderBy":"DIVISIVE"'),
  );
  await order.selectOption({ label: 'Ce qui divise' });
  const divisiveBody = (await (await divisiveSearch).json()) as { errors?: unknown[] };
  expect(divisiveBody.errors).toBeUndefined();
  const card = picker
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: proposal.title, exact: true }) });
  await expect(card.getByText(/^Consensus \d+\s%/)).toBeVisible();
  await card
    .getByRole('button', {
      name: `Citer « ${proposal.title} » dans la section 1 « ${sectionTitle} »`,
    })
    .click();

  // The citation shows each group's share FOR, explained for screen readers.
  const citation = section.getByRole('listitem').filter({ hasText: 'Extrait cité' });
  await expect(citation.getByRole('link', { name: proposal.title })).toBeVisible();
  await expect(citation.getByText(/^Pour, par groupe : [A-Z] \d+\s%/)).toBeVisible();
  await expect(citation.getByText(/^Votes par groupe d’opinion : .{10,}/)).toBeAttached();

  // What the curator wrote stays; the draft comes after it and names the dissenting group.
  const note = section.getByRole('textbox', { name: /^Note de dissensus/ });
  await note.fill('Notre propre remarque.');
  await expect(seed).toBeEnabled();
  await seed.click();
  await expect(section.getByText('Proposition de note ajoutée')).toBeVisible();
  await expect(note).toBeFocused();
  const text = await note.inputValue();
  expect(text.startsWith('Notre propre remarque.\n\n')).toBe(true);
  const [group] = dissenting;
  if (!group) throw new Error('a dissenting group');
  const size = `${group.groupSize} participant${group.groupSize > 1 ? 's' : ''}`;
  // Written with French typography (no-break spaces): compare with the spaces made plain.
  const plain = text.replace(/[\u00a0\u202f]/g, ' ');
  expect(plain).toContain(
    dissenting.length === 1
      ? `Le groupe ${group.label} (${size})`
      : `groupes ${group.label} (${size})`,
  );
  expect(plain).toContain(`« ${proposal.title} » [1] : `);
  expect(plain).toMatch(/\d+ % contre, \d+ % pour\.$/);

  // Saved with the working copy (never published: the proposal keeps its status).
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByText(/^Enregistré \(révision \d+\)\.$/)).toBeVisible();
  await page.reload();
  await expect(
    page
      .getByRole('group', { name: /^Section 1/ })
      .getByRole('textbox', { name: /^Note de dissensus/ }),
  ).toHaveValue(text, { timeout: 30_000 });
  await expectNoSeriousA11yViolations(page, 'the workspace with opinion groups');
});
