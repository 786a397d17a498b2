import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
} from '../factories';
import {
  BRIEF_DRAFT,
  BRIEFS,
  briefSlug,
  type BriefView,
  CREATE_BRIEF,
  createBriefVia,
  createCommentRow,
  createCurator,
  RETURN_BRIEF,
  SUBMIT_BRIEF,
  UPDATE_BRIEF,
} from './support/briefs';
import { countSqlStatements } from './support/sql-counter';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

const NIL_UUID = '00000000-0000-4000-8000-000000000000';

describe('brief drafting: createBrief, updateBrief, transitions, briefs, briefDraft', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const storedBrief = (id: string) =>
    factoryPrisma().brief.findUniqueOrThrow({
      where: { id },
      include: { sections: { include: { citations: true } } },
    });

  /** A consultation with two public proposals, a comment, and a curator's fresh brief on it. */
  async function setup() {
    const consultation = await createConsultation();
    const author = await createUser();
    const first = await createProposal({
      consultationId: consultation.id,
      authorId: author.id,
      title: 'Créer des tiers-lieux dans chaque canton',
    });
    const second = await createProposal({ consultationId: consultation.id, authorId: author.id });
    const comment = await createCommentRow(
      first.id,
      (await createUser()).id,
      'Oui, et ouvrir ces lieux le dimanche.',
    );
    const curator = await createCurator();
    const token = await api.tokenFor(curator);
    const brief = await createBriefVia(api, token, [consultation.id]);
    return { consultation, author, first, second, comment, curator, token, brief };
  }

  describe('permission matrix', () => {
    type Caller = 'anonymous' | 'participant' | 'moderator' | 'curator' | 'admin';
    const CALLERS: [Caller, string | null][] = [
      ['anonymous', 'UNAUTHENTICATED'],
      ['participant', 'FORBIDDEN'],
      ['moderator', 'FORBIDDEN'],
      ['curator', null],
      ['admin', null],
    ];
    type Op = (brief: BriefView, consultationId: string) => Promise<[string, string, object]>;
    const OPERATIONS: Record<string, Op> = {
      createBrief: async (_brief, consultationId) => [
        'createBrief',
        CREATE_BRIEF,
        {
          input: {
            title: 'Une autre contribution',
            slug: briefSlug(),
            consultationIds: [consultationId],
          },
        },
      ],
      updateBrief: async (brief) => [
        'updateBrief',
        UPDATE_BRIEF,
        { input: { briefId: brief.id, expectedRevision: 1, title: 'Titre revu par l’équipe' } },
      ],
      submitBriefForReview: async (brief) => [
        'submitBriefForReview',
        SUBMIT_BRIEF,
        { input: { briefId: brief.id, expectedRevision: 1 } },
      ],
      returnBriefToDraft: async (brief) => {
        await factoryPrisma().brief.update({
          where: { id: brief.id },
          data: { status: 'IN_REVIEW' },
        });
        return [
          'returnBriefToDraft',
          RETURN_BRIEF,
          { input: { briefId: brief.id, expectedRevision: 1 } },
        ];
      },
      briefs: async () => ['briefs', BRIEFS, {}],
      briefDraft: async (brief) => ['briefDraft', BRIEF_DRAFT, { id: brief.id }],
    };
    const cases = Object.keys(OPERATIONS).flatMap((name) =>
      CALLERS.map(([caller, code]) => ({ name, caller, code })),
    );

    it.each(cases)('$name as $caller', async ({ name, caller, code }) => {
      const consultation = await createConsultation();
      const owner = await createCurator();
      const brief = await createBriefVia(api, await api.tokenFor(owner), [consultation.id]);
      const [field, query, variables] = await OPERATIONS[name](brief, consultation.id);
      const token =
        caller === 'anonymous'
          ? undefined
          : await api.tokenFor(
              await createUser({
                role: caller === 'participant' ? 'PARTICIPANT' : (caller.toUpperCase() as 'ADMIN'),
              }),
            );
      const result = await api.gql<Record<string, unknown>>(
        query,
        variables as Record<string, unknown>,
        { token },
      );
      const after = await factoryPrisma().brief.findUniqueOrThrow({ where: { id: brief.id } });
      if (code === null) {
        expect(result.errors).toBeUndefined();
        expect(result.data?.[field]).toBeTruthy();
      } else {
        expect(firstError(result).extensions?.code).toBe(code);
        expect(result.data?.[field] ?? null).toBeNull();
        expect(after.revision).toBe(1); // nothing written
      }
    });
  });

  it('creates a DRAFT brief at revision 1 with its consultations and rendered introduction', async () => {
    const { brief, consultation, curator } = await setup();
    expect(brief).toMatchObject({
      status: 'DRAFT',
      revision: 1,
      publishedVersion: null,
      introduction: 'Une **introduction**.',
      introductionHtml: '<p>Une <strong>introduction</strong>.</p>',
      consultations: [{ id: consultation.id }],
      sections: [],
      updatedBy: { id: curator.id },
    });
  });

  it('refuses a taken slug with BRIEF_SLUG_TAKEN and an invalid slug with the field named', async () => {
    const { brief, consultation, token } = await setup();
    const taken = await api.gql(
      CREATE_BRIEF,
      {
        input: {
          title: 'Encore une contribution',
          slug: brief.slug,
          consultationIds: [consultation.id],
        },
      },
      { token },
    );
    expect(firstError(taken).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'BRIEF_SLUG_TAKEN',
    });
    const invalid = await api.gql(
      CREATE_BRIEF,
      {
        input: {
          title: 'Encore une contribution',
          slug: 'Pas Un Slug',
          consultationIds: [NIL_UUID],
        },
      },
      { token },
    );
    expect(firstError(invalid).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(firstError(invalid).extensions?.fields?.map((f) => f.field)).toEqual(['slug']);
    const unknown = await api.gql(
      CREATE_BRIEF,
      {
        input: { title: 'Encore une contribution', slug: briefSlug(), consultationIds: [NIL_UUID] },
      },
      { token },
    );
    expect(firstError(unknown).extensions?.fields?.map((f) => f.field)).toEqual([
      'consultationIds.0',
    ]);
  });

  it('replaces sections and citations in order, renders sanitised Markdown and marks proposals cited elsewhere', async () => {
    const { brief, first, second, comment, consultation, token } = await setup();
    const other = await createBriefVia(api, token, [consultation.id], {
      title: 'Contribution voisine',
    });
    dataOf(
      await api.gql(
        UPDATE_BRIEF,
        {
          input: {
            briefId: other.id,
            expectedRevision: 1,
            sections: [{ title: 'Ailleurs', synthesis: '', citations: [{ proposalId: first.id }] }],
          },
        },
        { token },
      ),
    );
    const input = {
      briefId: brief.id,
      expectedRevision: 1,
      title: 'Contribution revue',
      sections: [
        {
          title: 'Lieux partagés',
          synthesis:
            'Des **tiers-lieux** [2] <script>alert(1)</script> [lien](javascript:alert(1)) [site](https://example.org)\n\nOuverts le dimanche [3].',
          dissentNote: 'Certains craignent les coûts.',
          citations: [
            { proposalId: second.id },
            { proposalId: first.id, quote: 'tiers-lieux dans chaque canton' },
            { commentId: comment.id, quote: 'le dimanche' },
          ],
        },
        { title: 'Mobilités', synthesis: 'Rien encore.', citations: [] },
      ],
    };
    const updated = dataOf(
      await api.gql<{ updateBrief: BriefView }>(UPDATE_BRIEF, { input }, { token }),
    ).updateBrief;
    expect(updated.revision).toBe(2);
    expect(updated.title).toBe('Contribution revue');
    expect(updated.sections.map((s) => [s.position, s.title])).toEqual([
      [0, 'Lieux partagés'],
      [1, 'Mobilités'],
    ]);
    const html = updated.sections[0].synthesisHtml;
    expect(html).toContain('<strong>tiers-lieux</strong>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('href="https://example.org" rel="nofollow ugc noopener"');
    // Markers link to the section's citations: [2] to the first proposal, [3] to the comment.
    expect(html).toContain(
      `<sup class="source-ref"><a href="/propositions/${first.id}" title="${first.title}">[2]</a></sup>`,
    );
    expect(html).toContain(
      `<sup class="source-ref"><a href="/propositions/${first.id}#commentaire-${comment.id}" title="${first.title}">[3]</a></sup>`,
    );
    expect(updated.sections[0].dissentNote).toBe('Certains craignent les coûts.');
    const citations = updated.sections[0].citations;
    expect(
      citations.map((c) => [c.position, c.proposal?.id ?? null, c.comment?.id ?? null, c.quote]),
    ).toEqual([
      [0, second.id, null, null],
      [1, first.id, null, 'tiers-lieux dans chaque canton'],
      [2, null, comment.id, 'le dimanche'],
    ]);
    expect(citations[0].otherBriefs).toEqual([]);
    expect(citations[1].otherBriefs).toEqual([
      { id: other.id, slug: other.slug, title: other.title },
    ]);
    expect(citations[2].otherBriefs.map((b) => b.id)).toEqual([other.id]);
    // The source proposal: the cited one, or the one the cited comment belongs to.
    expect(citations.map((c) => c.sourceProposal)).toEqual([
      { id: second.id, title: second.title },
      { id: first.id, title: first.title },
      { id: first.id, title: first.title },
    ]);

    // A second edit replaces every section.
    const replaced = dataOf(
      await api.gql<{ updateBrief: BriefView }>(
        UPDATE_BRIEF,
        {
          input: {
            briefId: brief.id,
            expectedRevision: 2,
            sections: [{ title: 'Seule', synthesis: 'x', citations: [] }],
          },
        },
        { token },
      ),
    ).updateBrief;
    expect(replaced.sections.map((s) => s.title)).toEqual(['Seule']);
    expect(
      await factoryPrisma().briefCitation.count({ where: { section: { briefId: brief.id } } }),
    ).toBe(0);
  });

  it('refuses a quote that is not word for word in the source, naming the field, and writes nothing', async () => {
    const { brief, first, comment, token } = await setup();
    const result = await api.gql(
      UPDATE_BRIEF,
      {
        input: {
          briefId: brief.id,
          expectedRevision: 1,
          title: 'Ne doit pas être enregistré',
          sections: [
            {
              title: 'A',
              synthesis: '',
              citations: [{ proposalId: first.id, quote: 'tiers-lieux' }],
            },
            {
              title: 'B',
              synthesis: '',
              citations: [
                { commentId: comment.id, quote: 'le dimanche' },
                { proposalId: first.id, quote: 'créer des tiers-lieux' }, // case differs
              ],
            },
          ],
        },
      },
      { token },
    );
    expect(firstError(result).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'QUOTE_NOT_IN_SOURCE',
    });
    expect(firstError(result).extensions?.fields?.map((f) => f.field)).toEqual([
      'sections.1.citations.1.quote',
    ]);
    const stored = await storedBrief(brief.id);
    expect(stored).toMatchObject({ revision: 1, title: brief.title, sections: [] });
  });

  it.each([
    ['a hidden proposal', 'hidden'],
    ['a proposal of another consultation', 'elsewhere'],
    ['a withdrawn proposal', 'withdrawn'],
    ['a deleted comment', 'deletedComment'],
  ])('refuses to cite %s with CITATION_SOURCE_INVALID', async (_name, kind) => {
    const { brief, consultation, author, token } = await setup();
    let citation: Record<string, string>;
    if (kind === 'deletedComment') {
      const proposal = await createProposal({
        consultationId: consultation.id,
        authorId: author.id,
      });
      const removed = await createCommentRow(proposal.id, author.id, 'Un avis retiré.', {
        deletedAt: new Date(),
      });
      citation = { commentId: removed.id };
    } else {
      const proposal = await createProposal({
        consultationId: kind === 'elsewhere' ? (await createConsultation()).id : consultation.id,
        authorId: author.id,
        status: kind === 'withdrawn' ? 'WITHDRAWN' : 'PUBLISHED',
      });
      if (kind === 'hidden') {
        await factoryPrisma().proposal.update({
          where: { id: proposal.id },
          data: { hiddenAt: new Date() },
        });
      }
      citation = { proposalId: proposal.id };
    }
    const result = await api.gql(
      UPDATE_BRIEF,
      {
        input: {
          briefId: brief.id,
          expectedRevision: 1,
          sections: [{ title: 'A', synthesis: '', citations: [citation] }],
        },
      },
      { token },
    );
    expect(firstError(result).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CITATION_SOURCE_INVALID',
    });
    expect(firstError(result).extensions?.fields?.map((f) => f.field)).toEqual([
      `sections.0.citations.0.${Object.keys(citation)[0]}`,
    ]);
    expect((await storedBrief(brief.id)).revision).toBe(1);
  });

  it('refuses to drop the consultation of a stored citation, naming the citation', async () => {
    const { brief, first, token } = await setup();
    dataOf(
      await api.gql(
        UPDATE_BRIEF,
        {
          input: {
            briefId: brief.id,
            expectedRevision: 1,
            sections: [{ title: 'A', synthesis: '', citations: [{ proposalId: first.id }] }],
          },
        },
        { token },
      ),
    );
    const elsewhere = await createConsultation();
    const result = await api.gql(
      UPDATE_BRIEF,
      { input: { briefId: brief.id, expectedRevision: 2, consultationIds: [elsewhere.id] } },
      { token },
    );
    expect(firstError(result).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CITATION_SOURCE_INVALID',
    });
    expect(firstError(result).extensions?.fields?.map((f) => f.field)).toEqual([
      'sections.0.citations.0.proposalId',
    ]);
    const moved = await api.gql<{ updateBrief: BriefView }>(
      UPDATE_BRIEF,
      {
        input: {
          briefId: brief.id,
          expectedRevision: 2,
          consultationIds: [elsewhere.id],
          sections: [],
        },
      },
      { token },
    );
    expect(dataOf(moved).updateBrief.consultations).toEqual([{ id: elsewhere.id }]);
  });

  it('refuses a citation naming both a proposal and a comment', async () => {
    const { brief, first, comment, token } = await setup();
    const result = await api.gql(
      UPDATE_BRIEF,
      {
        input: {
          briefId: brief.id,
          expectedRevision: 1,
          sections: [
            {
              title: 'A',
              synthesis: '',
              citations: [{ proposalId: first.id, commentId: comment.id }],
            },
          ],
        },
      },
      { token },
    );
    expect(firstError(result).extensions?.code).toBe('BAD_USER_INPUT');
    expect(firstError(result).extensions?.fields?.map((f) => f.field)).toEqual([
      'sections.0.citations.0.proposalId',
    ]);
  });

  it('lets exactly one of two concurrent edits from the same revision win; the other is BRIEF_STALE', async () => {
    const { brief, token } = await setup();
    const otherToken = await api.tokenFor(await createUser({ role: 'ADMIN' }));
    const edit = (title: string, as: string) =>
      api.gql<{ updateBrief: BriefView }>(
        UPDATE_BRIEF,
        {
          input: {
            briefId: brief.id,
            expectedRevision: 1,
            title,
            sections: [{ title: `Section de ${title}`, synthesis: title, citations: [] }],
          },
        },
        { token: as },
      );
    const results = await Promise.all([
      edit('Version de Camille', token),
      edit('Version de Sacha', otherToken),
    ]);
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(firstError(losers[0]).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'BRIEF_STALE',
    });
    const winner = dataOf(winners[0]).updateBrief;
    const stored = await storedBrief(brief.id);
    expect(stored.revision).toBe(2);
    expect(stored.title).toBe(winner.title);
    expect(stored.sections.map((s) => s.title)).toEqual([`Section de ${winner.title}`]);
  });

  it('refuses an edit from an old revision with BRIEF_STALE', async () => {
    const { brief, token } = await setup();
    dataOf(
      await api.gql(
        UPDATE_BRIEF,
        { input: { briefId: brief.id, expectedRevision: 1, title: 'Première version' } },
        { token },
      ),
    );
    const stale = await api.gql(
      UPDATE_BRIEF,
      { input: { briefId: brief.id, expectedRevision: 1, title: 'Version périmée' } },
      { token },
    );
    expect(firstError(stale).extensions).toMatchObject({ code: 'CONFLICT', reason: 'BRIEF_STALE' });
    expect((await storedBrief(brief.id)).title).toBe('Première version');
  });

  it('moves DRAFT → IN_REVIEW → DRAFT, refusing illegal moves with ILLEGAL_TRANSITION', async () => {
    const { brief: created, first, token } = await setup();
    const brief = dataOf(
      await api.gql<{ updateBrief: BriefView }>(
        UPDATE_BRIEF,
        {
          input: {
            briefId: created.id,
            expectedRevision: 1,
            sections: [
              {
                title: 'Lieux partagés',
                synthesis: 'Des **tiers-lieux** dans chaque canton [1].',
                citations: [{ proposalId: first.id }],
              },
            ],
          },
        },
        { token },
      ),
    ).updateBrief;
    expect(brief.revision).toBe(2);
    const move = (query: string, expectedRevision: number) =>
      api.gql<Record<string, { status: string; revision: number }>>(
        query,
        { input: { briefId: brief.id, expectedRevision } },
        { token },
      );
    expect(dataOf(await move(SUBMIT_BRIEF, 2)).submitBriefForReview).toMatchObject({
      status: 'IN_REVIEW',
      revision: 3,
    });
    expect(firstError(await move(SUBMIT_BRIEF, 3)).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ILLEGAL_TRANSITION',
    });
    expect(firstError(await move(RETURN_BRIEF, 2)).extensions?.reason).toBe('BRIEF_STALE');
    expect(dataOf(await move(RETURN_BRIEF, 3)).returnBriefToDraft).toMatchObject({
      status: 'DRAFT',
      revision: 4,
    });
    expect(firstError(await move(RETURN_BRIEF, 4)).extensions?.reason).toBe('ILLEGAL_TRANSITION');
    expect((await storedBrief(brief.id)).status).toBe('DRAFT');
  });

  it('sends an edited PUBLISHED brief back to DRAFT, keeping its published version number', async () => {
    const { brief, token } = await setup();
    await factoryPrisma().brief.update({
      where: { id: brief.id },
      data: { status: 'PUBLISHED', publishedVersion: 1 },
    });
    const edited = dataOf(
      await api.gql<{ updateBrief: BriefView }>(
        UPDATE_BRIEF,
        {
          input: { briefId: brief.id, expectedRevision: 1, introduction: 'Nouvelle introduction' },
        },
        { token },
      ),
    ).updateBrief;
    expect(edited).toMatchObject({ status: 'DRAFT', publishedVersion: 1, revision: 2 });
    expect(edited.introductionHtml).toBe('<p>Nouvelle introduction</p>');
  });

  it('reads a whole draft in a number of SQL statements that does not grow with its citations', async () => {
    const { brief, consultation, author, first, comment, token } = await setup();
    const small = await createBriefVia(api, token, [consultation.id]);
    const proposals = await Promise.all(
      Array.from({ length: 4 }, () =>
        createProposal({ consultationId: consultation.id, authorId: author.id }),
      ),
    );
    const sectionOf = (title: string, citations: Record<string, string>[]) => ({
      title,
      synthesis: 'Synthèse',
      citations,
    });
    const edit = (briefId: string, sections: unknown[]) =>
      api
        .gql(UPDATE_BRIEF, { input: { briefId, expectedRevision: 1, sections } }, { token })
        .then(dataOf);
    // Same shapes (a proposal and a comment citation), fewer of them.
    await edit(small.id, [
      sectionOf('Unique', [{ proposalId: first.id }, { commentId: comment.id }]),
    ]);
    await edit(
      brief.id,
      ['A', 'B', 'C'].map((title) =>
        sectionOf(title, [
          ...proposals.map((p) => ({ proposalId: p.id })),
          { commentId: comment.id },
        ]),
      ),
    );
    const read = (id: string) =>
      countSqlStatements(() => api.gql<{ briefDraft: BriefView }>(BRIEF_DRAFT, { id }, { token }));
    const few = await read(small.id);
    const many = await read(brief.id);
    expect(dataOf(many.result).briefDraft.sections.flatMap((s) => s.citations)).toHaveLength(15);
    expect(many.statements.length).toBe(few.statements.length);
  });

  it('lists working copies most recently updated first, filtered by status, and reads one draft', async () => {
    const { brief, consultation, token } = await setup();
    const later = await createBriefVia(api, token, [consultation.id]);
    dataOf(
      await api.gql(SUBMIT_BRIEF, { input: { briefId: brief.id, expectedRevision: 1 } }, { token }),
    );
    const all = dataOf(
      await api.gql<{ briefs: { id: string }[] }>(BRIEFS, {}, { token }),
    ).briefs.map((b) => b.id);
    expect(all.indexOf(brief.id)).toBeLessThan(all.indexOf(later.id));
    const inReview = dataOf(
      await api.gql<{ briefs: { id: string; status: string }[] }>(
        BRIEFS,
        { status: 'IN_REVIEW' },
        { token },
      ),
    ).briefs;
    expect(inReview.map((b) => b.id)).toContain(brief.id);
    expect(inReview.map((b) => b.id)).not.toContain(later.id);
    expect(inReview.every((b) => b.status === 'IN_REVIEW')).toBe(true);
    const draft = dataOf(
      await api.gql<{ briefDraft: BriefView }>(BRIEF_DRAFT, { id: later.id }, { token }),
    ).briefDraft;
    expect(draft.slug).toBe(later.slug);
    const missing = await api.gql(BRIEF_DRAFT, { id: NIL_UUID }, { token });
    expect(firstError(missing).extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'BRIEF_NOT_FOUND',
    });
  });
});
