import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
  PHASES,
} from '../factories';
import { createBriefVia, createCommentRow, SUBMIT_BRIEF, UPDATE_BRIEF } from './support/briefs';
import { castVote, voter } from './support/clusters';
import { signedIn } from './support/moderation';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

const PUBLISH = `mutation ($input: BriefTransitionInput!) { publishBrief(input: $input) { publishedVersion } }`;
const PARTS = `kind text`;
const CITATION = `proposalId commentId sourceProposalId proposalTitle quote`;
const FIGURES = `votesFor votesAgainst votesNeutral colleges { actorType votesFor votesAgainst votesNeutral }`;
const DIFF = `query ($slug: String!, $from: Int!, $to: Int!) {
  briefVersionDiff(slug: $slug, from: $from, to: $to) {
    slug hasChanges
    from { number publishedAt title }
    to { number publishedAt title }
    title { ${PARTS} }
    introduction { ${PARTS} }
    sections { status fromPosition toPosition title { ${PARTS} } synthesis { ${PARTS} }
      dissentNote { ${PARTS} } citationsAdded { ${CITATION} } citationsRemoved { ${CITATION} } }
    figures { proposalId title isChanged before { ${FIGURES} } after { ${FIGURES} } }
  }
}`;

interface Part {
  kind: 'SAME' | 'ADDED' | 'REMOVED';
  text: string;
}
interface Citation {
  proposalId: string | null;
  commentId: string | null;
  sourceProposalId: string;
  proposalTitle: string;
  quote: string | null;
}
interface Figures {
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  colleges: { actorType: string; votesFor: number; votesAgainst: number; votesNeutral: number }[];
}
interface DiffView {
  slug: string;
  hasChanges: boolean;
  from: { number: number; publishedAt: string; title: string };
  to: { number: number; publishedAt: string; title: string };
  title: Part[];
  introduction: Part[];
  sections: {
    status: 'ADDED' | 'REMOVED' | 'CHANGED' | 'UNCHANGED';
    fromPosition: number | null;
    toPosition: number | null;
    title: Part[];
    synthesis: Part[];
    dissentNote: Part[];
    citationsAdded: Citation[];
    citationsRemoved: Citation[];
  }[];
  figures: {
    proposalId: string;
    title: string;
    isChanged: boolean;
    before: Figures;
    after: Figures;
  }[];
}

const changed = (parts: Part[]) =>
  parts.filter((part) => part.kind !== 'SAME').map((part) => [part.kind, part.text]);

