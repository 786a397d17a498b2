// Browser-test helpers for national contributions (briefs): find a demo proposal to cite, then
// write, submit and publish a brief through the API as the demo curator.
import { type APIRequestContext, expect, request } from '@playwright/test';
import { graphql, signIn } from './api';

export const CURATOR = { email: 'curator@demo.passerelle.fr', password: 'passerelle-demo' };

export interface CitableProposal {
  id: string;
  title: string;
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  consultation: { id: string };
}

const FIND_PROPOSAL = `
  query FindProposal($search: String!) {
    proposals(first: 1, search: $search) {
      edges { node { id title votesFor votesAgainst votesNeutral consultation { id } } }
    }
  }
`;
const CREATE_BRIEF = `
  mutation CreateBrief($input: CreateBriefInput!) { createBrief(input: $input) { id revision } }
`;
const UPDATE_BRIEF = `
  mutation UpdateBrief($input: UpdateBriefInput!) { updateBrief(input: $input) { revision } }
`;
const SUBMIT_FOR_REVIEW = `
  mutation Submit($input: BriefTransitionInput!) { submitBriefForReview(input: $input) { revision } }
`;
const PUBLISH = `
  mutation Publish($input: BriefTransitionInput!) { publishBrief(input: $input) { publishedVersion } }
`;

/** The proposal a French search for its exact title finds first (checked to be that one). */
export async function findProposal(
  api: APIRequestContext,
  title: string,
): Promise<CitableProposal> {
  const { proposals } = await graphql<{ proposals: { edges: { node: CitableProposal }[] } }>(
    api,
    FIND_PROPOSAL,
    { search: title },
  );
  const node = proposals.edges[0].node;
  expect(node.title).toBe(title);
  return node;
}

export interface BriefSectionInput {
  title: string;
  /** Every paragraph needs a source marker such as `[1]`, or review refuses the brief. */
  synthesis: string;
  dissentNote?: string;
  citations: { proposalId?: string; commentId?: string; quote?: string }[];
}

/** A brief being written by a signed-in curator: `publish` may be called again for version n+1. */
export interface BriefDraft {
  id: string;
  /** Sets the sections, submits for review and publishes; checks the version number. */
  publish(sections: BriefSectionInput[], expectedVersion: number): Promise<void>;
}

export async function createBrief(
  curator: APIRequestContext,
  input: { title: string; slug: string; consultationIds: string[]; introduction: string },
): Promise<BriefDraft> {
  const { createBrief: created } = await graphql<{
    createBrief: { id: string; revision: number };
  }>(curator, CREATE_BRIEF, { input });
  let revision = created.revision;
  const step = async (query: string, name: string, input: Record<string, unknown>) => {
    const data = await graphql<Record<string, { revision?: number; publishedVersion?: number }>>(
      curator,
      query,
      { input: { briefId: created.id, expectedRevision: revision, ...input } },
    );
    return data[name];
  };
  return {
    id: created.id,
    async publish(sections, expectedVersion) {
      revision = (await step(UPDATE_BRIEF, 'updateBrief', { sections })).revision as number;
      revision = (await step(SUBMIT_FOR_REVIEW, 'submitBriefForReview', {})).revision as number;
      const published = await step(PUBLISH, 'publishBrief', {});
      expect(published.publishedVersion).toBe(expectedVersion);
      // Publishing moves the revision on by one.
      revision += 1;
    },
  };
}

/**
 * The demo curator publishes version 1 of a brief citing `citedTitle` (a demo proposal: publishing
 * makes it RETAINED, closed to votes, so pick one no other browser test votes on or cites).
 */
export async function publishBriefCiting(
  baseURL: string | undefined,
  brief: { title: string; slug: string; introduction: string; citedTitle: string },
  section: (cited: CitableProposal) => BriefSectionInput,
): Promise<CitableProposal> {
  const curator = await request.newContext({ baseURL });
  try {
    await signIn(curator, CURATOR);
    const cited = await findProposal(curator, brief.citedTitle);
    const draft = await createBrief(curator, {
      title: brief.title,
      slug: brief.slug,
      consultationIds: [cited.consultation.id],
      introduction: brief.introduction,
    });
    await draft.publish([section(cited)], 1);
    return cited;
  } finally {
    await curator.dispose();
  }
}
