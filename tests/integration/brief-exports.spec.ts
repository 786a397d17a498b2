// Exports of a published brief (Markdown, PDF, DOCX) downloaded over HTTP, read back (PDF text
// and links with pdf-parse 2, DOCX text and hyperlinks with mammoth) and compared with the database.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import mammoth from 'mammoth';
import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
  PHASES,
  uniqueKey,
} from '../factories';
import { createBriefVia, createCurator, SUBMIT_BRIEF, UPDATE_BRIEF } from './support/briefs';
import { castVote, voter } from './support/clusters';
import { dataOf, startTestApp, type TestApp } from './support/test-app';

const PUBLISH = `mutation ($input: BriefTransitionInput!) { publishBrief(input: $input) { slug publishedVersion } }`;
const HOST = 'contributions.passerelle.test';
const BASE = `http://${HOST}`;

const COLLEGES_FR: Record<string, string> = {
  CITIZEN: 'Citoyen ou citoyenne',
  ASSOCIATION: 'Association',
  ESS_ENTERPRISE: 'Entreprise de l’ESS (coopérative, mutuelle, SCOP, SCIC…)',
  SME: 'TPE ou PME',
  PTCE: 'Pôle territorial de coopération économique (PTCE)',
};

interface Download {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

interface Figures {
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  colleges: { actorType: string; votesFor: number; votesAgainst: number; votesNeutral: number }[];
}
interface StoredSnapshot {
  title: string;
  sections: {
    title: string;
    citations: {
      proposalId: string | null;
      commentId: string | null;
      sourceProposalId: string;
      proposalTitle: string;
      quote: string | null;
      figures: Figures | null;
    }[];
  }[];
  proposals: {
    id: string;
    title: string;
    territoryName: string;
    authorActorType: string;
    figures: Figures;
    provenance?: { consultationTitle: string };
  }[];
}

const figuresLine = (f: { votesFor: number; votesAgainst: number; votesNeutral: number }) =>
  `${f.votesFor} pour, ${f.votesAgainst} contre, ${f.votesNeutral} neutre`;

/**
 * Whitespace (including no-break spaces and tabs) collapsed to one space; a line broken after a
 * hyphen (long titles and URLs in the PDF) joined again.
 */
const flat = (text: string) =>
  text
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/- /g, '-')
    .trim();

/**
 * PDF text and link targets, read with pdf-parse 2 in a child Node process: pdf.js sets up its
 * worker with a dynamic import(), which Jest's module sandbox cannot run.
 */
const PDF_READER = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const text = await parser.getText();
  const info = await parser.getInfo({ parsePageInfo: true });
  await parser.destroy();
  process.stdout.write(JSON.stringify({
    text: text.text,
    links: info.pages.flatMap((page) => page.links.map((link) => link.url)),
    pages: info.total,
  }));
});`;

function pdfText(body: Buffer): Promise<{ text: string; links: string[]; pages: number }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', PDF_READER],
      { cwd: path.join(__dirname, '../..'), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`pdf-parse failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout) as { text: string; links: string[]; pages: number });
      },
    );
    child.stdin?.end(body);
  });
}

async function docxText(body: Buffer): Promise<{ text: string; html: string }> {
  const [raw, html] = await Promise.all([
    mammoth.extractRawText({ buffer: body }),
    mammoth.convertToHtml({ buffer: body }),
  ]);
  return { text: raw.value, html: html.value };
}

