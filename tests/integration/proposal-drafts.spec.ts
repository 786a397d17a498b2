import {
  closeFactories,
  createConsultation,
  createUser,
  type CreatedUser,
  factoryPrisma,
  PHASES,
} from '../factories';
import { proposalInput, trustConsultation } from './support/trust';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

// Drafts: a proposal saved unpublished (submitProposal with asDraft), read only by its author and
// the people they invite to co-write it, then published by its author (publishProposal).

const FIELDS = `id status publishedAt isHidden awaitingReview viewerCanPublish canEdit
  statusHistory { from to actor { id } }`;
const SUBMIT = `mutation ($input: SubmitProposalInput!) { submitProposal(input: $input) { ${FIELDS} } }`;
const PUBLISH = `mutation ($input: PublishProposalInput!) { publishProposal(input: $input) { ${FIELDS} } }`;
const READ = `query ($id: ID!) { proposal(id: $id) { ${FIELDS} } }`;
const LIST = `query ($filter: ProposalFilter) { proposals(first: 50, filter: $filter) {
  totalCount edges { node { id } } } }`;
const INVITE = `mutation ($input: InviteCoAuthorInput!) { inviteCoAuthor(input: $input) { id } }`;
const ANSWER = `mutation ($input: AnswerCoAuthorInvitationInput!) {
  answerCoAuthorInvitation(input: $input) { id } }`;

interface View {
  id: string;
  status: string;
  publishedAt: string | null;
  isHidden: boolean;
  awaitingReview: boolean;
  viewerCanPublish: boolean;
  canEdit: boolean;
  statusHistory: { from: string | null; to: string; actor: { id: string } }[];
}

