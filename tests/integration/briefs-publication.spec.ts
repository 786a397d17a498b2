import {
  closeFactories,
  createBrief,
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
  PHASES,
  rewriteBrief,
} from '../factories';
import { castVote, voter } from './support/clusters';
import { type Role, signedIn } from './support/moderation';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

const FIGURES = `votesFor votesAgainst votesNeutral colleges { actorType votesFor votesAgainst votesNeutral }`;
const VERSION_FIELDS = `number publishedAt title introductionHtml
  sections { position title synthesisHtml dissentNote
    citations { position proposalId commentId quote proposalTitle figures { ${FIGURES} } } }
  annex { proposalId title territoryName authorActorType sectionPositions figures { ${FIGURES} } }`;
const PUBLISH = `mutation ($input: BriefTransitionInput!) {
  publishBrief(input: $input) { id slug title publishedVersion currentVersion { ${VERSION_FIELDS} } }
}`;
const PUBLISHED_BRIEF = `query ($slug: String!, $number: Int!) {
  publishedBrief(slug: $slug) {
    id slug title publishedVersion
    currentVersion { ${VERSION_FIELDS} }
    versions { number publishedAt title }
    version(number: $number) { ${VERSION_FIELDS} }
  }
}`;
const CITED_IN = `query ($id: ID!) {
  proposal(id: $id) { id status citedIn { briefSlug briefTitle versionNumber sectionPosition sectionTitle } }
}`;

interface Figures {
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  colleges: { actorType: string; votesFor: number; votesAgainst: number; votesNeutral: number }[];
}
interface VersionView {
  number: number;
  publishedAt: string;
  title: string;
  introductionHtml: string;
  sections: {
    position: number;
    title: string;
    synthesisHtml: string;
    dissentNote: string;
    citations: {
      position: number;
      proposalId: string | null;
      commentId: string | null;
      quote: string | null;
      proposalTitle: string;
      figures: Figures | null;
    }[];
  }[];
  annex: {
    proposalId: string;
    title: string;
    territoryName: string;
    authorActorType: string;
    sectionPositions: number[];
    figures: Figures;
  }[];
}
interface PublishedView {
  id: string;
  slug: string;
  title: string;
  publishedVersion: number;
  currentVersion: VersionView;
  versions: { number: number; publishedAt: string; title: string }[];
  version: VersionView | null;
}