describe('brief exports: GET /api/briefs/:slug/export.(md|pdf|docx)', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  async function download(path: string, lang?: string): Promise<Download> {
    let request = api.http
      .get(path)
      .set('Host', HOST)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    if (lang) request = request.set('Accept-Language', lang);
    const response = await request;
    return {
      status: response.status,
      headers: response.headers as Record<string, string>,
      body: response.body as Buffer,
    };
  }

  const json = (download: Download) =>
    JSON.parse(download.body.toString('utf8')) as {
      error: { code: string; reason: string; message: string; requestId?: string };
    };

  /**
   * Two proposals with votes from several collèges, a comment, and a brief citing them written
   * and published through the API (every synthesis paragraph carries its source markers).
   */
  async function publishedFixture() {
    const key = uniqueKey('export');
    const consultation = await createConsultation({ phases: PHASES.proposingClosed() });
    const authorA = await createUser({ actorType: 'ASSOCIATION' });
    const authorB = await createUser({ actorType: 'PTCE' });
    const a = await createProposal({
      consultationId: consultation.id,
      authorId: authorA.id,
      title: `Une tarification « solidaire » de l’énergie citoyenne ${key}`,
    });
    const b = await createProposal({
      consultationId: consultation.id,
      authorId: authorB.id,
      title: `Des marchés de producteurs en circuits courts ${key}`,
    });
    const citizen = await voter(api, 'CITIZEN');
    const association = await voter(api, 'ASSOCIATION');
    const sme = await voter(api, 'SME');
    await castVote(api, citizen.token, a.id, 'FOR');
    await castVote(api, association.token, a.id, 'FOR');
    await castVote(api, sme.token, a.id, 'AGAINST');
    await castVote(api, citizen.token, b.id, 'NEUTRAL');
    await castVote(api, sme.token, b.id, 'FOR');
    const comment = await factoryPrisma().comment.create({
      data: {
        proposalId: b.id,
        authorId: authorA.id,
        body: 'Les SCIC alimentaires œuvrent déjà ainsi dans notre PTCE.',
      },
    });

    const curator = await createCurator();
    const token = await api.tokenFor(curator);
    const brief = await createBriefVia(api, token, [consultation.id], {
      title: `Contribution « énergie et alimentation » ${key}`,
      introduction: 'Une contribution **nationale** issue des territoires.',
    });
    const updated = dataOf(
      await api.gql<{ updateBrief: { revision: number } }>(
        UPDATE_BRIEF,
        {
          input: {
            briefId: brief.id,
            expectedRevision: brief.revision,
            sections: [
              {
                title: 'Énergie citoyenne',
                synthesis:
                  'Les participants demandent une **tarification solidaire** [1].\n\nLes SCIC œuvrent déjà ainsi [2].',
                dissentNote: 'Certains craignent un coût pour les collectivités.',
                citations: [
                  { proposalId: a.id, quote: 'tarification' },
                  { commentId: comment.id, quote: 'SCIC alimentaires' },
                ],
              },
              {
                title: 'Circuits courts',
                synthesis: 'Des marchés de producteurs, avec une énergie partagée [1] [2].',
                citations: [{ proposalId: b.id }, { proposalId: a.id }],
              },
            ],
          },
        },
        { token },
      ),
    ).updateBrief;
    const submitted = dataOf(
      await api.gql<{ submitBriefForReview: { revision: number } }>(
        SUBMIT_BRIEF,
        { input: { briefId: brief.id, expectedRevision: updated.revision } },
        { token },
      ),
    ).submitBriefForReview;
    dataOf(
      await api.gql(
        PUBLISH,
        { input: { briefId: brief.id, expectedRevision: submitted.revision } },
        { token },
      ),
    );
    const version = await factoryPrisma().briefVersion.findUniqueOrThrow({
      where: { briefId_number: { briefId: brief.id, number: 1 } },
    });
    return {
      slug: brief.slug,
      a,
      b,
      comment,
      sme,
      snapshot: version.snapshot as unknown as StoredSnapshot,
    };
  }

  let fixture: Awaited<ReturnType<typeof publishedFixture>>;
  beforeAll(async () => {
    fixture = await publishedFixture();
  });

  /** What every export must say, read from the database: the stored snapshot and the proposals. */
  async function expected() {
    const { snapshot, a, b, comment } = fixture;
    const proposals = await factoryPrisma().proposal.findMany({
      where: { id: { in: [a.id, b.id] } },
      include: { territory: true, author: true },
    });
    const url = (id: string) => `${BASE}/propositions/${id}`;
    return {
      title: snapshot.title,
      sections: snapshot.sections.map(
        (section, index) => `Section ${index + 1} — ${section.title}`,
      ),
      links: [url(a.id), `${url(b.id)}#commentaire-${comment.id}`, url(b.id)],
      sources: snapshot.sections.flatMap((section) =>
        section.citations.map((citation) => ({
          label: citation.proposalId
            ? `Proposition : ${citation.proposalTitle}`
            : `Commentaire sur la proposition : ${citation.proposalTitle}`,
          quote: citation.quote,
          figures: citation.figures
            ? [
                `Votes à la publication : ${figuresLine(citation.figures)}`,
                ...citation.figures.colleges.map(
                  (college) => `${COLLEGES_FR[college.actorType]} : ${figuresLine(college)}`,
                ),
              ]
            : [],
        })),
      ),
      annex: snapshot.proposals.map((cited) => {
        const row = proposals.find((proposal) => proposal.id === cited.id);
        // The snapshot holds what the database held at publication.
        expect(cited.title).toBe(row?.title);
        expect(cited.territoryName).toBe(row?.territory.name);
        expect(cited.authorActorType).toBe(row?.author.actorType);
        return {
          title: cited.title,
          territory: cited.territoryName,
          // Issue 10: where the proposal was made (these come from a national consultation).
          provenance: `Consultation nationale « ${cited.provenance?.consultationTitle} »`,
          college: COLLEGES_FR[cited.authorActorType] as string,
          figures: [cited.figures.votesFor, cited.figures.votesAgainst, cited.figures.votesNeutral],
          url: url(cited.id),
        };
      }),
    };
  }

  it('freezes the vote figures the exports show: those of the database at publication', async () => {
    const { snapshot, a, b } = fixture;
    expect(
      snapshot.proposals.map((p) => [
        p.id,
        p.figures.votesFor,
        p.figures.votesAgainst,
        p.figures.votesNeutral,
      ]),
    ).toEqual([
      [a.id, 2, 1, 0],
      [b.id, 1, 0, 1],
    ]);
    const colleges = await factoryPrisma().proposalCollegeCount.findMany({
      where: { proposalId: a.id },
    });
    for (const college of snapshot.proposals[0]?.figures.colleges ?? []) {
      const row = colleges.find((c) => c.actorType === college.actorType);
      expect([row?.votesFor, row?.votesAgainst, row?.votesNeutral]).toEqual([
        college.votesFor,
        college.votesAgainst,
        college.votesNeutral,
      ]);
    }
  });

  it('Markdown: title, sections, linked source markers, sources with figures, annex table', async () => {
    const file = await download(`/api/briefs/${fixture.slug}/export.md`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="${fixture.slug}-v1.md"`,
    );
    expect(Number(file.headers['content-length'])).toBe(file.body.length);
    expect(file.headers['cache-control']).toBe('no-cache');
    const markdown = file.body.toString('utf8');
    const want = await expected();

    expect(markdown.startsWith(`# ${want.title}\n`)).toBe(true);
    expect(markdown).toContain('Version 1 — publiée le ');
    expect(markdown).toContain(`<${BASE}/contributions/${fixture.slug}/versions/1>`);
    expect(markdown).toContain('Une contribution **nationale** issue des territoires.');
    for (const heading of want.sections) expect(markdown).toContain(`## ${heading}`);
    // Each [n] marker links to the n-th source of its section.
    expect(markdown).toContain(
      `Les participants demandent une **tarification solidaire** [\\[1\\]](${want.links[0]}).`,
    );
    expect(markdown).toContain(`Les SCIC œuvrent déjà ainsi [\\[2\\]](${want.links[1]}).`);
    expect(markdown).toContain(
      `avec une énergie partagée [\\[1\\]](${want.links[2]}) [\\[2\\]](${want.links[0]}).`,
    );
    for (const source of want.sources) {
      expect(markdown).toContain(source.label);
      if (source.quote) expect(markdown).toContain(`> « ${source.quote} »`);
      for (const line of source.figures) expect(markdown).toContain(`   - ${line}\n`);
    }
    expect(markdown).toContain(
      '### Avis divergents\n\nCertains craignent un coût pour les collectivités.',
    );
    for (const row of want.annex) {
      expect(markdown).toContain(
        `| ${row.title} | ${row.territory} | ${row.provenance} | ${row.college} | ${row.figures.join(' | ')} | <${row.url}> |`,
      );
    }
  });

  it('PDF: the same text and figures, clickable source links, page numbers, French characters kept', async () => {
    const file = await download(`/api/briefs/${fixture.slug}/export.pdf`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="${fixture.slug}-v1.pdf"`,
    );
    expect(Number(file.headers['content-length'])).toBe(file.body.length);
    expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await pdfText(file.body);
    const text = flat(pdf.text);
    const want = await expected();

    expect(text).toContain(flat(want.title)); // « » kept
    expect(text).toContain('Version 1 — publiée le');
    expect(text).toContain('Les SCIC œuvrent déjà ainsi [2].');
    for (const heading of want.sections) expect(text).toContain(heading);
    for (const source of want.sources) {
      expect(text).toContain(flat(source.label));
      if (source.quote) expect(text).toContain(`« ${source.quote} »`);
      for (const line of source.figures) expect(text).toContain(flat(line));
    }
    expect(text).toContain('Certains craignent un coût pour les collectivités.');
    expect(text).toContain('Annexe : propositions citées');
    for (const row of want.annex) {
      expect(text).toContain(row.territory);
      expect(text).toContain(row.college);
    }
    // Each annex row, cell after cell.
    for (const row of want.annex) {
      // The provenance cell wraps: only its first words are read in one piece.
      expect(text).toContain(flat(`${row.title} ${row.territory} Consultation nationale «`));
      expect(text).toContain(flat(`${row.college} ${row.figures.join(' ')} Ouvrir`));
    }
    for (const link of want.links) expect(pdf.links).toContain(link);
    for (const row of want.annex) expect(pdf.links).toContain(row.url);
    expect(text).toContain(`Page 1 / ${pdf.pages}`);
  });

  it('DOCX: the same text and figures, hyperlinks on markers and sources, the annex as a table', async () => {
    const file = await download(`/api/briefs/${fixture.slug}/export.docx`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="${fixture.slug}-v1.docx"`,
    );
    expect(Number(file.headers['content-length'])).toBe(file.body.length);
    const docx = await docxText(file.body);
    const text = flat(docx.text);
    const want = await expected();

    expect(text).toContain(want.title);
    for (const heading of want.sections) expect(docx.html).toContain(`<h1>${heading}</h1>`);
    expect(docx.html).toContain(`<a href="${want.links[0]}">[1]</a>`);
    expect(docx.html).toContain(`<a href="${want.links[1]}">[2]</a>`);
    for (const source of want.sources) {
      expect(text).toContain(source.label);
      if (source.quote) expect(text).toContain(`« ${source.quote} »`);
      for (const line of source.figures) expect(text).toContain(line);
    }
    expect(docx.html).toContain('<table>');
    for (const row of want.annex) {
      expect(docx.html).toContain(
        `<td><p><a href="${row.url}">${row.title.replace(/</g, '&lt;')}</a></p></td><td><p>${row.territory}</p></td><td><p>${row.provenance}</p></td><td><p>${row.college}</p></td>` +
          row.figures.map((n) => `<td><p>${n}</p></td>`).join(''),
      );
    }
  });

  it('votes cast after publication leave version 1’s exports unchanged', async () => {
    const { slug, a, sme } = fixture;
    const before = {
      md: (await download(`/api/briefs/${slug}/export.md?version=1`)).body.toString('utf8'),
      pdf: (await pdfText((await download(`/api/briefs/${slug}/export.pdf?version=1`)).body)).text,
      docx: (await docxText((await download(`/api/briefs/${slug}/export.docx?version=1`)).body))
        .html,
    };
    // A RETAINED proposal is closed to votes: reopen it so its live counters can move.
    await factoryPrisma().proposal.update({ where: { id: a.id }, data: { status: 'PUBLISHED' } });
    await castVote(api, sme.token, a.id, 'FOR');
    await castVote(api, (await voter(api, 'SME')).token, a.id, 'NEUTRAL');
    const live = await factoryPrisma().proposal.findUniqueOrThrow({ where: { id: a.id } });
    expect([live.votesFor, live.votesAgainst, live.votesNeutral]).toEqual([3, 0, 1]);

    const md = await download(`/api/briefs/${slug}/export.md?version=1`);
    expect(md.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(md.body.toString('utf8')).toBe(before.md);
    expect(md.body.toString('utf8')).toContain(
      'Votes à la publication : 2 pour, 1 contre, 0 neutre',
    );
    expect(
      (await pdfText((await download(`/api/briefs/${slug}/export.pdf?version=1`)).body)).text,
    ).toBe(before.pdf);
    expect(
      (await docxText((await download(`/api/briefs/${slug}/export.docx?version=1`)).body)).html,
    ).toBe(before.docx);
  });

  describe('errors', () => {
    it('an unknown slug is 404 BRIEF_NOT_FOUND, in the asked language', async () => {
      const file = await download('/api/briefs/jamais-publiee/export.pdf');
      expect(file.status).toBe(404);
      expect(file.headers['content-type']).toMatch(/^application\/json/);
      expect(json(file)).toEqual({
        error: {
          code: 'NOT_FOUND',
          reason: 'BRIEF_NOT_FOUND',
          message: "Cette contribution nationale n'existe pas ou n'est pas encore publiée.",
          requestId: file.headers['x-request-id'],
        },
      });
      const english = await download('/api/briefs/jamais-publiee/export.pdf', 'en');
      expect(json(english).error.message).toBe(
        'This national contribution does not exist or is not published yet.',
      );
    });

    it('a brief never published is 404 BRIEF_NOT_FOUND', async () => {
      const curator = await createCurator();
      const consultation = await createConsultation({ phases: PHASES.proposingClosed() });
      const draft = await createBriefVia(api, await api.tokenFor(curator), [consultation.id]);
      const file = await download(`/api/briefs/${draft.slug}/export.md`);
      expect(file.status).toBe(404);
      expect(json(file).error.reason).toBe('BRIEF_NOT_FOUND');
    });

    it.each(['2', '0', 'abc', '1.5'])(
      '?version=%s is 404 BRIEF_VERSION_NOT_FOUND',
      async (version) => {
        const file = await download(`/api/briefs/${fixture.slug}/export.docx?version=${version}`);
        expect(file.status).toBe(404);
        expect(json(file).error).toMatchObject({
          code: 'NOT_FOUND',
          reason: 'BRIEF_VERSION_NOT_FOUND',
          message:
            "Cette version de la contribution n'existe pas : choisissez une version publiée.",
        });
      },
    );

    it('an unknown format is 400, naming md, pdf and docx', async () => {
      const file = await download(`/api/briefs/${fixture.slug}/export.xlsx`);
      expect(file.status).toBe(400);
      expect(json(file).error).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'BRIEF_EXPORT_FORMAT_INVALID',
        message: 'Format d’export inconnu « xlsx » : choisissez md (Markdown), pdf ou docx (Word).',
      });
    });
  });

  it('writes links on PUBLIC_URL when it is configured', async () => {
    const configured = await startTestApp({ PUBLIC_URL: 'https://passerelle.example.fr/' });
    try {
      const response = await configured.http
        .get(`/api/briefs/${fixture.slug}/export.md`)
        .set('Host', HOST);
      expect(response.status).toBe(200);
      expect(response.text).toContain(
        `(https://passerelle.example.fr/propositions/${fixture.a.id})`,
      );
      expect(response.text).not.toContain(BASE);
    } finally {
      await configured.close();
    }
  });
});