describe('briefVersionDiff: the public comparison of two published versions', () => {
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

  const publish = async (briefId: string, expectedRevision: number) =>
    dataOf(
      await api.gql<{ publishBrief: { publishedVersion: number } }>(
        PUBLISH,
        { input: { briefId, expectedRevision } },
        { token: curator.token },
      ),
    ).publishBrief.publishedVersion;

  /** Edits the sections (and maybe the title), submits for review; returns the new revision. */
  async function editAndSubmit(
    briefId: string,
    revision: number,
    edit: Record<string, unknown>,
  ): Promise<number> {
    const updated = dataOf(
      await api.gql<{ updateBrief: { revision: number } }>(
        UPDATE_BRIEF,
        { input: { briefId, expectedRevision: revision, ...edit } },
        { token: curator.token },
      ),
    ).updateBrief;
    return dataOf(
      await api.gql<{ submitBriefForReview: { revision: number } }>(
        SUBMIT_BRIEF,
        { input: { briefId, expectedRevision: updated.revision } },
        { token: curator.token },
      ),
    ).submitBriefForReview.revision;
  }

  const diffOf = (slug: string, from: number, to: number, lang?: string) =>
    api.gql<{ briefVersionDiff: DiffView }>(DIFF, { slug, from, to }, lang ? { lang } : {});

  /**
   * Version 1: sections « Circuits courts » (citing A and a comment on B) and « Énergie
   * citoyenne » (citing B). Version 2: a reworded synthesis, « Énergie citoyenne » removed,
   * « Tiers-lieux » added, the comment replaced by C, and new votes on A.
   */
  async function twoVersions() {
    const consultation = await createConsultation({ phases: PHASES.proposingClosed() });
    const author = await createUser({ actorType: 'ASSOCIATION' });
    const a = await createProposal({
      consultationId: consultation.id,
      authorId: author.id,
      title: 'Des paniers paysans à prix solidaire',
    });
    const b = await createProposal({
      consultationId: consultation.id,
      authorId: author.id,
      title: 'Une SCIC d’énergie par intercommunalité',
    });
    const c = await createProposal({
      consultationId: consultation.id,
      authorId: author.id,
      title: 'Un réseau de tiers-lieux ruraux',
    });
    const comment = await createCommentRow(b.id, author.id, 'Très bonne idée pour le cœur rural.');
    const citizen = await voter(api, 'CITIZEN');
    await castVote(api, citizen.token, a.id, 'FOR');

    const brief = await createBriefVia(api, curator.token, [consultation.id], {
      title: 'Économie sociale et solidaire : nos priorités',
      introduction: 'Les participants ont proposé des **solutions locales**.',
    });
    const v1Revision = await editAndSubmit(brief.id, brief.revision, {
      sections: [
        {
          title: 'Circuits courts',
          synthesis:
            'Les participants demandent une **tarification solidaire** [1].\n\nÀ côté, le cœur rural [2].',
          dissentNote: '',
          citations: [{ proposalId: a.id }, { commentId: comment.id, quote: 'cœur rural' }],
        },
        {
          title: 'Énergie citoyenne',
          synthesis: 'Une SCIC par territoire [1].',
          citations: [{ proposalId: b.id }],
        },
      ],
    });
    expect(await publish(brief.id, v1Revision)).toBe(1);

    // Votes after version 1 (reopened: publication retained the proposal, closing its votes).
    await factoryPrisma().proposal.update({ where: { id: a.id }, data: { status: 'PUBLISHED' } });
    await castVote(api, (await voter(api, 'SME')).token, a.id, 'FOR');
    await castVote(api, (await voter(api, 'ASSOCIATION')).token, a.id, 'AGAINST');

    const published = await factoryPrisma().brief.findUniqueOrThrow({ where: { id: brief.id } });
    const v2Revision = await editAndSubmit(brief.id, published.revision, {
      title: 'Économie sociale et solidaire : nos priorités communes',
      sections: [
        {
          title: 'Circuits courts',
          synthesis:
            'Les participants réclament une **tarification solidaire** et équitable [1].\n\nÀ côté, l’œuvre des tiers-lieux [2].',
          dissentNote: 'Quelques producteurs craignent la concurrence.',
          citations: [{ proposalId: a.id }, { proposalId: c.id }],
        },
        {
          title: 'Tiers-lieux',
          synthesis: 'Des lieux partagés en milieu rural [1].',
          citations: [{ proposalId: c.id }],
        },
      ],
    });
    expect(await publish(brief.id, v2Revision)).toBe(2);
    return { brief, a, b, c, comment };
  }

  it('shows exactly what changed between version 1 and version 2, accents included', async () => {
    const { brief, a, b, c, comment } = await twoVersions();
    const diff = dataOf(await diffOf(brief.slug, 1, 2)).briefVersionDiff;

    expect(diff.slug).toBe(brief.slug);
    expect([diff.from.number, diff.to.number]).toEqual([1, 2]);
    expect(diff.to.title).toBe('Économie sociale et solidaire : nos priorités communes');
    expect(diff.hasChanges).toBe(true);
    expect(changed(diff.title)).toEqual([['ADDED', 'communes']]);
    expect(changed(diff.introduction)).toEqual([]);

    expect(
      diff.sections.map((section) => [section.status, section.fromPosition, section.toPosition]),
    ).toEqual([
      ['CHANGED', 0, 0],
      ['REMOVED', 1, null],
      ['ADDED', null, 1],
    ]);

    const [kept, removed, added] = diff.sections;
    expect(changed(kept.title)).toEqual([]);
    expect(changed(kept.synthesis)).toEqual([
      ['REMOVED', 'demandent'],
      ['ADDED', 'réclament'],
      ['ADDED', 'et équitable '],
      ['REMOVED', 'le cœur rural'],
      ['ADDED', 'l’œuvre des tiers-lieux'],
    ]);
    expect(kept.synthesis.map((part) => part.text).join('')).toContain(
      '**tarification solidaire**',
    );
    expect(changed(kept.dissentNote)).toEqual([
      ['ADDED', 'Quelques producteurs craignent la concurrence.'],
    ]);
    expect(kept.citationsAdded).toEqual([
      {
        proposalId: c.id,
        commentId: null,
        sourceProposalId: c.id,
        proposalTitle: 'Un réseau de tiers-lieux ruraux',
        quote: null,
      },
    ]);
    expect(kept.citationsRemoved).toEqual([
      {
        proposalId: null,
        commentId: comment.id,
        sourceProposalId: b.id,
        proposalTitle: 'Une SCIC d’énergie par intercommunalité',
        quote: 'cœur rural',
      },
    ]);

    expect(changed(removed.title)).toEqual([['REMOVED', 'Énergie citoyenne']]);
    expect(removed.citationsRemoved.map((citation) => citation.proposalId)).toEqual([b.id]);
    expect(changed(added.title)).toEqual([['ADDED', 'Tiers-lieux']]);
    expect(changed(added.synthesis)).toEqual([
      ['ADDED', 'Des lieux partagés en milieu rural [1].'],
    ]);

    // A is cited in both versions: its frozen figures moved with the votes cast in between.
    expect(diff.figures).toEqual([
      {
        proposalId: a.id,
        title: 'Des paniers paysans à prix solidaire',
        isChanged: true,
        before: {
          votesFor: 1,
          votesAgainst: 0,
          votesNeutral: 0,
          colleges: [{ actorType: 'CITIZEN', votesFor: 1, votesAgainst: 0, votesNeutral: 0 }],
        },
        after: {
          votesFor: 2,
          votesAgainst: 1,
          votesNeutral: 0,
          colleges: expect.arrayContaining([
            { actorType: 'CITIZEN', votesFor: 1, votesAgainst: 0, votesNeutral: 0 },
            { actorType: 'ASSOCIATION', votesFor: 0, votesAgainst: 1, votesNeutral: 0 },
            { actorType: 'SME', votesFor: 1, votesAgainst: 0, votesNeutral: 0 },
          ]),
        },
      },
    ]);
  });

  it('compares in either direction: from 2 to 1 the added section is removed and the removed one added', async () => {
    const { brief } = await twoVersions();
    const diff = dataOf(await diffOf(brief.slug, 2, 1)).briefVersionDiff;
    expect([diff.from.number, diff.to.number]).toEqual([2, 1]);
    expect(changed(diff.title)).toEqual([['REMOVED', ' communes']]);
    expect(diff.sections.map((section) => section.status)).toEqual(['CHANGED', 'REMOVED', 'ADDED']);
    expect(diff.figures[0].before.votesFor).toBe(2);
    expect(diff.figures[0].after.votesFor).toBe(1);
  });

  it('is public: anonymous visitors read it', async () => {
    const { brief } = await twoVersions();
    const result = await diffOf(brief.slug, 1, 2);
    expect(result.errors).toBeUndefined();
  });

  it.each([
    ['the same version twice', 2, 2, [['to', 'different']]],
    ['version 0', 0, 2, [['from', 'minValue']]],
    [
      'negative versions',
      -1,
      0,
      [
        ['from', 'minValue'],
        ['to', 'minValue'],
      ],
    ],
  ])('refuses %s with BAD_USER_INPUT naming the fields', async (_label, from, to, fields) => {
    const error = firstError(await diffOf('peu-importe', from, to));
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.reason).toBe('INVALID_INPUT');
    const errorFields = error.extensions?.fields as { field: string; rule: string }[];
    expect(errorFields.map((field) => [field.field, field.rule])).toEqual(fields);
  });

  it('explains the same-version refusal in the request language', async () => {
    const fr = firstError(await diffOf('peu-importe', 1, 1, 'fr'));
    expect((fr.extensions?.fields as { message: string }[])[0].message).toBe(
      'Choisissez deux versions différentes à comparer.',
    );
    const en = firstError(await diffOf('peu-importe', 1, 1, 'en'));
    expect((en.extensions?.fields as { message: string }[])[0].message).toBe(
      'Choose two different versions to compare.',
    );
  });

  it('answers BRIEF_VERSION_NOT_FOUND for a version that was never published', async () => {
    const { brief } = await twoVersions();
    const error = firstError(await diffOf(brief.slug, 1, 3));
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(error.extensions?.reason).toBe('BRIEF_VERSION_NOT_FOUND');
    expect((error.extensions?.fields as { field: string }[]).map((field) => field.field)).toEqual([
      'to',
    ]);
    const both = firstError(await diffOf(brief.slug, 7, 9));
    expect((both.extensions?.fields as { field: string }[]).map((field) => field.field)).toEqual([
      'from',
      'to',
    ]);
  });

  it('answers BRIEF_NOT_FOUND for an unknown slug and for a brief never published', async () => {
    expect(firstError(await diffOf('contribution-inconnue', 1, 2)).extensions?.reason).toBe(
      'BRIEF_NOT_FOUND',
    );
    const consultation = await createConsultation({ phases: PHASES.proposingClosed() });
    const draft = await createBriefVia(api, curator.token, [consultation.id]);
    const error = firstError(await diffOf(draft.slug, 1, 2));
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(error.extensions?.reason).toBe('BRIEF_NOT_FOUND');
  });
});
