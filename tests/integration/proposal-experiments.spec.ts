import {
  closeFactories,
  createConsultation,
  createExperiment,
  createIndicator,
  createMeasurement,
  createOrganisation,
  createProposal,
  createUser,
  factoryPrisma,
  referenceThemes,
  TERRITORIES,
  type ThemeRef,
} from '../factories';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

// Issue 10: proposals cite registry experiments as their evidence.

const SUBMIT = `mutation ($input: SubmitProposalInput!) {
  submitProposal(input: $input) { id version experiments { id name measurementsCount } }
}`;
const UPDATE = `mutation ($input: UpdateProposalInput!) {
  updateProposal(input: $input) { id version experiments { id } }
}`;
const PROPOSAL = `query ($id: ID!) { proposal(id: $id) { id experiments { id name } } }`;
const LIST = `query ($filter: ProposalFilter, $first: Int) {
  proposals(filter: $filter, first: $first, orderBy: NEWEST) {
    totalCount edges { node { id experiments { id } } }
  }
}`;
// Experiment.proposals, reached through a proposal citing it (the experiment query is the
// experiments module's).
const EXPERIMENT_PROPOSALS = `query ($id: ID!) {
  proposal(id: $id) { experiments { id proposals { id status } } }
}`;

interface ErrorFields {
  fields?: { field: string; rule: string; message: string }[];
  reason?: string;
  code?: string;
}