describe('proposal drafts', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  interface Person extends CreatedUser {
    token: string;
  }
  async function person(): Promise<Person> {
    const user = await createUser();
    return { ...user, token: await api.tokenFor(user) };
  }

  async function draftIn(consultationId: string, author?: Person) {
    const owner = author ?? (await person());
    const input = { ...(await proposalInput(consultationId)), asDraft: true };
    const draft = dataOf(
      await api.gql<{ submitProposal: View }>(SUBMIT, { input }, owner),
    ).submitProposal;
    return { author: owner, draft };
  }
  const publish = (by: Person, proposalId: string) =>
    api.gql<{ publishProposal: View }>(PUBLISH, { input: { proposalId } }, by);
  const read = (id: string, viewer?: Person) =>
    api.gql<{ proposal: View }>(READ, { id }, viewer ?? {});
  const listed = async (consultationId: string) =>
    dataOf(
      await api.gql<{ proposals: { edges: { node: { id: string } }[] } }>(LIST, {
        filter: { consultationId },
      }),
    ).proposals.edges.map((edge) => edge.node.id);

  it('saves a draft that only its author reads, in no list, without a publication date', async () => {
    const consultation = await createConsultation();
    const { author, draft } = await draftIn(consultation.id);
    expect(draft).toMatchObject({
      status: 'DRAFT',
      publishedAt: null,
      viewerCanPublish: true,
      canEdit: true,
      statusHistory: [{ from: null, to: 'DRAFT', actor: { id: author.id } }],
    });
    expect(await listed(consultation.id)).not.toContain(draft.id);
    expect(firstError(await read(draft.id)).extensions?.reason).toBe('PROPOSAL_NOT_FOUND');
    const stranger = await person();
    expect(firstError(await read(draft.id, stranger)).extensions?.reason).toBe(
      'PROPOSAL_NOT_FOUND',
    );
    // Saving a draft trusts nobody: nothing of it was published.
    const row = await factoryPrisma().user.findUniqueOrThrow({ where: { id: author.id } });
    expect(row.trustedAt).toBeNull();
  });

  it('publishes it: dated now, listed, its history kept; a second publication is refused', async () => {
    const consultation = await createConsultation();
    const { author, draft } = await draftIn(consultation.id);
    const before = Date.now();
    const published = dataOf(await publish(author, draft.id)).publishProposal;
    expect(published).toMatchObject({ status: 'PUBLISHED', viewerCanPublish: false });
    expect(new Date(published.publishedAt ?? 0).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(published.statusHistory.map((change) => [change.from, change.to])).toEqual(
      expect.arrayContaining([
        [null, 'DRAFT'],
        ['DRAFT', 'PUBLISHED'],
      ]),
    );
    expect(await listed(consultation.id)).toContain(draft.id);
    expect(dataOf(await read(draft.id)).proposal.status).toBe('PUBLISHED');
    expect(firstError(await publish(author, draft.id)).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ILLEGAL_TRANSITION',
    });
  });

  it('lets exactly one of two simultaneous publications win', async () => {
    const consultation = await createConsultation();
    const { author, draft } = await draftIn(consultation.id);
    const results = await Promise.all([publish(author, draft.id), publish(author, draft.id)]);
    expect(results.filter((result) => result.data?.publishProposal).length).toBe(1);
    const changes = await factoryPrisma().proposalStatusChange.count({
      where: { proposalId: draft.id, toStatus: 'PUBLISHED' },
    });
    expect(changes).toBe(1);
  });

  it('is published by its author only: a co-author edits it but does not publish it', async () => {
    const consultation = await createConsultation();
    const { author, draft } = await draftIn(consultation.id);
    const coAuthor = await person();
    dataOf(await api.gql(INVITE, { input: { proposalId: draft.id, userId: coAuthor.id } }, author));
    dataOf(await api.gql(ANSWER, { input: { proposalId: draft.id, accept: true } }, coAuthor));
    expect(dataOf(await read(draft.id, coAuthor)).proposal).toMatchObject({
      status: 'DRAFT',
      canEdit: true,
      viewerCanPublish: false,
    });
    expect(firstError(await publish(coAuthor, draft.id)).extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_ALLOWED',
    });
    const stranger = await person();
    expect(firstError(await publish(stranger, draft.id)).extensions?.reason).toBe(
      'PROPOSAL_NOT_FOUND',
    );
    expect(
      firstError(await api.gql(PUBLISH, { input: { proposalId: draft.id } })).extensions,
    ).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(dataOf(await read(draft.id, author)).proposal.status).toBe('DRAFT');
  });

  it('publishes only while the consultation takes proposals, and holds it under pre-moderation', async () => {
    const closing = await createConsultation();
    const { author, draft } = await draftIn(closing.id);
    await factoryPrisma().consultationPhase.deleteMany({ where: { consultationId: closing.id } });
    await factoryPrisma().consultationPhase.createMany({
      data: PHASES.proposingClosed().map((phase) => ({ ...phase, consultationId: closing.id })),
    });
    expect(firstError(await publish(author, draft.id)).extensions?.reason).toBe('PROPOSING_CLOSED');
    expect(dataOf(await read(draft.id, author)).proposal.status).toBe('DRAFT');

    const moderated = await trustConsultation(true);
    const held = await draftIn(moderated.id);
    expect(held.draft).toMatchObject({ isHidden: false, awaitingReview: false });
    const published = dataOf(await publish(held.author, held.draft.id)).publishProposal;
    expect(published).toMatchObject({ status: 'PUBLISHED', awaitingReview: true, isHidden: true });
    expect(await listed(moderated.id)).not.toContain(held.draft.id);
  });

  it('refuses bad input with a clear error', async () => {
    const author = await person();
    expect(
      firstError(await api.gql(PUBLISH, { input: { proposalId: 'pas-un-id' } }, author)).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
    const consultation = await createConsultation();
    const input = { ...(await proposalInput(consultation.id)), asDraft: 'oui' };
    expect(firstError(await api.gql(SUBMIT, { input }, author)).extensions?.code).toMatch(
      /BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/,
    );
  });
});
