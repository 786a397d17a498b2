import { randomUUID } from 'node:crypto';
import { expect, test } from './support/test';
import { publishBriefCiting } from './support/briefs';
import {
  expectNoHorizontalOverflow,
  expectNoSeriousA11yViolations,
  screenshotIfAsked,
} from './support/helpers';

// Publishing makes the cited proposal RETAINED (closed to votes): cite one that no other browser
// test votes on or opens.
const CITED_TITLE = 'Un fonds d’amorçage pour les tiers-lieux ruraux';
/** A curator writes, submits and publishes a brief whose synthesis cites a demo proposal [1]. */
async function publishCitingBrief(baseURL: string | undefined) {
  const key = randomUUID().slice(0, 6);
  const title = `Contribution mobilités ${key}`;
  const slug = `contribution-mobilites-${key}`;
  const quote = CITED_TITLE.slice(0, 12);
  const cited = await publishBriefCiting(
    baseURL,
    {
      title,
      slug,
      citedTitle: CITED_TITLE,
      introduction: 'Ce que les participants **proposent** pour se déplacer.',
    },
    (proposal) => ({
      title: 'Se déplacer autrement',
      synthesis: 'Les participants demandent des **solutions partagées** [1].',
      dissentNote: 'Quelques participants restent attachés à la voiture individuelle.',
      citations: [{ proposalId: proposal.id, quote }],
    }),
  );
  return { title, slug, cited, quote };
}

test('a visitor reads a published brief, its annex, and follows a citation back and forth', async ({
  page,
  baseURL,
}) => {
  const { title, slug, cited, quote } = await publishCitingBrief(baseURL);

  // A visitor finds it among the contributions.
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Contributions' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contributions nationales');
  await expectNoSeriousA11yViolations(page, 'the list of contributions');
  await page.getByRole('link', { name: title }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText('Version 1, publiée le').first()).toBeVisible();
  const section = page.getByRole('region', { name: 'Section 1 — Se déplacer autrement' });
  await expect(section.locator('strong')).toHaveText('solutions partagées');
  await expect(section.getByText(`« ${quote} »`)).toBeVisible();
  await expect(
    section.getByText('Quelques participants restent attachés à la voiture individuelle.'),
  ).toBeVisible();

  // The annex lists the cited proposal with the votes it had at publication.
  const annex = page.getByRole('table', { name: /^Chaque proposition citée/ });
  const row = annex.getByRole('row').filter({ hasText: cited.title });
  await expect(row).toHaveCount(1);
  const cells = row.getByRole('cell');
  // Where the proposal was made is kept with it (the demo consultation is national).
  await expect(cells.nth(1)).toHaveText(/^Consultation nationale « .+ »$/);
  await expect(cells.nth(3)).toHaveText(String(cited.votesFor));
  await expect(cells.nth(4)).toHaveText(String(cited.votesAgainst));
  await expect(cells.nth(5)).toHaveText(String(cited.votesNeutral));
  await expect(row.getByRole('link', { name: cited.title })).toHaveAttribute(
    'href',
    `/propositions/${cited.id}`,
  );
  await expectNoSeriousA11yViolations(page, 'a published contribution');
  await screenshotIfAsked(page, 'brief-public');

  // Phone width: nothing sticks out (the annex scrolls inside its own box).
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalOverflow(page, 'a published contribution on a phone');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The citation leads to the proposal, whose page links back to the brief.
  await section.getByRole('link', { name: `Proposition citée : ${cited.title}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(cited.title);
  const citedIn = page.getByRole('region', { name: 'Citée dans' });
  await expect(citedIn).toContainText('section 1 « Se déplacer autrement »');
  await expectNoSeriousA11yViolations(page, 'a proposal cited in a contribution');
  await citedIn.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/contributions/${slug}#section-1$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

test('a visitor clicks the source marker of a synthesis paragraph and lands on the cited proposal', async ({
  page,
  baseURL,
}) => {
  const { title, slug, cited } = await publishCitingBrief(baseURL);
  await page.goto(`/contributions/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const section = page.getByRole('region', { name: 'Section 1 — Se déplacer autrement' });
  const paragraph = section.locator('.markdown-body p');
  await expect(paragraph).toContainText('Les participants demandent des solutions partagées [1].');

  // Every synthesis paragraph links to its sources: the marker [1] is a footnote link.
  const marker = paragraph.getByRole('link', { name: '[1]' });
  await expect(marker).toHaveAttribute('title', cited.title);
  await expect(marker.locator('xpath=..')).toHaveClass('source-ref');
  await marker.click();
  await expect(page).toHaveURL(new RegExp(`/propositions/${cited.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(cited.title);
});