describe('proposals citing experiments', () => {
  let api: TestApp;
  let themes: ThemeRef[];
  let carrier: { id: string };
  let member: { id: string };

  beforeAll(async () => {
    api = await startTestApp();
    themes = await referenceThemes();
    member = await createUser({ actorType: 'PTCE' });
    carrier = await createOrganisation({ name: 'PTCE du Pays de Saint-Étienne' });
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  /** An experiment of the registry, with one measurement when `measured`. */
  async function experiment(measured: boolean, name?: string) {
    const created = await createExperiment({
      organisationId: carrier.id,
      createdById: member.id,
      name,
    });
    if (measured) {
      const indicator = await createIndicator({ experimentId: created.id });
      await createMeasurement({ indicatorId: indicator.id, recordedById: member.id, value: 1200 });
    }
    return created;
  }

  async function participant() {
    const user = await createUser({ actorType: 'ASSOCIATION' });
    return { user, token: await api.tokenFor(user) };
  }

  function input(consultationId: string, overrides: Record<string, unknown> = {}) {
    return {
      consultationId,
      title: 'Généraliser les centrales solaires citoyennes',
      summary: 'Chaque commune peut accueillir une centrale solaire portée par ses habitants.',
      body: 'Les centrales villageoises montrent qu’une coopérative d’habitants peut produire une électricité locale et partagée.',
      themeIds: [themes[0].id],
      territoryId: TERRITORIES.saintEtienne,
      competentLevel: 'COMMUNE',
      lever: 'PUBLIC_PROCUREMENT',
      ...overrides,
    };
  }

  async function citations(proposalId: string) {
    return factoryPrisma().proposalExperiment.findMany({
      where: { proposalId },
      orderBy: { position: 'asc' },
      select: { experimentId: true, position: true },
    });
  }

  it('stores the cited experiments in the author’s order and answers them on the proposal', async () => {
    const consultation = await createConsultation();
    const first = await experiment(true, 'Centrale villageoise du Pilat');
    const second = await experiment(false, 'Épicerie solidaire de Firminy');
    const { token } = await participant();
    const result = await api.gql<{
      submitProposal: { id: string; experiments: { id: string; name: string }[] };
    }>(
      SUBMIT,
      { input: input(consultation.id, { experimentIds: [second.id, first.id] }) },
      {
        token,
      },
    );
    expect(result.errors).toBeUndefined();
    const proposal = dataOf(result).submitProposal;
    expect(proposal.experiments.map((e) => e.name)).toEqual([
      'Épicerie solidaire de Firminy',
      'Centrale villageoise du Pilat',
    ]);
    expect(await citations(proposal.id)).toEqual([
      { experimentId: second.id, position: 0 },
      { experimentId: first.id, position: 1 },
    ]);
    const read = await api.gql<{ proposal: { experiments: { id: string }[] } }>(PROPOSAL, {
      id: proposal.id,
    });
    expect(dataOf(read).proposal.experiments.map((e) => e.id)).toEqual([second.id, first.id]);
  });

  it('submits without experiments as before', async () => {
    const consultation = await createConsultation();
    const { token } = await participant();
    const result = await api.gql<{ submitProposal: { id: string; experiments: unknown[] } }>(
      SUBMIT,
      { input: input(consultation.id) },
      { token },
    );
    expect(dataOf(result).submitProposal.experiments).toEqual([]);
  });

  it.each<[string, (ids: string[]) => string[], string, string, string]>([
    [
      'an unknown experiment',
      ([known]) => [known as string, '00000000-0000-4000-8000-000000000000'],
      'NOT_FOUND',
      'EXPERIMENT_NOT_FOUND',
      'experimentIds.1',
    ],
    [
      'the same experiment twice',
      ([known]) => [known as string, known as string],
      'BAD_USER_INPUT',
      'INVALID_INPUT',
      'experimentIds',
    ],
    ['six experiments', (ids) => ids, 'BAD_USER_INPUT', 'INVALID_INPUT', 'experimentIds'],
  ])('refuses %s and writes nothing', async (_name, idsOf, code, reason, field) => {
    const consultation = await createConsultation();
    const known = await Promise.all([1, 2, 3, 4, 5, 6].map(() => experiment(false)));
    const { user, token } = await participant();
    const result = await api.gql(
      SUBMIT,
      { input: input(consultation.id, { experimentIds: idsOf(known.map((e) => e.id)) }) },
      { token },
    );
    const extensions = firstError(result).extensions as ErrorFields;
    expect(extensions.code).toBe(code);
    expect(extensions.reason).toBe(reason);
    expect(extensions.fields?.map((f) => f.field)).toContain(field);
    expect(await factoryPrisma().proposal.count({ where: { authorId: user.id } })).toBe(0);
  });

  it('an edit replaces the citations with a list, and leaves them when experimentIds is absent or null', async () => {
    const consultation = await createConsultation();
    const [a, b, c] = await Promise.all([experiment(true), experiment(false), experiment(true)]);
    const { token } = await participant();
    const submitted = dataOf(
      await api.gql<{ submitProposal: { id: string; version: number } }>(
        SUBMIT,
        { input: input(consultation.id, { experimentIds: [a.id, b.id] }) },
        { token },
      ),
    ).submitProposal;
    const { consultationId: _c, ...content } = input(consultation.id);
    const edit = (version: number, extra: Record<string, unknown>) =>
      api.gql<{ updateProposal: { version: number; experiments: { id: string }[] } }>(
        UPDATE,
        { input: { ...content, proposalId: submitted.id, expectedVersion: version, ...extra } },
        { token },
      );

    const unchanged = dataOf(await edit(1, {})).updateProposal;
    expect(unchanged.experiments.map((e) => e.id)).toEqual([a.id, b.id]);
    const stillUnchanged = dataOf(await edit(2, { experimentIds: null })).updateProposal;
    expect(stillUnchanged.experiments.map((e) => e.id)).toEqual([a.id, b.id]);

    const replaced = dataOf(await edit(3, { experimentIds: [c.id, a.id] })).updateProposal;
    expect(replaced.version).toBe(4);
    expect(await citations(submitted.id)).toEqual([
      { experimentId: c.id, position: 0 },
      { experimentId: a.id, position: 1 },
    ]);

    // A refused edit changes nothing, version included.
    const refused = await edit(4, { experimentIds: ['00000000-0000-4000-8000-000000000000'] });
    expect((firstError(refused).extensions as ErrorFields).reason).toBe('EXPERIMENT_NOT_FOUND');
    const cleared = dataOf(await edit(4, { experimentIds: [] })).updateProposal;
    expect(cleared).toMatchObject({ version: 5, experiments: [] });
    expect(await citations(submitted.id)).toEqual([]);
  });

  it('filters lists on groundedInMeasuredExperiment, counts included', async () => {
    const consultation = await createConsultation();
    const author = await createUser();
    const measured = await experiment(true);
    const unmeasured = await experiment(false);
    const grounded = await createProposal({ consultationId: consultation.id, authorId: author.id });
    const citingUnmeasured = await createProposal({
      consultationId: consultation.id,
      authorId: author.id,
    });
    const plain = await createProposal({ consultationId: consultation.id, authorId: author.id });
    await factoryPrisma().proposalExperiment.createMany({
      data: [
        { proposalId: grounded.id, experimentId: unmeasured.id, position: 0 },
        { proposalId: grounded.id, experimentId: measured.id, position: 1 },
        { proposalId: citingUnmeasured.id, experimentId: unmeasured.id, position: 0 },
      ],
    });
    const list = async (groundedInMeasuredExperiment: boolean | null) =>
      dataOf(
        await api.gql<{ proposals: { totalCount: number; edges: { node: { id: string } }[] } }>(
          LIST,
          { filter: { consultationId: consultation.id, groundedInMeasuredExperiment }, first: 1 },
        ),
      ).proposals;

    const only = await list(true);
    expect(only.edges.map((e) => e.node.id)).toEqual([grounded.id]);
    expect(only.totalCount).toBe(1);
    const others = await list(false);
    expect(others.totalCount).toBe(2);
    expect(others.edges.map((e) => e.node.id)).toEqual([plain.id]);
    expect((await list(null)).totalCount).toBe(3);
  });

  it('Experiment.proposals lists the public, visible proposals citing it, newest first', async () => {
    const consultation = await createConsultation();
    const author = await createUser();
    const cited = await experiment(true);
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 10, minutes));
    const older = await createProposal({
      consultationId: consultation.id,
      authorId: author.id,
      createdAt: at(1),
    });
    const newer = await createProposal({
      consultationId: consultation.id,
      authorId: author.id,
      createdAt: at(2),
    });
    const hidden = await createProposal({
      consultationId: consultation.id,
      authorId: author.id,
      createdAt: at(3),
    });
    const withdrawn = await createProposal({
      consultationId: consultation.id,
      authorId: author.id,
      status: 'WITHDRAWN',
      createdAt: at(4),
    });
    await factoryPrisma().proposal.update({
      where: { id: hidden.id },
      data: { hiddenAt: new Date() },
    });
    await factoryPrisma().proposalExperiment.createMany({
      data: [older, newer, hidden, withdrawn].map((proposal) => ({
        proposalId: proposal.id,
        experimentId: cited.id,
        position: 0,
      })),
    });
    const result = await api.gql<{
      proposal: { experiments: { id: string; proposals: { id: string }[] }[] };
    }>(EXPERIMENT_PROPOSALS, { id: older.id });
    const [experimentView] = dataOf(result).proposal.experiments;
    expect(experimentView?.proposals.map((p) => p.id)).toEqual([newer.id, older.id]);
  });
});
