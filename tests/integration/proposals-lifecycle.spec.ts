import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  type CreatedUser,
  factoryPrisma,
  referenceThemes,
  TERRITORIES,
  type ThemeRef,
} from '../factories';
import { SUBMIT_PROPOSAL } from './support/operations';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

const DETAIL = `id title body bodyHtml status version canEdit experiment measuredImpact
  themes { slug } territory { id }
  revisions { version title summary body bodyHtml experiment measuredImpact editor { id } createdAt }
  statusHistory { from to reason at actor { id } }`;
const PROPOSAL = `query ($id: ID!) { proposal(id: $id) { ${DETAIL} } }`;
const UPDATE = `mutation ($input: UpdateProposalInput!) { updateProposal(input: $input) { ${DETAIL} } }`;
const WITHDRAW = `mutation ($input: WithdrawProposalInput!) { withdrawProposal(input: $input) { ${DETAIL} } }`;
const MY_PROPOSALS = `query ($first: Int, $after: String) { me { proposals(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id status } } } } }`;

interface Detail {
  id: string;
  title: string;
  body: string;
  bodyHtml: string;
  status: string;
  version: number;
  canEdit: boolean;
  experiment: string | null;
  themes: { slug: string }[];
  territory: { id: string };
  revisions: {
    version: number;
    title: string;
    bodyHtml: string;
    experiment: string | null;
    editor: { id: string };
  }[];
  statusHistory: {
    from: string | null;
    to: string;
    reason: string | null;
    actor: { id: string };
  }[];
}

const NIL_UUID = '00000000-0000-4000-8000-000000000000';

