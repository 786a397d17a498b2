import { DomainErrorCode } from '../shared/errors';
import {
  BRIEF_SNAPSHOT_SCHEMA_VERSION,
  briefAnnex,
  buildBriefSnapshot,
  citedProposalIds,
  retainedReason,
  type BriefSnapshotRows,
} from './snapshot';

const proposal = (id: string, votes: [number, number, number]) => ({
  id,
  title: `Title ${id}`,
  territoryName: `Territory ${id}`,
  authorActorType: 'ASSOCIATION' as const,
  votesFor: votes[0],
  votesAgainst: votes[1],
  votesNeutral: votes[2],
});

const rows = (): BriefSnapshotRows => ({
  brief: { title: 'Une contribution', introduction: 'Intro', introductionHtml: '<p>Intro</p>' },
  // Given out of order on purpose: the snapshot orders by position.
  sections: [
    {
      position: 2,
      title: 'Second',
      synthesis: 'B [1]',
      synthesisHtml: '<p>B</p>',
      dissentNote: 'Some disagree',
      citations: [
        { position: 1, proposalId: 'p1', commentId: null, quote: null },
        { position: 0, proposalId: 'p2', commentId: null, quote: 'exact words' },
      ],
    },
    {
      position: 1,
      title: 'First',
      synthesis: 'A [2]',
      synthesisHtml: '<p>A</p>',
      dissentNote: '',
      citations: [
        { position: 0, proposalId: null, commentId: 'c1', quote: 'from a comment' },
        { position: 1, proposalId: 'p1', commentId: null, quote: null },
      ],
    },
  ],
  proposals: [proposal('p1', [5, 2, 1]), proposal('p2', [0, 0, 0]), proposal('p3', [9, 9, 9])],
  collegeCounts: [
    { proposalId: 'p1', actorType: 'UNIVERSITY', votesFor: 1, votesAgainst: 0, votesNeutral: 0 },
    { proposalId: 'p1', actorType: 'CITIZEN', votesFor: 4, votesAgainst: 2, votesNeutral: 1 },
  ],
  comments: [{ id: 'c1', proposalId: 'p3' }],
});

describe('buildBriefSnapshot', () => {
  it('freezes the text, in position order, with schema version 2', () => {
    const snapshot = buildBriefSnapshot(rows());
    expect(snapshot.schemaVersion).toBe(BRIEF_SNAPSHOT_SCHEMA_VERSION);
    expect(snapshot.schemaVersion).toBe(2);
    expect(snapshot.title).toBe('Une contribution');
    expect(snapshot.introduction).toBe('Intro');
    expect(snapshot.introductionHtml).toBe('<p>Intro</p>');
    expect(snapshot.sections.map((s) => s.title)).toEqual(['First', 'Second']);
    expect(snapshot.sections.map((s) => s.synthesis)).toEqual(['A [2]', 'B [1]']);
    expect(snapshot.sections[1].dissentNote).toBe('Some disagree');
    expect(snapshot.sections[1].citations.map((c) => c.proposalId)).toEqual(['p2', 'p1']);
  });

  it('freezes the totals and per-collège counts of cited proposals, collèges in canonical order', () => {
    const snapshot = buildBriefSnapshot(rows());
    const citation = snapshot.sections[0].citations[1];
    expect(citation.proposalTitle).toBe('Title p1');
    expect(citation.sourceProposalId).toBe('p1');
    expect(citation.figures).toEqual({
      votesFor: 5,
      votesAgainst: 2,
      votesNeutral: 1,
      colleges: [
        { actorType: 'CITIZEN', votesFor: 4, votesAgainst: 2, votesNeutral: 1 },
        { actorType: 'UNIVERSITY', votesFor: 1, votesAgainst: 0, votesNeutral: 0 },
      ],
    });
    expect(snapshot.sections[1].citations[0].figures).toEqual({
      votesFor: 0,
      votesAgainst: 0,
      votesNeutral: 0,
      colleges: [],
    });
  });

  it('gives a comment citation its proposal title, its quote and no figures', () => {
    const citation = buildBriefSnapshot(rows()).sections[0].citations[0];
    expect(citation).toEqual({
      position: 0,
      proposalId: null,
      commentId: 'c1',
      quote: 'from a comment',
      sourceProposalId: 'p3',
      proposalTitle: 'Title p3',
      figures: null,
    });
  });

  it('lists directly cited proposals once, in order of first citation', () => {
    const snapshot = buildBriefSnapshot(rows());
    expect(snapshot.proposals.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(snapshot.proposals[0]).toMatchObject({
      title: 'Title p1',
      territoryName: 'Territory p1',
      authorActorType: 'ASSOCIATION',
    });
  });

  it('is plain data: a JSON round trip keeps it equal', () => {
    const snapshot = buildBriefSnapshot(rows());
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('refuses a cited proposal missing from the rows', () => {
    const input = rows();
    input.proposals = input.proposals.filter((p) => p.id !== 'p2');
    expect(() => buildBriefSnapshot(input)).toThrow(
      expect.objectContaining({ code: DomainErrorCode.CITATION_SOURCE_INVALID }),
    );
  });

  it('refuses a cited comment missing from the rows', () => {
    const input = rows();
    input.comments = [];
    expect(() => buildBriefSnapshot(input)).toThrow(
      expect.objectContaining({ code: DomainErrorCode.CITATION_SOURCE_INVALID }),
    );
  });

  it('refuses a citation with neither source', () => {
    const input = rows();
    input.sections = [
      {
        position: 0,
        title: 'S',
        synthesis: '',
        synthesisHtml: '',
        dissentNote: '',
        citations: [{ position: 0, proposalId: null, commentId: null, quote: null }],
      },
    ];
    expect(() => buildBriefSnapshot(input)).toThrow(
      expect.objectContaining({ code: DomainErrorCode.CITATION_SOURCE_INVALID }),
    );
  });

  it('builds an empty brief', () => {
    const snapshot = buildBriefSnapshot({
      brief: { title: 'T', introduction: '', introductionHtml: '' },
      sections: [],
      proposals: [],
      collegeCounts: [],
      comments: [],
    });
    expect(snapshot.sections).toEqual([]);
    expect(snapshot.proposals).toEqual([]);
    expect(briefAnnex(snapshot)).toEqual([]);
  });
});

describe('citedProposalIds', () => {
  it('returns distinct directly cited ids in section then citation order', () => {
    expect(citedProposalIds(rows().sections)).toEqual(['p1', 'p2']);
  });
});

describe('briefAnnex', () => {
  it('has one row per cited proposal with the positions of the sections citing it', () => {
    const annex = briefAnnex(buildBriefSnapshot(rows()));
    expect(annex).toEqual([
      {
        proposalId: 'p1',
        title: 'Title p1',
        territoryName: 'Territory p1',
        authorActorType: 'ASSOCIATION',
        figures: expect.objectContaining({ votesFor: 5, votesAgainst: 2, votesNeutral: 1 }),
        sectionPositions: [1, 2],
      },
      {
        proposalId: 'p2',
        title: 'Title p2',
        territoryName: 'Territory p2',
        authorActorType: 'ASSOCIATION',
        figures: { votesFor: 0, votesAgainst: 0, votesNeutral: 0, colleges: [] },
        sectionPositions: [2],
      },
    ]);
  });
});

describe('retainedReason', () => {
  it('names the brief and the section', () => {
    expect(retainedReason('Eau', 2)).toBe('Retenue dans la contribution « Eau », section 2');
  });
});
