import { randomUUID } from 'node:crypto';
import { expect, request, test, type Locator, type Page } from './support/test';
import { ADMIN, graphql, signIn } from './support/api';
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations } from './support/helpers';

const CURATOR = { email: 'curator@demo.passerelle.fr', password: 'passerelle-demo' };
const DEMO_CONSULTATION =
  'Transition écologique et démocratie économique : ce qui marche dans nos territoires';
const CITED_TITLE = 'Une tarification sociale et progressive de l’eau';
const DRAGGED_TITLE = 'Un fonds d’amorçage pour les tiers-lieux ruraux';
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

const CREATE_BRIEF = `
  mutation CreateBrief($input: CreateBriefInput!) {
    createBrief(input: $input) { id revision }
  }
`;

/** The picker's search for `text`; waits for its answer. */
async function searchCandidates(page: Page, text: string): Promise<Locator> {
  const search = page.getByRole('search', { name: 'Chercher une proposition à citer' });
  await search.getByRole('searchbox', { name: 'Rechercher une proposition' }).fill(text);
  await search.getByRole('searchbox', { name: 'Rechercher une proposition' }).press('Enter');
  return page.getByRole('region', { name: 'Sources à citer' });
}

/**
 * Records every text the page's live regions speak from now on. dnd-kit's region holds only the
 * latest announcement, and a later one (the keyboard sensor scrolls, collisions are measured
 * again) may replace it before a look at the page: the record keeps each of them.
 */
async function recordAnnouncements(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const spoken: string[] = [];
    (window as unknown as { spoken: string[] }).spoken = spoken;
    const note = () => {
      for (const region of document.querySelectorAll('[aria-live]')) {
        const text = region.textContent?.trim();
        if (text && spoken.at(-1) !== text) spoken.push(text);
      }
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  return () => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
}

/** A mouse drag in small steps, as a person does it (dnd-kit waits for a few pixels of travel). */
async function dragWithMouse(page: Page, from: Locator, to: Locator): Promise<void> {
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  if (!start || !end) throw new Error('drag source or target is not visible');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 10, start.y + start.height / 2, { steps: 5 });
  await page.mouse.move(end.x + end.width / 2, end.y + Math.min(end.height / 2, 120), {
    steps: 20,
  });
  await page.mouse.up();
}

