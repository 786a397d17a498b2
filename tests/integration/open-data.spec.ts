import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ActorType } from '@passerelle/domain';
import {
  closeFactories,
  createConsultation,
  createOrganisation,
  createProposal,
  createUser,
  type CreatedUser,
  factoryPrisma,
  referenceThemes,
  TERRITORIES,
  uniqueKey,
} from '../factories';
import {
  OPEN_DATA_BATCH_SIZE,
  OpenDataRepository,
} from '../../apps/api/src/modules/open-data/open-data.repository';
import { present, startTestApp, type TestApp } from './support/test-app';

const BOM = '\uFEFF';
const ACTOR_TYPES = Object.values(ActorType);

/** A small RFC 4180 parser (comma, double-quote escaping, CRLF records), independent of the API's encoder. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let isQuoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (isQuoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') isQuoted = false;
      else field += char;
    } else if (char === '"') isQuoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += char;
  }
  if (field !== '' || record.length > 0) throw new Error('CSV does not end with CRLF');
  return records;
}

/** Parsed records as objects keyed by the header row. */
function csvObjects(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...records] = parseCsv(text);
  for (const record of records) expect(record).toHaveLength(header.length);
  return {
    header,
    rows: records.map((record) => Object.fromEntries(header.map((name, i) => [name, record[i]]))),
  };
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  bytes: Buffer;
  text: string;
}

