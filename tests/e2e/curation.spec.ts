import { randomUUID } from 'node:crypto';
import { expect, request, test } from '@playwright/test';
import { graphql, signIn } from './support/api';
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations } from './support/helpers';

const CURATOR = { email: 'curator@demo.passerelle.fr', password: 'passerelle-demo' };
const DEMO_CONSULTATION =
  'Transition écologique et démocratie économique : ce qui marche dans nos territoires';
const CITED_TITLE = 'Une tarification sociale et progressive de l’eau';
const QUOTE = 'tarification sociale et progressive';

const PUBLISHED_BRIEF = `
  query PublishedBrief($slug: String!) {
    publishedBrief(slug: $slug) {
      publishedVersion
      versions { number }
      currentVersion {
        number
        title
        sections {
          title
          citations { proposalId quote proposalTitle figures { votesFor votesAgainst votesNeutral } }
        }
      }
    }
  }
`;

test('a curator builds a brief citing a proposal found by search, then publishes it', async ({
  page,
  baseURL,
}) => {
  const key = randomUUID().slice(0, 8);
  const title = `Contribution de test ${key}`;
  const sectionTitle = 'Une eau accessible à tous';
  const synthesis = 'Les participants demandent une **tarification solidaire** de l’eau.';
  await signIn(page.request, CURATOR);

  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Curation', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace de curation');
  await expectNoSeriousA11yViolations(page, 'the curation list');

  // Nouvelle contribution: the slug is suggested from the title.
  const form = page.getByRole('group', { name: 'Nouvelle contribution' });
  await form.getByRole('textbox', { name: /^Titre/ }).fill(title);
  const slug = `contribution-de-test-${key}`;
  await expect(form.getByRole('textbox', { name: /^Adresse/ })).toHaveValue(slug);
  await form.getByRole('checkbox', { name: DEMO_CONSULTATION }).check();
  await form.getByRole('textbox', { name: /^Introduction/ }).fill('Une contribution de test.');
  await form.getByRole('button', { name: 'Créer la contribution' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Contribution « ${title} »`);

  // A section with a synthesis and a proposal found by search, quoted from its title.
  await page.getByRole('button', { name: 'Ajouter une section' }).click();
  const section = page.getByRole('group', { name: /^Section 1/ });
  await section.getByRole('textbox', { name: /^Titre de la section/ }).fill(sectionTitle);
  await section.getByRole('textbox', { name: /^Synthèse/ }).fill(synthesis);
  await section
    .getByRole('textbox', { name: 'Rechercher une proposition' })
    .fill('tarification eau');
  await section.getByRole('textbox', { name: 'Rechercher une proposition' }).press('Enter');
  await section
    .getByRole('button', { name: `Citer « ${CITED_TITLE} » dans cette section` })
    .click();
  const citation = section.getByRole('listitem').filter({ hasText: 'Extrait cité' });
  await expect(citation.getByRole('link', { name: CITED_TITLE })).toBeVisible();
  await expect(citation.getByRole('table', { name: 'Votes par collège' })).toBeVisible();
  await citation.getByRole('textbox', { name: /^Extrait cité/ }).fill(QUOTE);

  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByText(/^Enregistré \(révision 2\)/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the brief editor');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalOverflow(page, 'the brief editor on a phone');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole('button', { name: 'Soumettre à relecture' }).click();
  await expect(page.getByText('En relecture', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByRole('button', { name: 'Confirmer la publication' }).click();
  await expect(page.getByText('Version 1 publiée.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Voir la page publique' })).toHaveAttribute(
    'href',
    `/contributions/${slug}`,
  );
  await expect(page.getByText('Publiée', { exact: true })).toBeVisible();

  // Version 1, as the public reads it through GraphQL.
  const visitor = await request.newContext({ baseURL });
  const { publishedBrief } = await graphql<{
    publishedBrief: {
      publishedVersion: number;
      versions: { number: number }[];
      currentVersion: {
        number: number;
        title: string;
        sections: {
          title: string;
          citations: {
            proposalId: string;
            quote: string | null;
            proposalTitle: string;
            figures: { votesFor: number } | null;
          }[];
        }[];
      };
    };
  }>(visitor, PUBLISHED_BRIEF, { slug });
  await visitor.dispose();
  expect(publishedBrief.publishedVersion).toBe(1);
  expect(publishedBrief.versions.map((v) => v.number)).toEqual([1]);
  expect(publishedBrief.currentVersion.title).toBe(title);
  expect(publishedBrief.currentVersion.sections).toHaveLength(1);
  const [published] = publishedBrief.currentVersion.sections;
  expect(published?.title).toBe(sectionTitle);
  expect(published?.citations).toHaveLength(1);
  expect(published?.citations[0]).toMatchObject({ proposalTitle: CITED_TITLE, quote: QUOTE });
  expect(published?.citations[0]?.figures?.votesFor).toBeGreaterThan(0);
});

test('a visitor is asked to sign in with a curation team account', async ({ page }) => {
  await page.goto('/curation');
  await expect(page.getByRole('link', { name: /équipe de curation/ })).toBeVisible();
});