test('a curator builds a brief from filtered candidates, by keyboard and drag and drop, then publishes it', async ({
  page,
  baseURL,
}) => {
  // A long journey through a large editor: three times the usual time on a busy machine.
  test.slow();
  const key = randomUUID().slice(0, 8);
  const title = `Contribution de test ${key}`;
  const sectionTitle = 'Une eau accessible à tous';
  const secondTitle = 'Des tiers-lieux pour les campagnes';
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
  // The editor's first load can be slow on a busy machine (others share its two cores).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Contribution « ${title} »`, {
    timeout: 30_000,
  });

  // Two sections; the checklist asks for a source as soon as the first synthesis is typed.
  await page.getByRole('button', { name: 'Ajouter une section' }).click();
  await page.getByRole('button', { name: 'Ajouter une section' }).click();
  const section = page.getByRole('group', { name: /^Section 1/ });
  await section.getByRole('textbox', { name: /^Titre de la section/ }).fill(sectionTitle);
  await section.getByRole('textbox', { name: /^Synthèse/ }).fill(synthesis);
  await expect(section.getByText('Le paragraphe 1 n’a pas de source.')).toBeVisible();
  const second = page.getByRole('group', { name: /^Section 2/ });
  await second.getByRole('textbox', { name: /^Titre de la section/ }).fill(secondTitle);
  await second
    .getByRole('textbox', { name: /^Synthèse/ })
    .fill(
      'Un fonds d’amorçage aiderait les tiers-lieux ruraux à passer leurs premières années [1].',
    );
  await expect(second.getByText(/Le renvoi \[1\] ne correspond à aucune source/)).toBeVisible();

  // Search, then filter by the author's collège: the water proposal's author is a local authority.
  const picker = await searchCandidates(page, 'tarification eau');
  const waterCard = picker.getByRole('listitem').filter({
    has: page.getByRole('link', { name: CITED_TITLE }),
  });
  await expect(waterCard).toBeVisible();
  await picker.getByText('Filtres', { exact: true }).click();
  await picker.getByRole('checkbox', { name: 'Association', exact: true }).check();
  await expect(picker.getByText('Filtres (1 actif)')).toBeVisible();
  await expect(waterCard).toHaveCount(0);
  await picker.getByRole('checkbox', { name: 'Association', exact: true }).uncheck();
  await picker.getByRole('checkbox', { name: 'Collectivité territoriale' }).check();
  await expect(waterCard).toBeVisible();
  // Broad support across collèges: sent to the API, and every candidate left carries the badge.
  const broadSearch = page.waitForResponse(
    (response) =>
      response.url().endsWith('/graphql') &&
      (response.request().postData() ?? '').includes('"broadSupport":true'),
  );
  await picker.getByRole('switch', { name: /^Large soutien entre collèges/ }).check();
  const broadBody = (await (await broadSearch).json()) as { errors?: unknown[] };
  expect(broadBody.errors).toBeUndefined();
  await expect(picker.getByText(/^\d+ propositions? trouvées?$/)).toBeVisible();
  const broadCards = picker
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: /^Citer/ }) });
  for (const card of await broadCards.all()) {
    await expect(card.getByText('Large soutien entre collèges', { exact: true })).toBeVisible();
  }
  await picker.getByRole('switch', { name: /^Large soutien entre collèges/ }).uncheck();
  await picker.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(waterCard).toBeVisible();
  await picker.getByText('Filtres', { exact: true }).click();

  // Cited in section 1 with the keyboard-accessible button, then its marker inserted at the cursor.
  await picker
    .getByRole('button', {
      name: `Citer « ${CITED_TITLE} » dans la section 1 « ${sectionTitle} »`,
    })
    .click();
  const citation = section.getByRole('listitem').filter({ hasText: 'Extrait cité' });
  await expect(citation.getByRole('link', { name: CITED_TITLE })).toBeVisible();
  await expect(citation.getByRole('table', { name: 'Votes par collège' })).toBeVisible();
  await citation.getByRole('textbox', { name: /^Extrait cité/ }).fill(QUOTE);
  const synthesisField = section.getByRole('textbox', { name: /^Synthèse/ });
  await synthesisField.click();
  await synthesisField.press('End');
  await synthesisField.press('ArrowLeft');
  await citation.getByRole('button', { name: /^Insérer le renvoi \[1\]/ }).click();
  await expect(synthesisField).toHaveValue(
    'Les participants demandent une **tarification solidaire** de l’eau [1].',
  );
  await expect(section.getByText('Chaque paragraphe renvoie à ses sources.')).toBeVisible();

  // Drag and drop with the mouse: a candidate from the picker onto section 2.
  await page.setViewportSize({ width: 1280, height: 2400 });
  await searchCandidates(page, 'tiers-lieux');
  const dragHandle = picker.getByRole('button', {
    name: `Glisser « ${DRAGGED_TITLE} » vers une section`,
  });
  await dragHandle.scrollIntoViewIfNeeded();
  await second.scrollIntoViewIfNeeded();
  await dragWithMouse(page, dragHandle, second);
  await expect(second.getByRole('link', { name: DRAGGED_TITLE })).toBeVisible();
  await expect(second.getByText('Chaque paragraphe renvoie à ses sources.')).toBeVisible();

  // Keyboard reorder with dnd-kit: section 2 picked up, moved up, dropped; announced in French.
  const handle = page.getByRole('button', { name: `Déplacer la section 2 « ${secondTitle} »` });
  const spoken = await recordAnnouncements(page);
  await handle.focus();
  await page.keyboard.press('Space');
  await expect
    .poll(spoken)
    .toContain(`Vous avez saisi la section 2 « ${secondTitle} », en position 2 sur 2.`);
  await page.keyboard.press('ArrowUp');
  await expect
    .poll(spoken)
    .toContain(`Vous déplacez la section 2 « ${secondTitle} » en position 1 sur 2.`);
  await page.keyboard.press('Space');
  await expect
    .poll(spoken)
    .toContain(`Vous avez déposé la section 2 « ${secondTitle} » en position 1 sur 2.`);
  await expect(page.getByRole('group', { name: /^Section 1/ })).toHaveAccessibleName(
    `Section 1 : ${secondTitle}`,
  );
  // Back to a usual window only now: a resize cancels a keyboard drag.
  await page.setViewportSize({ width: 1280, height: 800 });

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
  await expect(page.getByText('Publiée', { exact: true }).filter({ visible: true })).toBeVisible();

  // Version 1, as the public reads it through GraphQL: sections in their new order.
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
  expect(publishedBrief.currentVersion.sections.map((s) => s.title)).toEqual([
    secondTitle,
    sectionTitle,
  ]);
  const [moved, published] = publishedBrief.currentVersion.sections;
  expect(moved?.citations.map((c) => c.proposalTitle)).toEqual([DRAGGED_TITLE]);
  expect(published?.citations).toHaveLength(1);
  expect(published?.citations[0]).toMatchObject({ proposalTitle: CITED_TITLE, quote: QUOTE });
  expect(published?.citations[0]?.figures?.votesFor).toBeGreaterThan(0);
});