describe('brief publication: publishBrief, publishedBrief, Proposal.citedIn', () => {
  let api: TestApp;
  let curator: { id: string; token: string };

  beforeAll(async () => {
    api = await startTestApp();
    curator = await signedIn(api, 'CURATOR');
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  /**
   * A consultation open to votes, two proposals (one by an association), votes from three
   * collèges, a comment, and a brief IN_REVIEW citing both proposals and the comment.
   */
  async function fixture(status: 'DRAFT' | 'IN_REVIEW' = 'IN_REVIEW') {
    const consultation = await createConsultation({ phases: PHASES.proposingClosed() });
    const authorA = await createUser({ actorType: 'ASSOCIATION' });
    const authorB = await createUser();
    const a = await createProposal({ consultationId: consultation.id, authorId: authorA.id });
    const b = await createProposal({ consultationId: consultation.id, authorId: authorB.id });
    const citizenFor = await voter(api, 'CITIZEN');
    const associationFor = await voter(api, 'ASSOCIATION');
    const smeAgainst = await voter(api, 'SME');
    await castVote(api, citizenFor.token, a.id, 'FOR');
    await castVote(api, associationFor.token, a.id, 'FOR');
    await castVote(api, smeAgainst.token, a.id, 'AGAINST');
    await castVote(api, citizenFor.token, b.id, 'NEUTRAL');
    const comment = await factoryPrisma().comment.create({
      data: { proposalId: b.id, authorId: authorA.id, body: 'Un commentaire utile.' },
    });
    const brief = await createBrief({
      createdById: curator.id,
      consultationIds: [consultation.id],
      status,
      sections: [
        {
          title: 'Mobilités',
          // Stored without links: publication renders the synthesis again with its sources.
          synthesis: 'Des **transports partagés** [1], portés par des SCIC [2].',
          synthesisHtml: '<p>Des transports partagés.</p>',
          dissentNote: 'Certains préfèrent la voiture.',
          citations: [{ proposalId: a.id }, { commentId: comment.id, quote: 'commentaire' }],
        },
        { title: 'Énergie', citations: [{ proposalId: b.id }, { proposalId: a.id }] },
      ],
    });
    return {
      consultation,
      authorA,
      authorB,
      a,
      b,
      comment,
      brief,
      voters: { citizenFor, associationFor, smeAgainst },
    };
  }

  const publish = (briefId: string, expectedRevision: number, token?: string) =>
    api.gql<{ publishBrief: PublishedView }>(
      PUBLISH,
      { input: { briefId, expectedRevision } },
      { token },
    );
  const readPublished = async (slug: string, number = 1) =>
    dataOf(await api.gql<{ publishedBrief: PublishedView }>(PUBLISHED_BRIEF, { slug, number }))
      .publishedBrief;

  describe('permissions', () => {
    it.each<[string, Role | null, string | null]>([
      ['anonymous', null, 'UNAUTHENTICATED'],
      ['participant', 'PARTICIPANT', 'FORBIDDEN'],
      ['moderator', 'MODERATOR', 'FORBIDDEN'],
      ['curator', 'CURATOR', null],
      ['admin', 'ADMIN', null],
    ])('publishBrief as %s (%s) → %s', async (_, role, expected) => {
      const { brief } = await fixture();
      const token = role ? (await signedIn(api, role)).token : undefined;
      const result = await publish(brief.id, brief.revision, token);
      const row = await factoryPrisma().brief.findUniqueOrThrow({ where: { id: brief.id } });
      if (expected) {
        expect(firstError(result).extensions?.code).toBe(expected);
        expect(row.status).toBe('IN_REVIEW');
        expect(await factoryPrisma().briefVersion.count({ where: { briefId: brief.id } })).toBe(0);
      } else {
        expect(dataOf(result).publishBrief.publishedVersion).toBe(1);
        expect(row.status).toBe('PUBLISHED');
      }
    });

    it('publishedBrief is NOT_FOUND before the first publication, then public', async () => {
      const { brief } = await fixture();
      const before = await api.gql(PUBLISHED_BRIEF, { slug: brief.slug, number: 1 });
      expect(firstError(before).extensions?.code).toBe('NOT_FOUND');
      expect(firstError(before).extensions?.reason).toBe('BRIEF_NOT_FOUND');
      dataOf(await publish(brief.id, brief.revision, curator.token));
      const anonymous = await readPublished(brief.slug);
      expect(anonymous.slug).toBe(brief.slug);
      expect(anonymous.title).toBe(brief.title);
      expect(anonymous.publishedVersion).toBe(1);
    });

    it('an unknown slug is NOT_FOUND', async () => {
      const result = await api.gql(PUBLISHED_BRIEF, { slug: 'jamais-publiee', number: 1 });
      expect(firstError(result).extensions?.code).toBe('NOT_FOUND');
    });
  });

  it('freezes version 1 with the exact vote figures and per-collège counts of the cited proposals', async () => {
    const { a, b, comment, brief } = await fixture();
    const published = dataOf(await publish(brief.id, brief.revision, curator.token)).publishBrief;
    const version = published.currentVersion;
    expect(version.number).toBe(1);
    expect(version.title).toBe(brief.title);
    expect(version.introductionHtml).toBe('<p>Introduction</p>');
    expect(version.sections.map((s) => [s.position, s.title])).toEqual([
      [0, 'Mobilités'],
      [1, 'Énergie'],
    ]);
    expect(version.sections[0].dissentNote).toBe('Certains préfèrent la voiture.');
    expect(version.sections[0].synthesisHtml).toBe(
      `<p>Des <strong>transports partagés</strong> ` +
        `<sup class="source-ref"><a href="/propositions/${a.id}" title="${a.title}">[1]</a></sup>, ` +
        `portés par des SCIC <sup class="source-ref"><a href="/propositions/${b.id}#commentaire-${comment.id}" title="${b.title}">[2]</a></sup>.</p>`,
    );

    const figuresA = {
      votesFor: 2,
      votesAgainst: 1,
      votesNeutral: 0,
      colleges: [
        { actorType: 'CITIZEN', votesFor: 1, votesAgainst: 0, votesNeutral: 0 },
        { actorType: 'ASSOCIATION', votesFor: 1, votesAgainst: 0, votesNeutral: 0 },
        { actorType: 'SME', votesFor: 0, votesAgainst: 1, votesNeutral: 0 },
      ],
    };
    const [first, second] = version.sections;
    expect(first.citations[0]).toEqual({
      position: 0,
      proposalId: a.id,
      commentId: null,
      quote: null,
      proposalTitle: a.title,
      figures: figuresA,
    });
    expect(first.citations[1]).toEqual({
      position: 1,
      proposalId: null,
      commentId: comment.id,
      quote: 'commentaire',
      proposalTitle: b.title,
      figures: null,
    });
    expect(second.citations[0].figures).toEqual({
      votesFor: 0,
      votesAgainst: 0,
      votesNeutral: 1,
      colleges: [{ actorType: 'CITIZEN', votesFor: 0, votesAgainst: 0, votesNeutral: 1 }],
    });

    // The figures are those of the database at that instant.
    const rows = await factoryPrisma().proposal.findUniqueOrThrow({ where: { id: a.id } });
    expect([rows.votesFor, rows.votesAgainst, rows.votesNeutral]).toEqual([2, 1, 0]);

    expect(version.annex).toEqual([
      {
        proposalId: a.id,
        title: a.title,
        territoryName: expect.any(String),
        authorActorType: 'ASSOCIATION',
        sectionPositions: [0, 1],
        figures: figuresA,
      },
      expect.objectContaining({
        proposalId: b.id,
        authorActorType: 'CITIZEN',
        sectionPositions: [1],
      }),
    ]);
    expect(version.annex[0].territoryName.length).toBeGreaterThan(0);

    const stored = await factoryPrisma().briefVersion.findUniqueOrThrow({
      where: { briefId_number: { briefId: brief.id, number: 1 } },
    });
    expect(stored.publishedById).toBe(curator.id);
    expect(stored.snapshot).toMatchObject({ schemaVersion: 3, title: brief.title });
    const row = await factoryPrisma().brief.findUniqueOrThrow({ where: { id: brief.id } });
    expect([row.status, row.publishedVersion, row.revision]).toEqual([
      'PUBLISHED',
      1,
      brief.revision + 1,
    ]);
  });

  it('votes cast after publication leave version 1 unchanged; version 2 freezes the new figures', async () => {
    const { a, brief, voters } = await fixture();
    dataOf(await publish(brief.id, brief.revision, curator.token));
    const before = await readPublished(brief.slug);

    // A RETAINED proposal is closed to votes: reopen it so live counters can move at all.
    await factoryPrisma().proposal.update({ where: { id: a.id }, data: { status: 'PUBLISHED' } });
    await castVote(api, voters.smeAgainst.token, a.id, 'FOR');
    await castVote(api, (await voter(api, 'SME')).token, a.id, 'NEUTRAL');
    const live = await factoryPrisma().proposal.findUniqueOrThrow({ where: { id: a.id } });
    expect([live.votesFor, live.votesAgainst, live.votesNeutral]).toEqual([3, 0, 1]);

    const after = await readPublished(brief.slug);
    expect(after.currentVersion).toEqual(before.currentVersion);
    expect(after.currentVersion.sections[0].citations[0].figures?.votesFor).toBe(2);
    expect(after.currentVersion.sections[0].citations[0].figures?.votesAgainst).toBe(1);

    // Edited then published again: version 2 has today's figures, version 1 stays as it was.
    const revision = await rewriteBrief(brief.id, {
      title: 'Contribution révisée',
      sections: [{ title: 'Une seule section', citations: [{ proposalId: a.id }] }],
    });
    const v2 = dataOf(await publish(brief.id, revision, curator.token)).publishBrief;
    expect(v2.publishedVersion).toBe(2);
    expect(v2.title).toBe('Contribution révisée');
    expect(v2.currentVersion.sections[0].citations[0].figures).toMatchObject({
      votesFor: 3,
      votesAgainst: 0,
      votesNeutral: 1,
    });

    const read = await readPublished(brief.slug, 1);
    expect(read.publishedVersion).toBe(2);
    expect(read.currentVersion.number).toBe(2);
    expect(read.versions.map((v) => [v.number, v.title])).toEqual([
      [2, 'Contribution révisée'],
      [1, brief.title],
    ]);
    expect(read.version).toEqual(before.currentVersion);
    const unknown = await api.gql<{ publishedBrief: { version: unknown } }>(PUBLISHED_BRIEF, {
      slug: brief.slug,
      number: 3,
    });
    expect(dataOf(unknown).publishedBrief.version).toBeNull();
  });

  it('the database refuses an UPDATE of a published version', async () => {
    const { brief } = await fixture();
    dataOf(await publish(brief.id, brief.revision, curator.token));
    await expect(
      factoryPrisma()
        .$executeRaw`UPDATE brief_versions SET snapshot = '{}'::jsonb WHERE "briefId" = ${brief.id}::uuid`,
    ).rejects.toThrow(/append-only/);
    const stored = await factoryPrisma().briefVersion.findFirstOrThrow({
      where: { briefId: brief.id },
    });
    expect(stored.snapshot).toMatchObject({ schemaVersion: 3 });
  });

  it('retains the cited proposals with a status change, and citedIn lists the brief', async () => {
    const { a, b, brief } = await fixture();
    dataOf(await publish(brief.id, brief.revision, curator.token));
    const changes = await factoryPrisma().proposalStatusChange.findMany({
      where: { proposalId: { in: [a.id, b.id] }, toStatus: 'RETAINED' },
      orderBy: { reason: 'asc' },
    });
    expect(changes.map((c) => [c.proposalId, c.fromStatus, c.actorId, c.reason])).toEqual(
      expect.arrayContaining([
        [
          a.id,
          'PUBLISHED',
          curator.id,
          `Retenue dans la contribution « ${brief.title} », section 1`,
        ],
        [
          b.id,
          'PUBLISHED',
          curator.id,
          `Retenue dans la contribution « ${brief.title} », section 2`,
        ],
      ]),
    );
    expect(changes).toHaveLength(2);

    const proposal = dataOf(
      await api.gql<{
        proposal: {
          status: string;
          citedIn: {
            briefSlug: string;
            briefTitle: string;
            versionNumber: number;
            sectionPosition: number;
            sectionTitle: string;
          }[];
        };
      }>(CITED_IN, { id: a.id }),
    ).proposal;
    expect(proposal.status).toBe('RETAINED');
    expect(proposal.citedIn).toEqual([
      {
        briefSlug: brief.slug,
        briefTitle: brief.title,
        versionNumber: 1,
        sectionPosition: 0,
        sectionTitle: 'Mobilités',
      },
      {
        briefSlug: brief.slug,
        briefTitle: brief.title,
        versionNumber: 1,
        sectionPosition: 1,
        sectionTitle: 'Énergie',
      },
    ]);
  });

  it('publishedBriefs lists the published briefs to anyone, newest publication first, never a draft', async () => {
    const first = await fixture();
    const second = await fixture();
    const draft = await fixture();
    dataOf(await publish(first.brief.id, first.brief.revision, curator.token));
    await new Promise((resolve) => setTimeout(resolve, 20));
    dataOf(await publish(second.brief.id, second.brief.revision, curator.token));
    const result = await api.gql<{
      publishedBriefs: {
        slug: string;
        title: string;
        publishedVersion: number;
        currentVersion: { number: number; publishedAt: string };
      }[];
    }>(`{ publishedBriefs { slug title publishedVersion currentVersion { number publishedAt } } }`);
    const listed = dataOf(result).publishedBriefs;
    const slugs = listed.map((brief) => brief.slug);
    expect(slugs).not.toContain(draft.brief.slug);
    expect(slugs.indexOf(second.brief.slug)).toBeGreaterThanOrEqual(0);
    expect(slugs.indexOf(second.brief.slug)).toBeLessThan(slugs.indexOf(first.brief.slug));
    expect(listed.find((brief) => brief.slug === first.brief.slug)).toMatchObject({
      title: first.brief.title,
      publishedVersion: 1,
      currentVersion: { number: 1 },
    });
    const dates = listed.map((brief) => Date.parse(brief.currentVersion.publishedAt));
    expect(dates).toEqual([...dates].sort((x, y) => y - x));
  });

  it('leaves a proposal whose status does not allow it unretained', async () => {
    const { a, brief } = await fixture();
    await factoryPrisma().proposal.update({
      where: { id: a.id },
      data: { status: 'NOT_RETAINED' },
    });
    dataOf(await publish(brief.id, brief.revision, curator.token));
    const row = await factoryPrisma().proposal.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.status).toBe('NOT_RETAINED');
    expect(await factoryPrisma().proposalStatusChange.count({ where: { proposalId: a.id } })).toBe(
      0,
    );
  });

  it('notifies the authors and FOR voters of the cited proposals, and writes one audit entry', async () => {
    const { a, b, authorA, authorB, brief, voters } = await fixture();
    dataOf(await publish(brief.id, brief.revision, curator.token));
    const notices = await factoryPrisma().notification.findMany({
      where: { kind: 'PROPOSAL_CITED', payload: { path: ['briefSlug'], equals: brief.slug } },
    });
    const told = notices.map((n) => [n.userId, (n.payload as { proposalId: string }).proposalId]);
    expect(told).toEqual(
      expect.arrayContaining([
        [authorA.id, a.id],
        [voters.citizenFor.id, a.id],
        [voters.associationFor.id, a.id],
        [authorB.id, b.id],
      ]),
    );
    expect(told).toHaveLength(4);
    expect(notices.map((n) => n.userId)).not.toContain(voters.smeAgainst.id);
    const noticeA = notices.find((n) => n.userId === authorA.id);
    expect(noticeA?.payload).toEqual({
      briefSlug: brief.slug,
      briefTitle: brief.title,
      sectionTitle: 'Mobilités',
      versionNumber: 1,
      proposalId: a.id,
      title: a.title,
    });

    // The notice names the brief and the section, and links to the proposal.
    const mine = dataOf(
      await api.gql<{
        myNotifications: {
          edges: {
            node: {
              kind: string;
              briefSlug: string | null;
              briefTitle: string | null;
              sectionTitle: string | null;
              title: string | null;
              proposal: { id: string } | null;
            };
          }[];
        };
      }>(
        `{ myNotifications(first: 5) { edges { node { kind briefSlug briefTitle sectionTitle title proposal { id } } } } }`,
        {},
        { token: await api.tokenFor(authorA) },
      ),
    ).myNotifications.edges.map((edge) => edge.node);
    expect(mine).toContainEqual({
      kind: 'PROPOSAL_CITED',
      briefSlug: brief.slug,
      briefTitle: brief.title,
      sectionTitle: 'Mobilités',
      title: a.title,
      proposal: { id: a.id },
    });

    const audit = await factoryPrisma().auditLogEntry.findMany({ where: { targetId: brief.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'PUBLISH_BRIEF',
      actorId: curator.id,
      targetType: 'BRIEF',
    });
    expect(audit[0].metadata).toMatchObject({ version: 1 });
  });

  it('refuses a stale revision with BRIEF_STALE and changes nothing', async () => {
    const { brief } = await fixture();
    const error = firstError(await publish(brief.id, brief.revision + 1, curator.token));
    expect(error.extensions?.code).toBe('CONFLICT');
    expect(error.extensions?.reason).toBe('BRIEF_STALE');
    const row = await factoryPrisma().brief.findUniqueOrThrow({ where: { id: brief.id } });
    expect([row.status, row.publishedVersion]).toEqual(['IN_REVIEW', null]);
  });

  it('refuses to publish a DRAFT with ILLEGAL_TRANSITION, and a second publication of the same revision', async () => {
    const { brief } = await fixture('DRAFT');
    const error = firstError(await publish(brief.id, brief.revision, curator.token));
    expect(error.extensions?.reason).toBe('ILLEGAL_TRANSITION');
    expect(await factoryPrisma().briefVersion.count({ where: { briefId: brief.id } })).toBe(0);
    expect(
      await factoryPrisma().notification.count({
        where: { kind: 'PROPOSAL_CITED', payload: { path: ['briefSlug'], equals: brief.slug } },
      }),
    ).toBe(0);

    const { brief: other } = await fixture();
    dataOf(await publish(other.id, other.revision, curator.token));
    const again = firstError(await publish(other.id, other.revision + 1, curator.token));
    expect(again.extensions?.reason).toBe('ILLEGAL_TRANSITION');
  });

  it('an unknown brief is NOT_FOUND', async () => {
    const error = firstError(
      await publish('00000000-0000-4000-8000-000000000000', 1, curator.token),
    );
    expect(error.extensions?.reason).toBe('BRIEF_NOT_FOUND');
  });
});
