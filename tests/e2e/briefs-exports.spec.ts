import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from './support/test';
import { publishBriefCiting } from './support/briefs';

// Publishing makes the cited proposal RETAINED (closed to votes): cite one that no other browser
// test votes on, opens or cites.
const CITED_TITLE =
  'Une plateforme coopérative de réservation pour les hébergeurs et guides locaux';

test('a visitor downloads the PDF of a published contribution from its public page', async ({
  page,
  baseURL,
}) => {
  const key = randomUUID().slice(0, 6);
  const title = `Contribution tourisme coopératif ${key}`;
  const slug = `contribution-tourisme-${key}`;

  // A curator writes and publishes a brief citing a demo proposal.
  await publishBriefCiting(
    baseURL,
    {
      title,
      slug,
      citedTitle: CITED_TITLE,
      introduction: 'Ce que les participants proposent pour un **tourisme coopératif**.',
    },
    (cited) => ({
      title: 'Garder la valeur sur le territoire',
      synthesis: 'Les participants veulent une **plateforme coopérative** de réservation [1].',
      citations: [{ proposalId: cited.id }],
    }),
  );

  // A visitor opens the contribution and downloads it as PDF.
  await page.goto(`/contributions/${slug}`);
  // The first page of a freshly started server can be slow on a busy machine.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title, { timeout: 30_000 });
  const exports = page.getByRole('region', { name: 'Télécharger la version 1' });
  await expect(exports.getByRole('button', { name: 'Télécharger au format Word' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await exports.getByRole('button', { name: 'Télécharger au format PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${slug}-v1.pdf`);
  const file = await readFile(await download.path());
  expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // Shown, and announced to screen readers.
  await expect(
    exports.getByRole('paragraph').filter({ hasText: 'Document PDF téléchargé' }),
  ).toHaveText(`Document PDF téléchargé : ${slug}-v1.pdf`);
  await expect(exports.getByRole('status')).toHaveText(`Document PDF téléchargé : ${slug}-v1.pdf`);
});