describe('proposal lifecycle: Markdown, edits, withdrawal, history', () => {
  let api: TestApp;
  let themes: ThemeRef[];

  beforeAll(async () => {
    api = await startTestApp();
    themes = await referenceThemes();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const BODY =
    'Une **régie agricole** nourrit les cantines. <script>alert(1)</script> Voir [le bilan](https://example.org/bilan).';

  /** A proposal submitted through the API by a new participant. */
  async function submitted(): Promise<{ author: CreatedUser; token: string; proposal: Detail }> {
    const author = await createUser();
    const token = await api.tokenFor(author);
    const consultation = await createConsultation();
    const result = await api.gql<{ submitProposal: { id: string } }>(
      SUBMIT_PROPOSAL,
      {
        input: {
          consultationId: consultation.id,
          title: 'Des cantines 100 % locales dans chaque commune',
          summary: 'Approvisionner les cantines scolaires auprès des producteurs du territoire.',
          body: BODY,
          themeIds: [themes[0].id],
          territoryId: TERRITORIES.saintEtienne,
          competentLevel: 'COMMUNE',
          lever: 'PUBLIC_PROCUREMENT',
          experiment: 'Mouans-Sartoux, depuis 2011.',
        },
      },
      { token },
    );
    const { id } = dataOf(result).submitProposal;
    const read = await api.gql<{ proposal: Detail }>(PROPOSAL, { id }, { token });
    return { author, token, proposal: dataOf(read).proposal };
  }

  function edit(proposal: Detail, overrides: Record<string, unknown> = {}) {
    return {
      proposalId: proposal.id,
      expectedVersion: proposal.version,
      title: 'Des cantines 100 % locales et bio dans chaque commune',
      summary: 'Approvisionner les cantines scolaires auprès des producteurs bio du territoire.',
      body: 'Une version *révisée* du corps de la proposition, assez longue pour être valide.',
      themeIds: [themes[1].id, themes[2].id],
      territoryId: TERRITORIES.loire,
      competentLevel: 'DEPARTEMENT',
      lever: 'BUDGET',
      experiment: null,
      measuredImpact: '30 % de gaspillage en moins.',
      ...overrides,
    };
  }

  describe('Markdown', () => {
    it('stores the body rendered to sanitised HTML at submission (revision 1 too)', async () => {
      const { proposal } = await submitted();
      expect(proposal.bodyHtml).toContain('<strong>régie agricole</strong>');
      expect(proposal.bodyHtml).toContain('&lt;script&gt;');
      expect(proposal.bodyHtml).not.toContain('<script>');
      expect(proposal.bodyHtml).toContain('rel="nofollow ugc noopener"');
      const row = await factoryPrisma().proposal.findUniqueOrThrow({ where: { id: proposal.id } });
      expect(row.bodyHtml).toBe(proposal.bodyHtml);
      expect(proposal.revisions[0].bodyHtml).toBe(proposal.bodyHtml);
      expect(proposal.revisions[0].experiment).toBe('Mouans-Sartoux, depuis 2011.');
    });

    it('renders on read a row stored before bodyHtml existed', async () => {
      const consultation = await createConsultation();
      const author = await createUser();
      const { id } = await createProposal({ consultationId: consultation.id, authorId: author.id });
      await factoryPrisma().proposal.update({
        where: { id },
        data: { body: 'Du **gras** ancien.', bodyHtml: '' },
      });
      const result = await api.gql<{ proposal: Detail }>(PROPOSAL, { id });
      expect(dataOf(result).proposal.bodyHtml).toBe('<p>Du <strong>gras</strong> ancien.</p>');
    });
  });

  describe('updateProposal', () => {
    it('lets the author edit: version + 1, themes replaced, a new revision by the editor', async () => {
      const { author, token, proposal } = await submitted();
      expect(proposal.canEdit).toBe(true);
      const input = edit(proposal);
      const result = await api.gql<{ updateProposal: Detail }>(UPDATE, { input }, { token });
      expect(result.errors).toBeUndefined();
      const updated = dataOf(result).updateProposal;
      expect(updated).toMatchObject({
        title: input.title,
        version: 2,
        experiment: null,
        territory: { id: TERRITORIES.loire },
        bodyHtml:
          '<p>Une version <em>révisée</em> du corps de la proposition, assez longue pour être valide.</p>',
      });
      expect(updated.themes.map((t) => t.slug).sort()).toEqual(
        [themes[1].slug, themes[2].slug].sort(),
      );
      expect(updated.revisions.map((r) => r.version)).toEqual([2, 1]);
      expect(updated.revisions[0]).toMatchObject({
        title: input.title,
        editor: { id: author.id },
        experiment: null,
      });
      expect(updated.revisions[1].title).toBe(proposal.title);
      const searchable = await factoryPrisma().proposal.findUniqueOrThrow({
        where: { id: proposal.id },
      });
      expect(searchable.searchTitle).toBe('des cantines 100 % locales et bio dans chaque commune');
    });

    it('refuses an anonymous visitor: UNAUTHENTICATED / SIGN_IN_REQUIRED', async () => {
      const { proposal } = await submitted();
      const result = await api.gql(UPDATE, { input: edit(proposal) });
      expect(firstError(result).extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'SIGN_IN_REQUIRED',
      });
    });

    it('refuses another participant, even an administrator: FORBIDDEN / NOT_ALLOWED', async () => {
      const { proposal } = await submitted();
      for (const role of ['PARTICIPANT', 'ADMIN'] as const) {
        const other = await createUser({ role });
        const token = await api.tokenFor(other);
        const read = await api.gql<{ proposal: Detail }>(PROPOSAL, { id: proposal.id }, { token });
        expect(dataOf(read).proposal.canEdit).toBe(false);
        const result = await api.gql(UPDATE, { input: edit(proposal) }, { token });
        expect(firstError(result).extensions).toMatchObject({
          code: 'FORBIDDEN',
          reason: 'NOT_ALLOWED',
        });
      }
      const row = await factoryPrisma().proposal.findUniqueOrThrow({ where: { id: proposal.id } });
      expect(row.version).toBe(1);
    });

    it('refuses an edit made on an old version: CONFLICT / STALE_VERSION', async () => {
      const { token, proposal } = await submitted();
      expect((await api.gql(UPDATE, { input: edit(proposal) }, { token })).errors).toBeUndefined();
      const result = await api.gql(
        UPDATE,
        { input: edit(proposal, { title: 'Une autre modification concurrente' }) },
        { token, lang: 'en' },
      );
      const error = firstError(result);
      expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
      expect(error.message).toMatch(/changed in the meantime/);
    });

    it('lets exactly one of two simultaneous edits of the same version win', async () => {
      const { token, proposal } = await submitted();
      const results = await Promise.all(
        ['Première modification simultanée', 'Seconde modification simultanée'].map((title) =>
          api.gql(UPDATE, { input: edit(proposal, { title }) }, { token }),
        ),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(
        results.filter((r) => r.errors?.[0].extensions?.reason === 'STALE_VERSION'),
      ).toHaveLength(1);
      const revisions = await factoryPrisma().proposalRevision.count({
        where: { proposalId: proposal.id },
      });
      expect(revisions).toBe(2);
    });

    it.each(['UNDER_REVIEW', 'SELECTED', 'RETAINED'] as const)(
      'refuses to edit a %s proposal: FORBIDDEN / PROPOSAL_NOT_EDITABLE',
      async (status) => {
        const { token, proposal } = await submitted();
        await factoryPrisma().proposal.update({ where: { id: proposal.id }, data: { status } });
        const read = await api.gql<{ proposal: Detail }>(PROPOSAL, { id: proposal.id }, { token });
        expect(dataOf(read).proposal.canEdit).toBe(false);
        const result = await api.gql(UPDATE, { input: edit(proposal) }, { token });
        expect(firstError(result).extensions).toMatchObject({
          code: 'FORBIDDEN',
          reason: 'PROPOSAL_NOT_EDITABLE',
        });
      },
    );

    it('answers NOT_FOUND for an unknown proposal', async () => {
      const { token, proposal } = await submitted();
      const result = await api.gql(
        UPDATE,
        { input: edit(proposal, { proposalId: NIL_UUID }) },
        { token },
      );
      expect(firstError(result).extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'PROPOSAL_NOT_FOUND',
      });
    });

    it.each([
      ['proposalId', 'id', { proposalId: 'not-a-uuid' }],
      ['expectedVersion', 'minValue', { expectedVersion: 0 }],
      ['title', 'minLength', { title: 'Court' }],
      ['title', 'maxLength', { title: 'x'.repeat(141) }],
      ['summary', 'minLength', { summary: 'Court.' }],
      ['body', 'minLength', { body: 'Trop court.' }],
      ['body', 'maxLength', { body: 'x'.repeat(20_001) }],
      ['themeIds', 'minItems', { themeIds: [] }],
      ['themeIds.0', 'id', { themeIds: ['energie'] }],
      ['themeIds', 'exists', { themeIds: [NIL_UUID] }],
      ['territoryId', 'territory', { territoryId: 'Lyon' }],
      ['territoryId', 'exists', { territoryId: 'COMMUNE-99999' }],
      ['experiment', 'maxLength', { experiment: 'x'.repeat(2001) }],
      ['measuredImpact', 'maxLength', { measuredImpact: 'x'.repeat(2001) }],
    ])('refuses an invalid %s (rule %s): BAD_USER_INPUT naming it', async (field, rule, patch) => {
      const { token, proposal } = await submitted();
      const result = await api.gql(UPDATE, { input: edit(proposal, patch) }, { token });
      const error = firstError(result);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
      expect(error.extensions?.fields?.[0]).toMatchObject({ field, rule });
      const row = await factoryPrisma().proposal.findUniqueOrThrow({ where: { id: proposal.id } });
      expect(row.version).toBe(1);
    });
  });

  describe('withdrawProposal', () => {
    it('withdraws with a reason, keeps who/when/why, and hides it from the public but not from its author', async () => {
      const { author, token, proposal } = await submitted();
      const result = await api.gql<{ withdrawProposal: Detail }>(
        WITHDRAW,
        { input: { proposalId: proposal.id, reason: '  Doublon de la proposition voisine.  ' } },
        { token },
      );
      expect(result.errors).toBeUndefined();
      const withdrawn = dataOf(result).withdrawProposal;
      expect(withdrawn.status).toBe('WITHDRAWN');
      expect(withdrawn.canEdit).toBe(false);
      expect(withdrawn.statusHistory).toEqual([
        expect.objectContaining({
          from: null,
          to: 'PUBLISHED',
          reason: null,
          actor: { id: author.id },
        }),
        expect.objectContaining({
          from: 'PUBLISHED',
          to: 'WITHDRAWN',
          reason: 'Doublon de la proposition voisine.',
          actor: { id: author.id },
        }),
      ]);

      const publicRead = await api.gql(PROPOSAL, { id: proposal.id });
      expect(firstError(publicRead).extensions?.reason).toBe('PROPOSAL_NOT_FOUND');
      const otherToken = await api.tokenFor(await createUser());
      const otherRead = await api.gql(PROPOSAL, { id: proposal.id }, { token: otherToken });
      expect(firstError(otherRead).extensions?.reason).toBe('PROPOSAL_NOT_FOUND');
      const authorRead = await api.gql<{ proposal: Detail }>(
        PROPOSAL,
        { id: proposal.id },
        { token },
      );
      expect(dataOf(authorRead).proposal.status).toBe('WITHDRAWN');

      const list = await api.gql<{ proposals: { edges: { node: { id: string } }[] } }>(
        `query ($authorId: ID) { proposals(filter: { authorId: $authorId }) { edges { node { id } } } }`,
        { authorId: author.id },
      );
      expect(dataOf(list).proposals.edges).toEqual([]);
    });

    it('refuses a second withdrawal: CONFLICT / ILLEGAL_TRANSITION', async () => {
      const { token, proposal } = await submitted();
      await api.gql(WITHDRAW, { input: { proposalId: proposal.id } }, { token });
      const again = await api.gql(WITHDRAW, { input: { proposalId: proposal.id } }, { token });
      expect(firstError(again).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'ILLEGAL_TRANSITION',
      });
    });

    it('refuses an anonymous visitor and another participant', async () => {
      const { proposal } = await submitted();
      const anonymous = await api.gql(WITHDRAW, { input: { proposalId: proposal.id } });
      expect(firstError(anonymous).extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'SIGN_IN_REQUIRED',
      });
      const token = await api.tokenFor(await createUser({ role: 'MODERATOR' }));
      const other = await api.gql(WITHDRAW, { input: { proposalId: proposal.id } }, { token });
      expect(firstError(other).extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NOT_ALLOWED',
      });
      const row = await factoryPrisma().proposal.findUniqueOrThrow({ where: { id: proposal.id } });
      expect(row.status).toBe('PUBLISHED');
    });

    it.each([
      ['proposalId', 'id', { proposalId: 'x' }],
      ['reason', 'maxLength', { reason: 'x'.repeat(1001) }],
    ])('refuses an invalid %s (rule %s)', async (field, rule, patch) => {
      const { token, proposal } = await submitted();
      const result = await api.gql(
        WITHDRAW,
        { input: { proposalId: proposal.id, ...patch } },
        { token },
      );
      expect(firstError(result).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field, rule })],
      });
    });
  });

  describe('me.proposals', () => {
    it('lists my proposals in every status, newest first, page by page', async () => {
      const me = await createUser();
      const token = await api.tokenFor(me);
      const consultation = await createConsultation();
      const mine = [];
      for (const [i, status] of (
        ['PUBLISHED', 'DRAFT', 'WITHDRAWN', 'SELECTED'] as const
      ).entries()) {
        mine.push(
          await createProposal({
            consultationId: consultation.id,
            authorId: me.id,
            status,
            createdAt: new Date(Date.now() - (10 - i) * 1000),
          }),
        );
      }
      await createProposal({ consultationId: consultation.id, authorId: (await createUser()).id });
      type Mine = {
        me: {
          proposals: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string };
            edges: { node: { id: string; status: string } }[];
          };
        };
      };
      const first = dataOf(await api.gql<Mine>(MY_PROPOSALS, { first: 3 }, { token })).me.proposals;
      expect(first.totalCount).toBe(4);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = dataOf(
        await api.gql<Mine>(MY_PROPOSALS, { first: 3, after: first.pageInfo.endCursor }, { token }),
      ).me.proposals;
      expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual(
        [...mine].reverse().map((p) => p.id),
      );
    });

    it("shows only public proposals of an account that is not the viewer's own", async () => {
      const user = await createUser();
      const consultation = await createConsultation();
      const published = await createProposal({
        consultationId: consultation.id,
        authorId: user.id,
      });
      await createProposal({ consultationId: consultation.id, authorId: user.id, status: 'DRAFT' });
      const admin = await createUser({ role: 'ADMIN' });
      const result = await api.gql<{
        changeUserRole: { proposals: { totalCount: number; edges: { node: { id: string } }[] } };
      }>(
        `mutation ($input: ChangeUserRoleInput!) { changeUserRole(input: $input) {
          proposals { totalCount edges { node { id } } } } }`,
        { input: { userId: user.id, role: 'MODERATOR' } },
        { token: await api.tokenFor(admin) },
      );
      expect(dataOf(result).changeUserRole.proposals).toEqual({
        totalCount: 1,
        edges: [{ node: { id: published.id } }],
      });
    });

    it('is null for an anonymous visitor (me is null)', async () => {
      const result = await api.gql<{ me: null }>(MY_PROPOSALS);
      expect(dataOf(result).me).toBeNull();
    });
  });

  describe('territory', () => {
    const TERRITORY = `query ($id: ID!, $first: Int) { territory(id: $id) {
      id level name parent { id } children(first: $first) { id level name } } }`;
    type Result = {
      territory: {
        id: string;
        level: string;
        parent: { id: string } | null;
        children: { id: string; level: string; name: string }[];
      };
    };

    it('returns a département with its parent région and its communes by name', async () => {
      const result = await api.gql<Result>(TERRITORY, { id: TERRITORIES.loire, first: 1000 });
      const territory = dataOf(result).territory;
      expect(territory).toMatchObject({
        id: TERRITORIES.loire,
        level: 'DEPARTEMENT',
        parent: { id: TERRITORIES.auvergneRhoneAlpes },
      });
      expect(territory.children.length).toBeGreaterThan(100);
      expect(territory.children.every((c) => c.level === 'COMMUNE')).toBe(true);
      expect(territory.children.map((c) => c.id)).toContain(TERRITORIES.saintEtienne);
      const names = territory.children.map((c) => c.name);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    });

    it('limits children to first (default 50), and a commune has none', async () => {
      const region = await api.gql<Result>(TERRITORY, { id: TERRITORIES.auvergneRhoneAlpes });
      expect(dataOf(region).territory.children.map((c) => c.level)).toContain('DEPARTEMENT');
      const loire = await api.gql<Result>(TERRITORY, { id: TERRITORIES.loire });
      expect(dataOf(loire).territory.children).toHaveLength(50);
      const commune = await api.gql<Result>(TERRITORY, { id: TERRITORIES.paris });
      expect(dataOf(commune).territory.children).toEqual([]);
    });

    it('answers NOT_FOUND / TERRITORY_NOT_FOUND for an unknown id, BAD_USER_INPUT for first', async () => {
      const unknown = await api.gql(TERRITORY, { id: 'COMMUNE-99999' });
      expect(firstError(unknown).extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'TERRITORY_NOT_FOUND',
      });
      const tooMany = await api.gql(TERRITORY, { id: TERRITORIES.loire, first: 1001 });
      expect(firstError(tooMany).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'first' })],
      });
    });
  });
});