test('a stale save is refused, keeps what the curator typed and offers the latest version', async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow();
  const key = randomUUID().slice(0, 8);
  await signIn(page.request, CURATOR);
  const { consultations } = await graphql<{ consultations: { id: string; title: string }[] }>(
    page.request,
    '{ consultations { id title } }',
  );
  const consultation = consultations.find((c) => c.title === DEMO_CONSULTATION);
  expect(consultation, 'the demo consultation').toBeDefined();
  const { createBrief } = await graphql<{ createBrief: { id: string; revision: number } }>(
    page.request,
    CREATE_BRIEF,
    {
      input: {
        title: `Circuits courts ${key}`,
        slug: `circuits-courts-${key}`,
        consultationIds: [consultation?.id],
        introduction: 'Les circuits courts alimentaires dans les territoires.',
      },
    },
  );

  // Curator 1 opens the working copy…
  await page.goto(`/curation/${createBrief.id}`);
  const introduction = page.getByRole('textbox', { name: /^Introduction/ });
  await expect(introduction).toHaveValue('Les circuits courts alimentaires dans les territoires.', {
    timeout: 30_000,
  });

  // …an administrator opens it in another browser and saves first.
  const other = await browser.newContext({ baseURL, locale: 'fr-FR' });
  const otherPage = await other.newPage();
  await signIn(otherPage.request, ADMIN);
  await otherPage.goto(`/curation/${createBrief.id}`);
  await otherPage
    .getByRole('textbox', { name: /^Introduction/ })
    .fill('Version de l’administration : les PTCE et les SCIC alimentaires.');
  await otherPage.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(otherPage.getByText(/^Enregistré \(révision 2\)/)).toBeVisible();
  await other.close();

  // Curator 1's save is refused; the typed text is still in the form.
  const typed = 'Mon texte : les épiceries coopératives et les AMAP.';
  await introduction.fill(typed);
  const refused = page.waitForResponse(
    (response) =>
      response.url().endsWith('/graphql') &&
      (response.request().postData() ?? '').includes('UpdateBrief'),
  );
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  const refusal = (await (await refused).json()) as {
    errors?: { extensions?: { code?: string; reason?: string } }[];
  };
  expect(refusal.errors?.[0]?.extensions).toMatchObject({
    code: 'CONFLICT',
    reason: 'BRIEF_STALE',
  });
  const stale = page.getByRole('alert').filter({ hasText: 'Quelqu’un a enregistré entre-temps' });
  await expect(stale).toBeVisible();
  await expect(stale).toContainText(
    'Un autre membre de l’équipe a modifié cette contribution entre-temps',
  );
  await expect(stale).toContainText('Votre texte est conservé ci-dessous.');
  await expect(introduction).toHaveValue(typed);
  await expect(page.getByText('Modifications non enregistrées.')).toBeVisible();

  // Reloading the latest version is offered and replaces the form on request.
  await stale.getByRole('button', { name: 'Recharger la dernière version' }).click();
  await expect(introduction).toHaveValue(
    'Version de l’administration : les PTCE et les SCIC alimentaires.',
  );
  await expect(page.getByText('Dernière version chargée (révision 2).')).toBeVisible();
  await expect(stale).toHaveCount(0);
});

test('a visitor is asked to sign in with a curation team account', async ({ page }) => {
  await page.goto('/curation');
  await expect(page.getByRole('link', { name: /équipe de curation/ })).toBeVisible();
});