describe('open data exports', () => {
  let api: TestApp;

  /** GET with the body as raw bytes (so the BOM is seen as sent). */
  async function fetchRaw(url: string, lang?: string): Promise<RawResponse> {
    let request = api.http.get(url);
    if (lang) request = request.set('Accept-Language', lang);
    const response = await request.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    const bytes = response.body as Buffer;
    return {
      status: response.status,
      headers: response.headers as Record<string, string>,
      bytes,
      text: bytes.toString('utf8'),
    };
  }

  const TRICKY_TITLE = '=HYPERLINK("http://x"), vélos "partagés"\net bus';
  let slug: string;
  let users: CreatedUser[];
  let organisationName: string;
  let visible: { id: string; title: string };
  let merged: { id: string };
  let excludedProposalIds: string[];
  let comment: { id: string };
  let reply: { id: string };
  let excludedCommentIds: string[];
  let themeSlugs: string[];

  beforeAll(async () => {
    api = await startTestApp();
    const prisma = factoryPrisma();
    const themes = await referenceThemes();
    themeSlugs = [themes[0].slug, themes[1].slug];
    const consultation = await createConsultation({
      themeIds: themes.slice(0, 2).map((t) => t.id),
    });
    slug = consultation.slug;
    const citizen = await createUser({ actorType: 'CITIZEN' });
    const member = await createUser({ actorType: 'ASSOCIATION' });
    const voter = await createUser({ actorType: 'SME' });
    users = [citizen, member, voter];
    const organisation = await createOrganisation({
      actorType: 'ASSOCIATION',
      memberIds: [member.id],
    });
    organisationName = organisation.name;

    visible = await createProposal({
      consultationId: consultation.id,
      authorId: member.id,
      organisationId: organisation.id,
      title: TRICKY_TITLE,
      territoryId: TERRITORIES.saintEtienne,
      themeIds: themes.slice(0, 2).map((t) => t.id),
    });
    await prisma.proposal.update({
      where: { id: visible.id },
      data: { votesFor: 2, votesAgainst: 1, votesNeutral: 1, commentsCount: 2 },
    });
    await prisma.proposalCollegeCount.createMany({
      data: [
        { proposalId: visible.id, actorType: 'SME', votesFor: 1, votesAgainst: 1, votesNeutral: 0 },
        {
          proposalId: visible.id,
          actorType: 'CITIZEN',
          votesFor: 1,
          votesAgainst: 0,
          votesNeutral: 1,
        },
      ],
    });
    await prisma.vote.create({
      data: { proposalId: visible.id, userId: voter.id, value: 'FOR', actorType: 'SME' },
    });
    merged = await createProposal({
      consultationId: consultation.id,
      authorId: citizen.id,
      status: 'MERGED',
    });
    const hidden = await createProposal({ consultationId: consultation.id, authorId: citizen.id });
    await prisma.proposal.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    const held = await createProposal({ consultationId: consultation.id, authorId: citizen.id });
    await prisma.proposal.update({
      where: { id: held.id },
      data: { hiddenAt: new Date(), awaitingReview: true },
    });
    const draft = await createProposal({
      consultationId: consultation.id,
      authorId: citizen.id,
      status: 'DRAFT',
    });
    const withdrawn = await createProposal({
      consultationId: consultation.id,
      authorId: citizen.id,
      status: 'WITHDRAWN',
    });
    excludedProposalIds = [hidden.id, held.id, draft.id, withdrawn.id];

    const commentOf = (data: {
      proposalId: string;
      authorId: string;
      body: string;
      parentId?: string;
      stance?: 'FOR' | 'AGAINST' | 'NEUTRAL' | 'NONE';
      upvotes?: number;
      deletedAt?: Date;
      hiddenAt?: Date;
      awaitingReview?: boolean;
    }) => prisma.comment.create({ data: { bodyHtml: '<p>x</p>', ...data } });
    comment = await commentOf({
      proposalId: visible.id,
      authorId: citizen.id,
      body: '+1, je soutiens "vraiment"\nmais…',
      stance: 'FOR',
      upvotes: 3,
    });
    reply = await commentOf({
      proposalId: visible.id,
      authorId: member.id,
      parentId: comment.id,
      body: 'Merci pour ce retour.',
    });
    const deleted = await commentOf({
      proposalId: visible.id,
      authorId: citizen.id,
      body: 'supprimé',
      deletedAt: new Date(),
    });
    const hiddenComment = await commentOf({
      proposalId: visible.id,
      authorId: citizen.id,
      body: 'masqué',
      hiddenAt: new Date(),
    });
    const heldComment = await commentOf({
      proposalId: visible.id,
      authorId: citizen.id,
      body: 'en attente',
      hiddenAt: new Date(),
      awaitingReview: true,
    });
    const onHidden = await commentOf({
      proposalId: hidden.id,
      authorId: citizen.id,
      body: 'caché',
    });
    const onDraft = await commentOf({
      proposalId: draft.id,
      authorId: citizen.id,
      body: 'brouillon',
    });
    excludedCommentIds = [deleted.id, hiddenComment.id, heldComment.id, onHidden.id, onDraft.id];
  });

  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  it('exports the public proposals as CSV (BOM, header, quoted and guarded cells) matching the database', async () => {
    const response = await fetchRaw(`/api/open-data/consultations/${slug}/proposals.csv`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="passerelle-${slug}-propositions.csv"`,
    );
    expect([...response.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.text.startsWith(BOM)).toBe(true);

    const { header, rows } = csvObjects(response.text.slice(1));
    expect(header).toEqual([
      'id',
      'title',
      'summary',
      'status',
      'territoryCode',
      'territoryName',
      'themes',
      'authorActorType',
      'organisationName',
      'votesFor',
      'votesAgainst',
      'votesNeutral',
      ...ACTOR_TYPES.flatMap((t) => [`votesFor_${t}`, `votesAgainst_${t}`, `votesNeutral_${t}`]),
      'commentsCount',
      'publishedAt',
    ]);
    expect(rows.map((row) => row['id']).sort()).toEqual([visible.id, merged.id].sort());

    const db = await factoryPrisma().proposal.findUniqueOrThrow({
      where: { id: visible.id },
      include: { territory: true },
    });
    const row = present(rows.find((r) => r['id'] === visible.id));
    // The title round-trips, with the formula guard as its only change.
    expect(row['title']).toBe(`'${TRICKY_TITLE}`);
    expect(row['summary']).toBe(db.summary);
    expect(row['status']).toBe('PUBLISHED');
    expect(row['territoryCode']).toBe(db.territory.code);
    expect(row['territoryName']).toBe(db.territory.name);
    expect(row['themes'].split('|').sort()).toEqual([...themeSlugs].sort());
    expect(row['authorActorType']).toBe('ASSOCIATION');
    expect(row['organisationName']).toBe(organisationName);
    expect(Number(row['votesFor'])).toBe(db.votesFor);
    expect(Number(row['votesAgainst'])).toBe(db.votesAgainst);
    expect(Number(row['votesNeutral'])).toBe(db.votesNeutral);
    expect(Number(row['commentsCount'])).toBe(db.commentsCount);
    expect(row['publishedAt']).toBe(present(db.publishedAt).toISOString());
    const colleges = await factoryPrisma().proposalCollegeCount.findMany({
      where: { proposalId: visible.id },
    });
    for (const type of ACTOR_TYPES) {
      const college = colleges.find((c) => c.actorType === type);
      expect(Number(row[`votesFor_${type}`])).toBe(college?.votesFor ?? 0);
      expect(Number(row[`votesAgainst_${type}`])).toBe(college?.votesAgainst ?? 0);
      expect(Number(row[`votesNeutral_${type}`])).toBe(college?.votesNeutral ?? 0);
    }
    expect(row['votesFor_SME']).toBe('1');
    expect(row['votesNeutral_CITIZEN']).toBe('1');

    const mergedRow = present(rows.find((r) => r['id'] === merged.id));
    expect(mergedRow['status']).toBe('MERGED');
    expect(mergedRow['organisationName']).toBe('');
    expect(mergedRow['authorActorType']).toBe('CITIZEN');
  });

  it('exports the public proposals as JSON with the consultation, licence and per-collège counts', async () => {
    const response = await api.http
      .get(`/api/open-data/consultations/${slug}/proposals.json`)
      .expect(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="passerelle-${slug}-propositions.json"`,
    );
    const body = JSON.parse(response.text) as {
      consultation: { slug: string; title: string };
      generatedAt: string;
      licence: string;
      rows: Record<string, unknown>[];
    };
    const consultation = await factoryPrisma().consultation.findUniqueOrThrow({ where: { slug } });
    expect(Object.keys(body)).toEqual(['consultation', 'generatedAt', 'licence', 'rows']);
    expect(body.consultation).toEqual({ slug, title: consultation.title });
    expect(body.licence).toBe('Licence Ouverte / Open Licence 2.0');
    expect(Math.abs(Date.parse(body.generatedAt) - Date.now())).toBeLessThan(60_000);
    expect(body.rows.map((row) => row['id']).sort()).toEqual([visible.id, merged.id].sort());
    const row = present(body.rows.find((r) => r['id'] === visible.id));
    expect(row).toMatchObject({
      title: TRICKY_TITLE,
      status: 'PUBLISHED',
      authorActorType: 'ASSOCIATION',
      organisationName,
      votesFor: 2,
      votesAgainst: 1,
      votesNeutral: 1,
      commentsCount: 2,
      territory: { code: '42218' },
    });
    expect(Object.keys(row).sort()).toEqual(
      [
        'id',
        'title',
        'summary',
        'status',
        'territory',
        'themes',
        'authorActorType',
        'organisationName',
        'votesFor',
        'votesAgainst',
        'votesNeutral',
        'colleges',
        'commentsCount',
        'publishedAt',
      ].sort(),
    );
    expect((row['themes'] as string[]).sort()).toEqual([...themeSlugs].sort());
    const colleges = row['colleges'] as { actorType: string; votesFor: number }[];
    expect(colleges.map((c) => c.actorType)).toEqual(ACTOR_TYPES);
    expect(colleges.find((c) => c.actorType === 'SME')).toEqual({
      actorType: 'SME',
      votesFor: 1,
      votesAgainst: 1,
      votesNeutral: 0,
    });
    expect(colleges.find((c) => c.actorType === 'PTCE')).toEqual({
      actorType: 'PTCE',
      votesFor: 0,
      votesAgainst: 0,
      votesNeutral: 0,
    });
  });

  it('exports only visible, non-deleted comments of public proposals, as CSV and JSON', async () => {
    const csv = await fetchRaw(`/api/open-data/consultations/${slug}/comments.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="passerelle-${slug}-commentaires.csv"`,
    );
    const { header, rows } = csvObjects(csv.text.slice(1));
    expect(header).toEqual([
      'id',
      'proposalId',
      'parentId',
      'body',
      'stance',
      'upvotes',
      'createdAt',
      'authorActorType',
    ]);
    expect(rows.map((row) => row['id']).sort()).toEqual([comment.id, reply.id].sort());
    const db = await factoryPrisma().comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(rows.find((r) => r['id'] === comment.id)).toEqual({
      id: comment.id,
      proposalId: visible.id,
      parentId: '',
      body: `'${db.body}`,
      stance: 'FOR',
      upvotes: '3',
      createdAt: db.createdAt.toISOString(),
      authorActorType: 'CITIZEN',
    });
    expect(rows.find((r) => r['id'] === reply.id)).toMatchObject({
      parentId: comment.id,
      stance: 'NONE',
      authorActorType: 'ASSOCIATION',
    });

    const json = await api.http
      .get(`/api/open-data/consultations/${slug}/comments.json`)
      .expect(200);
    const body = JSON.parse(json.text) as { rows: Record<string, unknown>[] };
    expect(body.rows.map((row) => row['id']).sort()).toEqual([comment.id, reply.id].sort());
    expect(body.rows.find((r) => r['id'] === comment.id)).toEqual({
      id: comment.id,
      proposalId: visible.id,
      parentId: null,
      body: db.body,
      stance: 'FOR',
      upvotes: 3,
      createdAt: db.createdAt.toISOString(),
      authorActorType: 'CITIZEN',
    });
  });

  it('leaves out hidden, held, draft and withdrawn content and every personal datum', async () => {
    const bodies = await Promise.all(
      ['proposals.csv', 'proposals.json', 'comments.csv', 'comments.json'].map(
        async (file) => (await fetchRaw(`/api/open-data/consultations/${slug}/${file}`)).text,
      ),
    );
    for (const text of bodies) {
      for (const id of [...excludedProposalIds, ...excludedCommentIds])
        expect(text).not.toContain(id);
      for (const user of users) {
        expect(text).not.toContain(user.id);
        expect(text).not.toContain(user.email);
        expect(text).not.toContain(user.displayName);
      }
      for (const word of ['supprimé', 'masqué', 'en attente', 'caché', 'brouillon'])
        expect(text).not.toContain(word);
    }
  });

  it('exports the amendments of public proposals, without hidden, withdrawn or erased ones nor any person', async () => {
    const prisma = factoryPrisma();
    const [citizen, member, voter] = users;
    const texts = {
      baseVersion: 1,
      summary: 'Un résumé amendé pour la proposition.',
      body: 'Un texte amendé, plus précis sur le financement.',
      reason: 'Préciser qui finance le projet.',
    };
    const amendment = (data: Record<string, unknown>) =>
      prisma.amendment.create({
        data: {
          proposalId: visible.id,
          authorId: citizen.id,
          ...texts,
          title: 'Un titre amendé',
          ...data,
        },
      });
    const pending = await amendment({
      title: '@SOMME(1) vélos partagés',
      votesFor: 3,
      votesAgainst: 1,
    });
    const decidedAt = new Date('2026-11-20T10:00:00.000Z');
    const rejected = await amendment({
      authorId: member.id,
      status: 'REJECTED',
      decidedAt,
      decidedById: voter.id,
      decisionReason: 'Hors du champ de la proposition.',
    });
    const left = await Promise.all([
      amendment({ hiddenAt: new Date() }),
      amendment({ status: 'WITHDRAWN' }),
      amendment({ erasedAt: new Date() }),
      amendment({ proposalId: excludedProposalIds[0] }),
    ]);

    const csv = await fetchRaw(`/api/open-data/consultations/${slug}/amendments.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="passerelle-${slug}-amendements.csv"`,
    );
    const { header, rows } = csvObjects(csv.text.slice(1));
    expect(header).toEqual([
      'id',
      'proposalId',
      'status',
      'baseVersion',
      'title',
      'summary',
      'body',
      'reason',
      'votesFor',
      'votesAgainst',
      'createdAt',
      'decidedAt',
      'decisionReason',
      'authorActorType',
    ]);
    expect(rows.map((row) => row['id']).sort()).toEqual([pending.id, rejected.id].sort());
    expect(rows.find((row) => row['id'] === pending.id)).toMatchObject({
      proposalId: visible.id,
      status: 'PENDING',
      // A formula is written as text, not run by a spreadsheet.
      title: "'@SOMME(1) vélos partagés",
      votesFor: '3',
      votesAgainst: '1',
      decidedAt: '',
      authorActorType: 'CITIZEN',
    });

    const json = await api.http
      .get(`/api/open-data/consultations/${slug}/amendments.json`)
      .expect(200);
    const body = JSON.parse(json.text) as { licence: string; rows: Record<string, unknown>[] };
    expect(body.licence).toBe('Licence Ouverte / Open Licence 2.0');
    expect(body.rows.map((row) => row['id']).sort()).toEqual([pending.id, rejected.id].sort());
    expect(body.rows.find((row) => row['id'] === rejected.id)).toEqual({
      id: rejected.id,
      proposalId: visible.id,
      status: 'REJECTED',
      title: 'Un titre amendé',
      ...texts,
      votesFor: 0,
      votesAgainst: 0,
      createdAt: rejected.createdAt.toISOString(),
      decidedAt: decidedAt.toISOString(),
      decisionReason: 'Hors du champ de la proposition.',
      authorActorType: 'ASSOCIATION',
    });
    for (const text of [csv.text, json.text]) {
      for (const row of left) expect(text).not.toContain(row.id);
      for (const user of users) {
        expect(text).not.toContain(user.id);
        expect(text).not.toContain(user.email);
        expect(text).not.toContain(user.displayName);
      }
    }
  });

  it('answers 404 with a JSON error, in French or English, for an unknown consultation', async () => {
    const unknown = `/api/open-data/consultations/${uniqueKey('nope')}`;
    const fr = await api.http.get(`${unknown}/proposals.csv`).expect(404);
    expect(fr.headers['content-type']).toMatch(/^application\/json/);
    expect(fr.body).toEqual({
      error: {
        code: 'NOT_FOUND',
        reason: 'CONSULTATION_NOT_FOUND',
        message: "Cette consultation n'existe pas.",
        requestId: fr.headers['x-request-id'],
      },
    });
    const en = await api.http
      .get(`${unknown}/comments.json`)
      .set('Accept-Language', 'en-GB,en;q=0.9')
      .expect(404);
    expect(en.body.error).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'CONSULTATION_NOT_FOUND',
      message: 'This consultation does not exist.',
    });
  });

  it('exports a consultation larger than one batch completely, in a stable order', async () => {
    const prisma = factoryPrisma();
    const consultation = await createConsultation();
    const author = await createUser();
    const total = 1_200;
    await prisma.proposal.createMany({
      data: Array.from({ length: total }, (_, i) => ({
        id: randomUUID(),
        consultationId: consultation.id,
        authorId: author.id,
        title: `Proposition en masse n° ${i}`,
        summary: 'Un résumé de proposition assez long pour être valide.',
        body: 'Un corps.',
        territoryId: TERRITORIES.paris,
        competentLevel: 'COMMUNE' as const,
        lever: 'BUDGET' as const,
        status: 'PUBLISHED' as const,
        publishedAt: new Date(),
      })),
    });
    const expected = (
      await prisma.proposal.findMany({
        where: { consultationId: consultation.id },
        orderBy: { id: 'asc' },
        select: { id: true },
      })
    ).map((p) => p.id);
    expect(expected).toHaveLength(total);

    const exportPath = `/api/open-data/consultations/${consultation.slug}/proposals`;
    const batches = jest.spyOn(api.app.get(OpenDataRepository), 'proposalBatch');
    let first: string[];
    try {
      first = csvObjects((await fetchRaw(`${exportPath}.csv`)).text.slice(1)).rows.map(
        (r) => r['id'],
      );
      // Read in keyset batches, not in one query: 500 + 500 + 200.
      expect(batches).toHaveBeenCalledTimes(Math.ceil(total / OPEN_DATA_BATCH_SIZE));
      expect(batches.mock.calls.map((call) => call[2])).toEqual([
        null,
        expected[OPEN_DATA_BATCH_SIZE - 1],
        expected[2 * OPEN_DATA_BATCH_SIZE - 1],
      ]);
    } finally {
      batches.mockRestore();
    }
    const second = csvObjects((await fetchRaw(`${exportPath}.csv`)).text.slice(1)).rows.map(
      (r) => r['id'],
    );
    expect(first).toEqual(expected);
    expect(second).toEqual(first);
    const json = await api.http.get(`${exportPath}.json`).expect(200);
    const rows = (JSON.parse(json.text) as { rows: { id: string }[] }).rows;
    expect(rows.map((r) => r.id)).toEqual(expected);
  });

  it('is answered by the API, not the web app fallback, when the built web app is served', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-web-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    const withWeb = await startTestApp({ WEB_DIST_DIR: dir });
    try {
      const base = `/api/open-data/consultations/${slug}`;
      const csv = await withWeb.http.get(`${base}/proposals.csv`).set('Accept', 'text/html');
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const json = await withWeb.http.get(`${base}/comments.json`).set('Accept', 'text/html');
      expect(json.status).toBe(200);
      expect(json.text).not.toContain('<div id="root">');
      const missing = await withWeb.http
        .get(`/api/open-data/consultations/${uniqueKey('nope')}/proposals.json`)
        .set('Accept', 'text/html');
      expect(missing.status).toBe(404);
      expect(missing.text).not.toContain('<div id="root">');
    } finally {
      await withWeb.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
