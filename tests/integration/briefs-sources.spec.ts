// Every synthesis paragraph links to its sources: markers `[n]` rendered as links to the
// section's citations, checked on every edit, and required on every paragraph before review and
// publication.
import {
  closeFactories,
  createBrief,
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
} from '../factories';
import {
  type BriefView,
  createBriefVia,
  createCommentRow,
  createCurator,
  SUBMIT_BRIEF,
  UPDATE_BRIEF,
} from './support/briefs';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

const PUBLISH = `mutation ($input: BriefTransitionInput!) {
  publishBrief(input: $input) { id publishedVersion currentVersion { number sections { position synthesisHtml } } }
}`;
const PUBLISHED = `query ($slug: String!) {
  publishedBrief(slug: $slug) { currentVersion { sections { position synthesisHtml } } }
}`;

interface PublishedSections {
  sections: { position: number; synthesisHtml: string }[];
}

/** What the API writes for a title inside an attribute. */
const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const sourceRef = (n: number, href: string, title: string) =>
  `<sup class="source-ref"><a href="${href}" title="${escapeAttribute(title)}">[${n}]</a></sup>`;

describe('brief sources: markers link every synthesis paragraph to its citations', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  /** A consultation with two proposals (one title with quotes and <), a comment, a fresh brief. */
  async function setup() {
    const consultation = await createConsultation();
    const author = await createUser();
    const amap = await createProposal({
      consultationId: consultation.id,
      authorId: author.id,
      title: 'Des « AMAP » & des "paniers" <solidaires> dans chaque commune',
    });
    const scic = await createProposal({
      consultationId: consultation.id,
      authorId: author.id,
      title: 'Une SCIC d’énergie citoyenne par bassin de vie',
    });
    const comment = await createCommentRow(
      scic.id,
      (await createUser()).id,
      'Avec les collectivités au capital, comme dans le Mené.',
    );
    const curator = await createCurator();
    const token = await api.tokenFor(curator);
    const brief = await createBriefVia(api, token, [consultation.id]);
    return { consultation, author, amap, scic, comment, curator, token, brief };
  }

  const update = (token: string, input: Record<string, unknown>) =>
    api.gql<{ updateBrief: BriefView }>(UPDATE_BRIEF, { input }, { token });
  const submit = (token: string, briefId: string, expectedRevision: number) =>
    api.gql<{ submitBriefForReview: { status: string; revision: number } }>(
      SUBMIT_BRIEF,
      { input: { briefId, expectedRevision } },
      { token },
    );
  const publish = (token: string, briefId: string, expectedRevision: number) =>
    api.gql<{
      publishBrief: {
        publishedVersion: number;
        currentVersion: { number: number } & PublishedSections;
      };
    }>(PUBLISH, { input: { briefId, expectedRevision } }, { token });
  const stored = (id: string) =>
    factoryPrisma().brief.findUniqueOrThrow({
      where: { id },
      include: { sections: { orderBy: { position: 'asc' }, include: { citations: true } } },
    });

  it('renders each marker as a link to the cited proposal or comment, in the draft and in the published version', async () => {
    const { amap, scic, comment, brief, token } = await setup();
    const sections = [
      {
        title: 'Circuits courts',
        synthesis:
          'Les participants demandent des **paniers solidaires** [1] et une énergie locale [2].\n\n' +
          'Les collectivités entrent au capital [3], voir [le guide](https://www.ess-france.org) [1].',
        citations: [
          { proposalId: amap.id },
          { proposalId: scic.id },
          { commentId: comment.id, quote: 'collectivités au capital' },
        ],
      },
    ];
    const draft = dataOf(
      await update(token, { briefId: brief.id, expectedRevision: 1, sections }),
    ).updateBrief;
    const amapRef = sourceRef(1, `/propositions/${amap.id}`, amap.title);
    const expected =
      `<p>Les participants demandent des <strong>paniers solidaires</strong> ${amapRef} ` +
      `et une énergie locale ${sourceRef(2, `/propositions/${scic.id}`, scic.title)}.</p>\n` +
      `<p>Les collectivités entrent au capital ` +
      `${sourceRef(3, `/propositions/${scic.id}#commentaire-${comment.id}`, scic.title)}, voir ` +
      `<a href="https://www.ess-france.org" rel="nofollow ugc noopener">le guide</a> ${amapRef}.</p>`;
    expect(draft.sections[0].synthesisHtml).toBe(expected);
    // The title is escaped inside the attribute, never markup.
    expect(draft.sections[0].synthesisHtml).toContain('&quot;paniers&quot; &lt;solidaires&gt;');
    expect(draft.sections[0].synthesis).toBe(sections[0].synthesis);

    const inReview = dataOf(await submit(token, brief.id, draft.revision)).submitBriefForReview;
    expect(inReview.status).toBe('IN_REVIEW');
    const published = dataOf(await publish(token, brief.id, inReview.revision)).publishBrief;
    expect(published.publishedVersion).toBe(1);
    expect(published.currentVersion.sections[0].synthesisHtml).toBe(expected);

    // The public reading comes from the frozen snapshot.
    const read = dataOf(
      await api.gql<{ publishedBrief: { currentVersion: PublishedSections } }>(PUBLISHED, {
        slug: brief.slug,
      }),
    ).publishedBrief.currentVersion;
    expect(read.sections[0].synthesisHtml).toBe(expected);
    const version = await factoryPrisma().briefVersion.findFirstOrThrow({
      where: { briefId: brief.id, number: 1 },
    });
    expect(
      (version.snapshot as unknown as { sections: { synthesisHtml: string }[] }).sections[0]
        .synthesisHtml,
    ).toBe(expected);
  });

  it('refuses a marker naming no citation on updateBrief, naming the marker and the section, and writes nothing', async () => {
    const { amap, scic, brief, token } = await setup();
    const valid = dataOf(
      await update(token, {
        briefId: brief.id,
        expectedRevision: 1,
        sections: [
          {
            title: 'Énergie',
            synthesis: 'Une SCIC par bassin [1].',
            citations: [{ proposalId: scic.id }],
          },
        ],
      }),
    ).updateBrief;
    expect(valid.revision).toBe(2);

    const result = await update(token, {
      briefId: brief.id,
      expectedRevision: 2,
      title: 'Ne doit pas être enregistré',
      sections: [
        {
          title: 'Énergie',
          synthesis: 'Une SCIC par bassin [1].',
          citations: [{ proposalId: scic.id }],
        },
        {
          title: 'Circuits courts',
          synthesis: 'Des paniers solidaires [1], des AMAP [3].',
          citations: [{ proposalId: amap.id }, { proposalId: scic.id }],
        },
      ],
    });
    const error = firstError(result);
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SOURCE_MARKER_INVALID',
      marker: 3,
      section: 'Circuits courts',
      count: 2,
    });
    expect(error.message).toBe(
      'Le renvoi [3] de la section « Circuits courts » ne correspond à aucune source : ' +
        'cette section cite 2 source(s), numérotées de 1 à 2.',
    );
    expect(error.extensions?.fields).toEqual([
      { field: 'sections.1.synthesis', rule: 'sourceMarkers', message: error.message },
    ]);
    expect(result.data?.updateBrief ?? null).toBeNull();

    const after = await stored(brief.id);
    expect(after.revision).toBe(2);
    expect(after.title).toBe(brief.title);
    expect(after.sections.map((s) => [s.title, s.synthesis, s.citations.length])).toEqual([
      ['Énergie', 'Une SCIC par bassin [1].', 1],
    ]);

    // In English too.
    const english = firstError(
      await api.gql(
        UPDATE_BRIEF,
        {
          input: {
            briefId: brief.id,
            expectedRevision: 2,
            sections: [
              {
                title: 'Mobilités',
                synthesis: 'Covoiturage [2].',
                citations: [{ proposalId: amap.id }],
              },
            ],
          },
        },
        { token, lang: 'en' },
      ),
    );
    expect(english.message).toBe(
      'Reference [2] in section “Mobilités” matches no source: this section cites 1 source(s), numbered 1 to 1.',
    );
    expect((await stored(brief.id)).revision).toBe(2);
  });

  it('submitBriefForReview refuses a paragraph without a marker, naming it and its section', async () => {
    const { amap, brief, token } = await setup();
    const edited = dataOf(
      await update(token, {
        briefId: brief.id,
        expectedRevision: 1,
        sections: [
          {
            title: 'Circuits courts',
            synthesis: 'Des paniers solidaires [1].\n\nEt des marchés de producteurs, sans source.',
            citations: [{ proposalId: amap.id }],
          },
        ],
      }),
    ).updateBrief;
    const error = firstError(await submit(token, brief.id, edited.revision));
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNSOURCED_PARAGRAPH',
      paragraph: 2,
      section: 'Circuits courts',
    });
    expect(error.message).toBe(
      'Le paragraphe 2 de la section « Circuits courts » ne renvoie à aucune source : ' +
        'ajoutez un renvoi [n] vers une source citée.',
    );
    expect(error.extensions?.fields?.map((f) => [f.field, f.rule])).toEqual([
      ['sections.0.synthesis', 'sourcedParagraphs'],
    ]);
    const after = await stored(brief.id);
    expect([after.status, after.revision]).toEqual(['DRAFT', edited.revision]);
  });

  it('submitBriefForReview refuses a synthesis in a section that cites nothing', async () => {
    const { brief, token } = await setup();
    const edited = dataOf(
      await update(token, {
        briefId: brief.id,
        expectedRevision: 1,
        sections: [{ title: 'Mobilités', synthesis: 'Du covoiturage rural.', citations: [] }],
      }),
    ).updateBrief;
    expect(firstError(await submit(token, brief.id, edited.revision)).extensions).toMatchObject({
      reason: 'UNSOURCED_PARAGRAPH',
      paragraph: 1,
      section: 'Mobilités',
    });
    expect((await stored(brief.id)).status).toBe('DRAFT');
  });

  it('publishBrief refuses an unsourced paragraph and leaves everything unchanged', async () => {
    const { consultation, amap, scic, curator, token } = await setup();
    // Written directly: a brief IN_REVIEW whose second section lost its markers.
    const brief = await createBrief({
      createdById: curator.id,
      consultationIds: [consultation.id],
      status: 'IN_REVIEW',
      sections: [
        {
          title: 'Circuits courts',
          synthesis: 'Des paniers [1].',
          citations: [{ proposalId: amap.id }],
        },
        {
          title: 'Énergie',
          synthesis: '## Constat\n\nUne SCIC par bassin [1].\n\nDes toits solaires partagés.',
          citations: [{ proposalId: scic.id }],
        },
      ],
    });
    const error = firstError(await publish(token, brief.id, brief.revision));
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNSOURCED_PARAGRAPH',
      paragraph: 3,
      section: 'Énergie',
    });
    expect(error.extensions?.fields?.map((f) => f.field)).toEqual(['sections.1.synthesis']);

    const prisma = factoryPrisma();
    const after = await prisma.brief.findUniqueOrThrow({ where: { id: brief.id } });
    expect([after.status, after.revision, after.publishedVersion]).toEqual([
      'IN_REVIEW',
      brief.revision,
      null,
    ]);
    expect(await prisma.briefVersion.count({ where: { briefId: brief.id } })).toBe(0);
    const proposals = await prisma.proposal.findMany({ where: { id: { in: [amap.id, scic.id] } } });
    expect(proposals.map((p) => p.status)).toEqual(['PUBLISHED', 'PUBLISHED']);
    expect(
      await prisma.proposalStatusChange.count({
        where: { proposalId: { in: [amap.id, scic.id] } },
      }),
    ).toBe(0);
    expect(
      await prisma.notification.count({
        where: { kind: 'PROPOSAL_CITED', payload: { path: ['briefSlug'], equals: brief.slug } },
      }),
    ).toBe(0);
    expect(await prisma.auditLogEntry.count({ where: { targetId: brief.id } })).toBe(0);
  });

  it('needs no marker on headings: a brief with sourced paragraphs under headings goes to review and is published', async () => {
    const { amap, scic, brief, token } = await setup();
    const edited = dataOf(
      await update(token, {
        briefId: brief.id,
        expectedRevision: 1,
        sections: [
          {
            title: 'Circuits courts',
            synthesis: '## Constat\n\nDes paniers solidaires [1].\n\n### Pistes\n\nUne SCIC [2].',
            citations: [{ proposalId: amap.id }, { proposalId: scic.id }],
          },
          // A section without synthesis needs no source either.
          { title: 'À compléter', synthesis: '', citations: [] },
        ],
      }),
    ).updateBrief;
    expect(edited.sections[0].synthesisHtml).toMatch(/^<h3>Constat<\/h3>\n<p>Des paniers/);
    const inReview = dataOf(await submit(token, brief.id, edited.revision)).submitBriefForReview;
    expect(inReview.status).toBe('IN_REVIEW');
    const published = dataOf(await publish(token, brief.id, inReview.revision)).publishBrief;
    expect(published.publishedVersion).toBe(1);
    expect(published.currentVersion.sections[0].synthesisHtml).toContain(
      `<h4>Pistes</h4>\n<p>Une SCIC ${sourceRef(2, `/propositions/${scic.id}`, scic.title)}.</p>`,
    );
  });
});
