import { randomUUID } from 'node:crypto';
import { expect, request, test } from './support/test';
import { signIn } from './support/api';
import { createBrief, CURATOR, findProposal } from './support/briefs';
import {
  expectNoHorizontalOverflow,
  expectNoSeriousA11yViolations,
  screenshotIfAsked,
} from './support/helpers';

// Publishing makes the cited proposals RETAINED (closed to votes): cite ones that no other
// browser test votes on, opens or cites.
const FIRST_TITLE = 'Des chaufferies bois collectives alimentées par les forêts du territoire';
const SECOND_TITLE = 'Rénover les écoles avec des groupements d’artisans locaux';

test('a visitor compares two published versions of a brief and sees the words inserted and deleted', async ({
  page,
  baseURL,
}) => {
  const key = randomUUID().slice(0, 6);
  const title = `Chaleur et bâtiments ${key}`;
  const slug = `chaleur-batiments-${key}`;

  // A curator publishes version 1, then rewords it, adds a section and publishes version 2.
  const curator = await request.newContext({ baseURL });
  await signIn(curator, CURATOR);
  const wood = await findProposal(curator, FIRST_TITLE);
  const schools = await findProposal(curator, SECOND_TITLE);
  const draft = await createBrief(curator, {
    title,
    slug,
    consultationIds: [...new Set([wood.consultation.id, schools.consultation.id])],
    introduction: 'Ce que les participants proposent pour une **chaleur locale**.',
  });
  const heating = (synthesis: string) => ({
    title: 'Chaleur renouvelable',
    synthesis,
    dissentNote: '',
    citations: [{ proposalId: wood.id }],
  });
  await draft.publish(
    [heating('Les communes demandent des **chaufferies collectives** au bois local [1].')],
    1,
  );
  await draft.publish(
    [
      heating('Les communes réclament des **chaufferies collectives** au bois local [1].'),
      {
        title: 'Écoles rénovées',
        synthesis: 'Des groupements d’artisans pour rénover les écoles [1].',
        dissentNote: '',
        citations: [{ proposalId: schools.id }],
      },
    ],
    2,
  );
  await curator.dispose();

  // A visitor opens the contribution and follows the comparison link of version 2.
  await page.goto(`/contributions/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const versions = page.getByRole('region', { name: 'Versions publiées' });
  await versions.getByRole('link', { name: /^Comparer avec la version précédente/ }).click();
  await expect(page).toHaveURL(new RegExp(`/contributions/${slug}/comparer\\?de=1&a=2$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comparer deux versions');
  await expect(page.getByLabel('Version de départ')).toHaveValue('1');
  await expect(page.getByLabel('Version d’arrivée')).toHaveValue('2');

  // The reworded section: the deleted word struck through, the inserted one underlined.
  const changed = page.getByRole('region', { name: 'Section 1 — Chaleur renouvelable' });
  await expect(changed.getByText('Section modifiée')).toBeVisible();
  await expect(changed.locator('del')).toHaveText('supprimé : demandent');
  await expect(changed.locator('ins')).toHaveText('ajouté : réclament');
  await expect(changed.locator('del')).toHaveCSS('text-decoration-line', 'line-through');
  await expect(changed.locator('ins')).toHaveCSS('text-decoration-line', 'underline');

  // The new section, with its new source.
  const added = page.getByRole('region', { name: 'Section 2 — Écoles rénovées' });
  await expect(added.getByText('Section ajoutée')).toBeVisible();
  await expect(added.locator('ins').first()).toContainText(
    'Des groupements d’artisans pour rénover les écoles [1].',
  );
  await expect(
    added.getByRole('link', { name: `Proposition citée : ${SECOND_TITLE}` }),
  ).toHaveAttribute('href', `/propositions/${schools.id}`);

  // The proposal cited in both versions appears in the table of votes.
  const figures = page.getByRole('table', { name: /^Votes des propositions citées/ });
  await expect(figures.getByRole('link', { name: FIRST_TITLE })).toBeVisible();

  await expectNoSeriousA11yViolations(page, 'the comparison of two versions');
  await screenshotIfAsked(page, 'brief-diff');
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalOverflow(page, 'the comparison of two versions on a phone');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Choosing the versions the other way round shows the reverse change.
  await page.getByLabel('Version de départ').selectOption('2');
  await page.getByLabel('Version d’arrivée').selectOption('1');
  await page.getByRole('button', { name: 'Comparer' }).click();
  await expect(page).toHaveURL(new RegExp(`/comparer\\?de=2&a=1$`));
  const reversed = page.getByRole('region', { name: 'Section 1 — Chaleur renouvelable' });
  await expect(reversed.locator('del')).toHaveText('supprimé : réclament');
  await expect(reversed.locator('ins')).toHaveText('ajouté : demandent');
  await expect(
    page
      .getByRole('region', { name: /^Section 2 — Écoles rénovées/ })
      .getByText('Section supprimée'),
  ).toBeVisible();
});
