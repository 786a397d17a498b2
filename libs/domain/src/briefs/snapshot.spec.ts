import { DomainErrorCode } from '../shared/errors';
import {
  BRIEF_SNAPSHOT_SCHEMA_VERSION,
  briefAnnex,
  briefExperimentsAnnex,
  type BriefSnapshot,
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
  consultationId: 'k1',
  consultationTitle: 'Consultation nationale',
  consultationSlug: 'consultation-nationale',
  consultationTerritoryId: null,
  consultationTerritoryName: null,
  consultationOrganisationId: null,
  consultationOrganisationName: null,
});

const day = (n: number) => `2026-0${n}-01`;
const measurement = (n: number, value: number, checked: boolean) => ({
  id: `m${n}`,
  value,
  measuredOn: day(n),
  source: `Rapport ${n}`,
  sourceUrl: null,
  recordedAt: new Date(`2026-0${n}-02T10:00:00Z`),
  checkedAt: checked ? new Date(`2026-0${n}-03T10:00:00Z`) : null,
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
  proposalExperiments: [],
  experiments: [],
});

/** p1 (national) cites e2 then e1; p2, from a local consultation, cites e1. */
const withExperiments = (): BriefSnapshotRows => {
  const input = rows();
  input.proposals = [
    input.proposals[0],
    {
      ...input.proposals[1],
      consultationId: 'k2',
      consultationTitle: 'Espace du PTCE',
      consultationSlug: 'espace-ptce',
      consultationTerritoryId: 'DEPARTEMENT-69',
      consultationTerritoryName: 'Rhône',
      consultationOrganisationId: 'o1',
      consultationOrganisationName: 'PTCE Sud Rhône',
    },
    input.proposals[2],
  ];
  input.proposalExperiments = [
    { proposalId: 'p1', experimentId: 'e1', position: 1 },
    { proposalId: 'p2', experimentId: 'e1', position: 0 },
    { proposalId: 'p1', experimentId: 'e2', position: 0 },
  ];
  input.experiments = [
    {
      id: 'e1',
      name: 'Centrale villageoise',
      organisationName: 'PTCE Sud Rhône',
      indicators: [
        {
          name: 'Énergie produite',
          unit: 'KWH',
          baseline: 0,
          // The newest figure is not checked yet: the brief quotes the newest checked one.
          measurements: [
            measurement(1, 1000, true),
            measurement(3, 5000, false),
            measurement(2, 3000, true),
          ],
        },
        {
          name: 'Foyers',
          unit: 'HOUSEHOLDS',
          baseline: null,
          measurements: [measurement(1, 40, false)],
        },
      ],
    },
    { id: 'e2', name: 'Épicerie solidaire', organisationName: 'Asso', indicators: [] },
  ];
  return input;
};

describe('buildBriefSnapshot', () => {
  it('freezes the text, in position order, with schema version 3', () => {
    const snapshot = buildBriefSnapshot(rows());
    expect(snapshot.schemaVersion).toBe(BRIEF_SNAPSHOT_SCHEMA_VERSION);
    expect(snapshot.schemaVersion).toBe(3);
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
      proposalExperiments: [],
      experiments: [],
    });
    expect(snapshot.experiments).toEqual([]);
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
        provenance: expect.objectContaining({ scope: 'NATIONAL' }),
        experimentIds: [],
        sectionPositions: [1, 2],
      },
      {
        proposalId: 'p2',
        title: 'Title p2',
        territoryName: 'Territory p2',
        authorActorType: 'ASSOCIATION',
        figures: { votesFor: 0, votesAgainst: 0, votesNeutral: 0, colleges: [] },
        provenance: expect.objectContaining({ scope: 'NATIONAL' }),
        experimentIds: [],
        sectionPositions: [2],
      },
    ]);
  });

  it('reads a version 2 snapshot: no provenance, no experiments', () => {
    const current = buildBriefSnapshot(rows());
    const v2: BriefSnapshot = {
      ...current,
      schemaVersion: 2,
      proposals: current.proposals.map(
        ({ provenance: _provenance, experimentIds: _experimentIds, ...proposal }) => proposal,
      ),
    };
    delete v2.experiments;
    expect(briefAnnex(v2).map((row) => [row.provenance, row.experimentIds])).toEqual([
      [null, []],
      [null, []],
    ]);
    expect(briefExperimentsAnnex(v2)).toEqual([]);
  });
});

describe('provenance and experiments (schema version 3)', () => {
  it('keeps where each cited proposal was made: national, or a local space with its territory and organisation', () => {
    const snapshot = buildBriefSnapshot(withExperiments());
    expect(snapshot.proposals.map((p) => p.provenance)).toEqual([
      {
        consultationId: 'k1',
        consultationTitle: 'Consultation nationale',
        consultationSlug: 'consultation-nationale',
        scope: 'NATIONAL',
        territoryName: null,
        organisationName: null,
      },
      {
        consultationId: 'k2',
        consultationTitle: 'Espace du PTCE',
        consultationSlug: 'espace-ptce',
        scope: 'LOCAL',
        territoryName: 'Rhône',
        organisationName: 'PTCE Sud Rhône',
      },
    ]);
  });

  it('keeps the experiments each proposal cites in its order, and the annex in order of first citation', () => {
    const snapshot = buildBriefSnapshot(withExperiments());
    expect(snapshot.proposals.map((p) => p.experimentIds)).toEqual([['e2', 'e1'], ['e1']]);
    const annex = briefExperimentsAnnex(snapshot);
    expect(annex.map((e) => [e.id, e.name, e.organisationName, e.proposalIds])).toEqual([
      ['e2', 'Épicerie solidaire', 'Asso', ['p1']],
      ['e1', 'Centrale villageoise', 'PTCE Sud Rhône', ['p1', 'p2']],
    ]);
    expect(annex[0].figures).toEqual([]);
  });

  it("freezes each indicator's newest checked figure, none when nothing is checked", () => {
    const [, centrale] = briefExperimentsAnnex(buildBriefSnapshot(withExperiments()));
    expect(centrale.figures).toEqual([
      {
        indicatorName: 'Énergie produite',
        unit: 'KWH',
        baseline: 0,
        value: 3000,
        measuredOn: day(2),
        source: 'Rapport 2',
        sourceUrl: null,
      },
      {
        indicatorName: 'Foyers',
        unit: 'HOUSEHOLDS',
        baseline: null,
        value: null,
        measuredOn: null,
        source: null,
        sourceUrl: null,
      },
    ]);
  });

  it('refuses a cited experiment missing from the rows', () => {
    const input = withExperiments();
    input.experiments = input.experiments.slice(0, 1);
    expect(() => buildBriefSnapshot(input)).toThrow(
      expect.objectContaining({ code: DomainErrorCode.CITATION_SOURCE_INVALID }),
    );
  });
});

describe('retainedReason', () => {
  it('names the brief and the section', () => {
    expect(retainedReason('Eau', 2)).toBe('Retenue dans la contribution « Eau », section 2');
  });
});
