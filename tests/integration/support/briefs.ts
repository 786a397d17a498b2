// Helpers of the brief drafting specs.
import { createUser, type CreatedUser, factoryPrisma, uniqueKey } from '../../factories';
import { dataOf, type TestApp } from './test-app';

export const BRIEF_FIELDS = `id slug title introduction introductionHtml status revision publishedVersion
  createdAt updatedAt updatedBy { id }
  consultations { id }
  sections { id position title synthesis synthesisHtml dissentNote
    citations { id position quote proposal { id } sourceProposal { id title } comment { id } otherBriefs { id slug title } } }`;

export const CREATE_BRIEF = `mutation ($input: CreateBriefInput!) { createBrief(input: $input) { ${BRIEF_FIELDS} } }`;
export const UPDATE_BRIEF = `mutation ($input: UpdateBriefInput!) { updateBrief(input: $input) { ${BRIEF_FIELDS} } }`;
export const SUBMIT_BRIEF = `mutation ($input: BriefTransitionInput!) { submitBriefForReview(input: $input) { id status revision } }`;
export const RETURN_BRIEF = `mutation ($input: BriefTransitionInput!) { returnBriefToDraft(input: $input) { id status revision } }`;
export const BRIEF_DRAFT = `query ($id: ID!) { briefDraft(id: $id) { ${BRIEF_FIELDS} } }`;
export const BRIEFS = `query ($status: BriefStatus) { briefs(status: $status) { id slug status updatedAt } }`;

export interface CitationView {
  id: string;
  position: number;
  quote: string | null;
  proposal: { id: string } | null;
  sourceProposal: { id: string; title: string } | null;
  comment: { id: string } | null;
  otherBriefs: { id: string; slug: string; title: string }[];
}

export interface BriefView {
  id: string;
  slug: string;
  title: string;
  introduction: string;
  introductionHtml: string;
  status: 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED';
  revision: number;
  publishedVersion: number | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: { id: string };
  consultations: { id: string }[];
  sections: {
    id: string;
    position: number;
    title: string;
    synthesis: string;
    synthesisHtml: string;
    dissentNote: string;
    citations: CitationView[];
  }[];
}

/** A slug following the consultation slug rule, unique across runs. */
export function briefSlug(): string {
  return uniqueKey('note')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export async function createCurator(): Promise<CreatedUser> {
  return createUser({ role: 'CURATOR' });
}

/** Creates a brief through the API as `token`, drawing on `consultationIds`. */
export async function createBriefVia(
  api: TestApp,
  token: string,
  consultationIds: string[],
  overrides: Record<string, unknown> = {},
): Promise<BriefView> {
  const input = {
    title: 'Contribution nationale sur l’ESS',
    slug: briefSlug(),
    consultationIds,
    introduction: 'Une **introduction**.',
    ...overrides,
  };
  return dataOf(await api.gql<{ createBrief: BriefView }>(CREATE_BRIEF, { input }, { token }))
    .createBrief;
}

/** A comment written directly in the database. */
export async function createCommentRow(
  proposalId: string,
  authorId: string,
  body: string,
  overrides: { hiddenAt?: Date; deletedAt?: Date } = {},
): Promise<{ id: string }> {
  return factoryPrisma().comment.create({
    data: { proposalId, authorId, body, ...overrides },
    select: { id: true },
  });
}
