import { randomUUID } from 'node:crypto';
import { expect, request, test } from '@playwright/test';
import { graphql, signIn } from './support/api';
import {
  expectNoHorizontalOverflow,
  expectNoSeriousA11yViolations,
  screenshotIfAsked,
} from './support/helpers';

const CURATOR = { email: 'curator@demo.passerelle.fr', password: 'passerelle-demo' };

// Publishing makes the cited proposal RETAINED (closed to votes): cite one that no other browser
// test votes on or opens.
const CITED_TITLE = 'Un fonds d’amorçage pour les tiers-lieux ruraux';
const CITED_PROPOSAL = `
  query CitedProposal($search: String!) {
    proposals(first: 1, search: $search) {
      edges {
        node {
          id
          title
          votesFor
          votesAgainst
          votesNeutral
          consultation {
            id
          }
        }
      }
    }
  }
`;
const CREATE_BRIEF = `
  mutation CreateBrief($input: CreateBriefInput!) {
    createBrief(input: $input) {
      id
      revision
    }
  }
`;
const UPDATE_BRIEF = `
  mutation UpdateBrief($input: UpdateBriefInput!) {
    updateBrief(input: $input) {
      id
      revision
    }
  }
`;
const SUBMIT_FOR_REVIEW = `
  mutation Submit($input: BriefTransitionInput!) {
    submitBriefForReview(input: $input) {
      id
      revision
    }
  }
`;
const PUBLISH = `
  mutation Publish($input: BriefTransitionInput!) {
    publishBrief(input: $input) {
      slug
      publishedVersion
    }
  }
`;

interface CitedProposalNode {
  id: string;
  title: string;
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  consultation: { id: string };
}

test('a visitor reads a published brief, its annex, and follows a citation back and forth', async ({
  page,
  baseURL,
}) => {
  const key = randomUUID().slice(0, 6);
  const title = `Contribution mobilités ${key}`;
  const slug = `contribution-mobilites-${key}`;

  // A curator writes and publishes a brief citing a demo proposal.
  const curator = await request.newContext({ baseURL });
  await signIn(curator, CURATOR);
  const { proposals } = await graphql<{ proposals: { edges: { node: CitedProposalNode }[] } }>(
    curator,
    CITED_PROPOSAL,
    { search: CITED_TITLE },
  );
  const cited = proposals.edges[0].node;
  expect(cited.title).toBe(CITED_TITLE);
  const quote = cited.title.slice(0, 12);
  const { createBrief } = await graphql<{ createBrief: { id: string; revision: number } }>(
    curator,
    CREATE_BRIEF,
    {
      input: {
        title,
        slug,
        consultationIds: [cited.consultation.id],
        introduction: 'Ce que les participants **proposent** pour se déplacer.',
      },
    },
  );
  const { updateBrief } = await graphql<{ updateBrief: { revision: number } }>(
    curator,
    UPDATE_BRIEF,
    {
      input: {
        briefId: createBrief.id,
        expectedRevision: createBrief.revision,
        sections: [
          {
            title: 'Se déplacer autrement',
            synthesis: 'Les participants demandent des **solutions partagées**.',
            dissentNote: 'Quelques participants restent attachés à la voiture individuelle.',
            citations: [{ proposalId: cited.id, quote }],
          },
        ],
      },
    },
  );
  const { submitBriefForReview } = await graphql<{ submitBriefForReview: { revision: number } }>(
    curator,
    SUBMIT_FOR_REVIEW,
    { input: { briefId: createBrief.id, expectedRevision: updateBrief.revision } },
  );
  const { publishBrief } = await graphql<{ publishBrief: { publishedVersion: number } }>(
    curator,
    PUBLISH,
    { input: { briefId: createBrief.id, expectedRevision: submitBriefForReview.revision } },
  );
  expect(publishBrief.publishedVersion).toBe(1);
  await curator.dispose();

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
  await expect(cells.nth(2)).toHaveText(String(cited.votesFor));
  await expect(cells.nth(3)).toHaveText(String(cited.votesAgainst));
  await expect(cells.nth(4)).toHaveText(String(cited.votesNeutral));
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
