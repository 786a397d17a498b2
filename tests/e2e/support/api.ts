import { expect, type APIRequestContext } from '@playwright/test';
import type { Participant } from './helpers';

/** Demo accounts seeded by `tools/start.mjs --ephemeral`. */
export const MODERATOR = { email: 'moderator@demo.passerelle.fr', password: 'passerelle-demo' };
export const ADMIN = { email: 'admin@demo.passerelle.fr', password: 'passerelle-demo' };

export interface GraphqlBody<T> {
  data?: T;
  errors?: { extensions?: Record<string, unknown> }[];
}

/** Sends one GraphQL operation through the real API; returns the whole body, errors included. */
export async function postGraphql<T>(
  api: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphqlBody<T>> {
  const response = await api.post('/graphql', {
    headers: { 'Content-Type': 'application/json' },
    data: { query, variables },
  });
  return (await response.json()) as GraphqlBody<T>;
}

/** Sends one GraphQL operation and fails the test on any error; returns its data. */
export async function graphql<T>(
  api: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const body = await postGraphql<T>(api, query, variables);
  expect(body.errors, query.slice(0, 60)).toBeUndefined();
  return body.data as T;
}

const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { user { id } } }`;
const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { user { id } } }`;

/** Creates an account and signs the request context in (its cookie jar keeps the session). */
export async function signUp(
  api: APIRequestContext,
  participant: Participant,
  actorType = 'ASSOCIATION',
): Promise<void> {
  await graphql(api, SIGN_UP, {
    input: { ...participant, actorType, territoryId: 'COMMUNE-69123', acceptTerms: true },
  });
}

/** Signs the request context in with an existing account (e.g. MODERATOR, ADMIN). */
export async function signIn(
  api: APIRequestContext,
  account: { email: string; password: string },
): Promise<void> {
  await graphql(api, SIGN_IN, { input: account });
}

export const SUBMIT_PROPOSAL = `
  mutation Submit($input: SubmitProposalInput!) {
    submitProposal(input: $input) {
      id
    }
  }
`;

/** A proposal input for the first consultation open for proposals. */
export async function proposalInput(
  api: APIRequestContext,
  text: { title: string; summary: string; body: string },
) {
  const { consultations } = await graphql<{
    consultations: { id: string; openPhases: string[]; themes: { id: string }[] }[];
  }>(api, '{ consultations { id openPhases themes { id } } }');
  const consultation = consultations.find((c) => c.openPhases.includes('PROPOSING'));
  expect(consultation, 'a consultation open for proposals').toBeDefined();
  return {
    consultationId: consultation?.id,
    ...text,
    themeIds: [consultation?.themes[0]?.id],
    territoryId: 'COMMUNE-69123',
    competentLevel: 'COMMUNE',
    lever: 'BUDGET',
  };
}

/** Publishes a proposal in the consultation open for proposals; returns its id. */
export async function submitProposal(
  api: APIRequestContext,
  text: { title: string; summary: string; body: string },
): Promise<string> {
  const { submitProposal: proposal } = await graphql<{ submitProposal: { id: string } }>(
    api,
    SUBMIT_PROPOSAL,
    { input: await proposalInput(api, text) },
  );
  return proposal.id;
}

/** Reports a content as the signed-in participant. */
export async function reportContent(
  api: APIRequestContext,
  input: { targetType: string; targetId: string; reason: string; details?: string },
): Promise<void> {
  await graphql(
    api,
    `
      mutation Report($input: ReportContentInput!) {
        reportContent(input: $input) {
          id
        }
      }
    `,
    { input },
  );
}

/** Hides a content as the signed-in moderator. */
export async function hideContent(
  api: APIRequestContext,
  input: { targetType: string; targetId: string; reason: string },
): Promise<void> {
  await graphql(
    api,
    `
      mutation Hide($input: ModerationDecisionInput!) {
        hideContent(input: $input) {
          isHidden
        }
      }
    `,
    { input },
  );
}
