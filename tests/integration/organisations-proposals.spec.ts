import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  referenceThemes,
  TERRITORIES,
} from '../factories';
import { organisationWith } from './support/organisations';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

const ORGANISATION_PROPOSALS = `query OrganisationProposals($id: ID!, $first: Int, $after: String) {
  organisation(id: $id) {
    id
    proposals(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title status organisation { id name } } }
    }
  }
}`;
const SUBMIT_FOR_ORGANISATION = `mutation Submit($input: SubmitProposalInput!) {
  submitProposal(input: $input) { id organisation { id name myRole } }
}`;

type Page = {
  organisation: {
    id: string;
    proposals: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: {
        node: { id: string; title: string; status: string; organisation: { id: string } };
      }[];
    };
  };
};

describe('proposals posted for an organisation', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  async function submitInput(organisationId: string) {
    const themes = await referenceThemes();
    const consultation = await createConsultation();
    return {
      consultationId: consultation.id,
      title: 'Une monnaie locale acceptée par les cantines',
      summary: 'Permettre le paiement des repas scolaires en monnaie locale complémentaire.',
      body: 'La monnaie locale du Forez circule déjà chez 300 commerçants ; les cantines pourraient l’accepter.',
      themeIds: [themes[0].id],
      territoryId: TERRITORIES.saintEtienne,
      competentLevel: 'COMMUNE',
      lever: 'BUDGET',
      organisationId,
    };
  }

  it('lets a member post for the organisation; the proposal shows it and it lists the proposal', async () => {
    const [manager, member] = [await createUser(), await createUser()];
    const organisation = await organisationWith({ managers: [manager.id], members: [member.id] });
    const submitted = await api.gql<{
      submitProposal: { id: string; organisation: { id: string; myRole: string } };
    }>(
      SUBMIT_FOR_ORGANISATION,
      { input: await submitInput(organisation.id) },
      { token: await api.tokenFor(member) },
    );
    const proposal = dataOf(submitted).submitProposal;
    expect(proposal.organisation).toMatchObject({ id: organisation.id, myRole: 'MEMBER' });
    const page = dataOf(await api.gql<Page>(ORGANISATION_PROPOSALS, { id: organisation.id }));
    expect(page.organisation.proposals.totalCount).toBe(1);
    expect(page.organisation.proposals.edges[0].node).toMatchObject({
      id: proposal.id,
      organisation: { id: organisation.id },
    });
  });

  it('refuses a non-member posting for it: FORBIDDEN / NOT_A_MEMBER', async () => {
    const [manager, stranger] = [await createUser(), await createUser()];
    const organisation = await organisationWith({ managers: [manager.id] });
    const result = await api.gql(
      SUBMIT_FOR_ORGANISATION,
      { input: await submitInput(organisation.id) },
      { token: await api.tokenFor(stranger) },
    );
    expect(firstError(result).extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_A_MEMBER',
    });
  });

  it('pages through public proposals only, newest first', async () => {
    const author = await createUser();
    const organisation = await organisationWith({ managers: [author.id] });
    const other = await organisationWith({ managers: [author.id] });
    const consultation = await createConsultation();
    const base = Date.now() - 60_000;
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const proposal = await createProposal({
        consultationId: consultation.id,
        authorId: author.id,
        organisationId: organisation.id,
        createdAt: new Date(base + i * 1000),
      });
      ids.unshift(proposal.id);
    }
    await createProposal({
      consultationId: consultation.id,
      authorId: author.id,
      organisationId: organisation.id,
      status: 'DRAFT',
    });
    await createProposal({
      consultationId: consultation.id,
      authorId: author.id,
      organisationId: other.id,
    });
    const first = dataOf(
      await api.gql<Page>(ORGANISATION_PROPOSALS, { id: organisation.id, first: 2 }),
    ).organisation.proposals;
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = dataOf(
      await api.gql<Page>(ORGANISATION_PROPOSALS, {
        id: organisation.id,
        first: 2,
        after: first.pageInfo.endCursor,
      }),
    ).organisation.proposals;
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.edges, ...second.edges].map((edge) => edge.node.id)).toEqual(ids);
  });

  it('refuses a page size out of range: BAD_USER_INPUT naming first', async () => {
    const manager = await createUser();
    const organisation = await organisationWith({ managers: [manager.id] });
    const result = await api.gql(ORGANISATION_PROPOSALS, { id: organisation.id, first: 500 });
    expect(firstError(result).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'first' }],
    });
  });
});
