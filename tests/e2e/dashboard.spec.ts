import { expect, test, type Page } from './support/test';
import { graphql, postGraphql, signIn } from './support/api';
import {
  expectNoHorizontalOverflow,
  expectNoSeriousA11yViolations,
  screenshotIfAsked,
} from './support/helpers';

const CURATOR = { email: 'curator@demo.passerelle.fr', password: 'passerelle-demo' };
const PARTICIPANT = { email: 'participant@demo.passerelle.fr', password: 'passerelle-demo' };

interface Counts {
  participants: number | null;
  proposals: number | null;
  votes: number | null;
  comments: number | null;
}
interface Dashboard {
  minimumCellSize: number | null;
  totals: Counts;
  byDepartement: { code: string; name: string; counts: Counts }[];
  unlocated: Counts;
}

const FIELDS = `
  minimumCellSize
  totals { participants proposals votes comments }
  byDepartement { code name counts { participants proposals votes comments } }
  unlocated { participants proposals votes comments }
`;

/** A count as the page writes it in French: "1 234" with any space as thousands separator. */
const frenchNumber = (value: number) =>
  new RegExp(`^${String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '\\s?')}$`);

async function expectTotals(page: Page, totals: Counts): Promise<void> {
  for (const metric of ['participants', 'proposals', 'votes', 'comments'] as const) {
    await expect(page.getByTestId(`total-${metric}`).locator('dd')).toHaveText(
      frenchNumber(totals[metric] as number),
    );
  }
}

test('the public dashboard shows totals, a keyboard-usable map and its table, without personal data', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { participationDashboard: expected } = await graphql<{
    participationDashboard: Dashboard;
  }>(page.request, `query { participationDashboard { ${FIELDS} } }`);
  expect(expected.minimumCellSize).toBe(5);

  // Reached from the footer of any page.
  await page.goto('/');
  await page
    .getByRole('contentinfo')
    .getByRole('link', { name: 'Tableau de bord de la participation' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Tableau de bord de la participation' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  await expectTotals(page, expected.totals);
  await expect(page.getByText(/moins de 5 participants sont masqués/)).toBeVisible();

  // The map is one Tab stop after the collège table's toggle; its département says its figures.
  const map = page.getByRole('group', { name: 'Carte des départements : Participants' });
  await expect(map).toBeVisible();
  await page.getByRole('button', { name: 'Voir le tableau : Participation par collège' }).focus();
  await page.keyboard.press('Tab');
  const focused = map.locator('path:focus');
  await expect(focused).toHaveCount(1);
  const code = await focused.getAttribute('data-code');
  const label = await focused.getAttribute('aria-label');
  expect(label).toMatch(new RegExp(`\\(${code}\\) : `));
  const readout = page.getByTestId('map-readout');
  await expect(readout).toHaveText(label as string);
  const busiest = expected.byDepartement.find((d) => d.code === code);
  if (busiest) {
    expect(label).toContain(busiest.name);
    if (busiest.counts.participants === null) expect(label).toContain('moins de 5 participants');
  }
  // Arrow keys go to a neighbour, whose name and figures replace the first ones.
  await page.keyboard.press('ArrowLeft');
  const next = map.locator('path:focus');
  await expect(next).toHaveCount(1);
  expect(await next.getAttribute('data-code')).not.toBe(code);
  await expect(readout).toHaveText((await next.getAttribute('aria-label')) as string);

  // The table alternative: every located département and the unlocated row.
  await page
    .getByRole('button', { name: 'Voir le tableau : Participation par département' })
    .click();
  const table = page.getByRole('table', { name: 'Participation par département' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(expected.byDepartement.length + 2);
  await expect(table.getByRole('row', { name: /Non localisé/ })).toBeVisible();
  for (const departement of expected.byDepartement.filter((d) => d.counts.participants === null)) {
    await expect(
      table.getByRole('row', { name: new RegExp(`\\(${departement.code}\\)`) }),
    ).toContainText('moins de 5 participants');
  }

  await expectNoSeriousA11yViolations(page, 'public dashboard');
  await screenshotIfAsked(page, 'dashboard-public');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalOverflow(page, 'public dashboard at 320 px');
  await screenshotIfAsked(page, 'dashboard-public-320');
});

test('curators reach the exact figures from their workspace; participants are refused them', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signIn(page.request, CURATOR);
  const { curatorDashboard: expected } = await graphql<{ curatorDashboard: Dashboard }>(
    page.request,
    `query { curatorDashboard { ${FIELDS} } }`,
  );
  expect(expected.minimumCellSize).toBeNull();

  await page.goto('/curation');
  await page
    .getByRole('link', { name: 'Tableau de bord de la participation (chiffres exacts)' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Tableau de bord : chiffres exacts' }),
  ).toBeVisible();
  await expectTotals(page, expected.totals);
  await page
    .getByRole('button', { name: 'Voir le tableau : Participation par département' })
    .click();
  const table = page.getByRole('table', { name: 'Participation par département' });
  await expect(table.getByRole('row')).toHaveCount(expected.byDepartement.length + 2);
  for (const departement of expected.byDepartement) {
    const cells = table
      .getByRole('row', { name: new RegExp(`\\(${departement.code}\\)`) })
      .getByRole('cell');
    await expect(cells.first()).toHaveText(frenchNumber(departement.counts.participants as number));
  }
  await expect(page.getByText('moins de 5 participants')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'curator dashboard');
  await screenshotIfAsked(page, 'dashboard-curator');

  // A participant: the page says the space is reserved, and the API refuses the query.
  const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
  const participantPage = await context.newPage();
  await signIn(participantPage.request, PARTICIPANT);
  const refused = await postGraphql(
    participantPage.request,
    `query { curatorDashboard { ${FIELDS} } }`,
  );
  expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  await participantPage.goto('/curation/tableau-de-bord');
  await expect(participantPage.getByRole('alert')).toContainText(
    'Cet espace est réservé à l’équipe de curation',
  );
  await expect(participantPage.getByTestId('total-participants')).toHaveCount(0);
  await context.close();
});

test('the public dashboard links each consultation’s open data, which downloads as CSV and JSON', async ({
  page,
}) => {
  const title =
    'Transition écologique et démocratie économique : ce qui marche dans nos territoires';
  await page.goto('/tableau-de-bord');
  const openData = page.getByRole('region', { name: 'Données ouvertes' });
  await expect(openData.getByRole('heading', { level: 3, name: title })).toBeVisible();
  await expect(
    openData.getByRole('link', { name: 'Licence Ouverte / Open Licence 2.0' }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'dashboard open data');
  await screenshotIfAsked(page, 'dashboard-open-data');

  // Each link downloads what it says, from the API (not the web app's fallback page).
  const csvLink = openData.getByRole('link', { name: `Amendements de « ${title} » au format CSV` });
  const csv = await page.request.get((await csvLink.getAttribute('href')) ?? '');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect((await csv.text()).split('\r\n')[0]).toBe(
    '\uFEFFid,proposalId,status,baseVersion,title,summary,body,reason,votesFor,votesAgainst,createdAt,decidedAt,decisionReason,authorActorType',
  );
  const jsonLink = openData.getByRole('link', {
    name: `Propositions de « ${title} » au format JSON`,
  });
  const json = (await (
    await page.request.get((await jsonLink.getAttribute('href')) ?? '')
  ).json()) as { consultation: { title: string }; licence: string; rows: unknown[] };
  expect(json.consultation.title).toBe(title);
  expect(json.licence).toBe('Licence Ouverte / Open Licence 2.0');
  expect(json.rows.length).toBeGreaterThan(10);
});
