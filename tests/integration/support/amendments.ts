// GraphQL documents and fixtures of the amendments specs (issue 11).
import {
  createConsultation,
  createProposal,
  createUser,
  type CreatedUser,
  factoryPrisma,
} from '../../factories';
import { dataOf, type TestApp } from './test-app';

export const AMENDMENT_FIELDS = `id baseVersion title summary body reason erased status votesFor votesAgainst
  viewerVote isOutdated version decidedAt decisionReason appliedVersion createdAt
  viewerCanVote viewerCanDecide viewerIsAuthor
  author { id } decidedBy { id } proposal { id version title summary body }
  diff { changedFields title { kind text } summary { kind text } body { kind text } }`;

export const PROPOSE = `mutation ($input: ProposeAmendmentInput!) { proposeAmendment(input: $input) { ${AMENDMENT_FIELDS} } }`;
export const VOTE = `mutation ($input: VoteOnAmendmentInput!) { voteOnAmendment(input: $input) { ${AMENDMENT_FIELDS} } }`;
export const ACCEPT = `mutation ($input: DecideAmendmentInput!) { acceptAmendment(input: $input) { ${AMENDMENT_FIELDS} } }`;
export const REJECT = `mutation ($input: DecideAmendmentInput!) { rejectAmendment(input: $input) { ${AMENDMENT_FIELDS} } }`;
export const REBASE = `mutation ($input: RebaseAmendmentInput!) { rebaseAmendment(input: $input) { ${AMENDMENT_FIELDS} } }`;
export const WITHDRAW = `mutation ($input: WithdrawAmendmentInput!) { withdrawAmendment(input: $input) { ${AMENDMENT_FIELDS} } }`;

export const PROPOSAL_AMENDMENTS = `query ($id: ID!, $status: AmendmentStatus) {
  proposal(id: $id) {
    id version title summary body bodyHtml amendmentsOpen viewerCanAmend pendingAmendmentsCount
    amendments(status: $status) { ${AMENDMENT_FIELDS} }
    revisions { version title editor { id } amendment { id author { id } } }
  }
}`;

export type DiffPartView = { kind: 'ADDED' | 'REMOVED' | 'SAME'; text: string };

export interface AmendmentView {
  id: string;
  baseVersion: number;
  title: string;
  summary: string;
  body: string;
  reason: string;
  erased: boolean;
  status: string;
  votesFor: number;
  votesAgainst: number;
  viewerVote: 'FOR' | 'AGAINST' | null;
  isOutdated: boolean;
  version: number;
  decidedAt: string | null;
  decisionReason: string | null;
  appliedVersion: number | null;
  viewerCanVote: boolean;
  viewerCanDecide: boolean;
  viewerIsAuthor: boolean;
  author: { id: string };
  decidedBy: { id: string } | null;
  proposal: { id: string; version: number; title: string; summary: string; body: string };
  diff: {
    changedFields: ('TITLE' | 'SUMMARY' | 'BODY')[];
    title: DiffPartView[];
    summary: DiffPartView[];
    body: DiffPartView[];
  };
}

export const BASE_TEXTS = {
  title: 'Soutenir l’économie sociale et solidaire',
  summary: 'Un fonds régional pour l’économie sociale et solidaire dans chaque bassin de vie.',
  body: 'La région crée un fonds pour l’économie sociale et solidaire. Il finance les projets des associations et des coopératives du territoire.',
};

export const REASON = 'Le texte doit aussi parler de la transition écologique.';

/** A published proposal with known texts and its revision 1, by a fresh author. */
export async function amendableProposal(
  options: { author?: CreatedUser; consultationId?: string; texts?: typeof BASE_TEXTS } = {},
) {
  const author = options.author ?? (await createUser());
  const consultationId = options.consultationId ?? (await createConsultation()).id;
  const texts = options.texts ?? BASE_TEXTS;
  const { id } = await createProposal({ consultationId, authorId: author.id });
  const prisma = factoryPrisma();
  await prisma.proposal.update({
    where: { id },
    data: { ...texts, bodyHtml: `<p>${texts.body}</p>` },
  });
  await prisma.proposalRevision.create({
    data: { proposalId: id, version: 1, ...texts, bodyHtml: '', editorId: author.id },
  });
  return { id, author, consultationId };
}

/** Proposes an amendment and fails the test when it is refused. */
export async function propose(
  api: TestApp,
  token: string,
  proposalId: string,
  texts: Partial<typeof BASE_TEXTS> = {},
): Promise<AmendmentView> {
  const input = {
    proposalId,
    ...BASE_TEXTS,
    body: `${BASE_TEXTS.body} Une priorité va aux projets de transition écologique.`,
    ...texts,
    reason: REASON,
  };
  return dataOf(await api.gql<{ proposeAmendment: AmendmentView }>(PROPOSE, { input }, { token }))
    .proposeAmendment;
}
