import { DomainError, DomainErrorCode } from '../shared/errors';
import {
  BRIEF_SNAPSHOT_SCHEMA_VERSION,
  type BriefSnapshot,
  type BriefSnapshotCitation,
  type BriefSnapshotSection,
  type FrozenVoteFigures,
} from './snapshot';
import { assertComparableVersions, diffBriefVersions } from './version-diff';

const figures = (votesFor: number, votesAgainst = 0, votesNeutral = 0): FrozenVoteFigures => ({
  votesFor,
  votesAgainst,
  votesNeutral,
  colleges: [{ actorType: 'ASSOCIATION', votesFor, votesAgainst, votesNeutral }],
});

const proposalCitation = (
  id: string,
  votes: FrozenVoteFigures = figures(1),
  quote: string | null = null,
): BriefSnapshotCitation => ({
  position: 0,
  proposalId: id,
  commentId: null,
  quote,
  sourceProposalId: id,
  proposalTitle: `Proposition ${id}`,
  figures: votes,
});

const commentCitation = (id: string, proposalId: string): BriefSnapshotCitation => ({
  position: 0,
  proposalId: null,
  commentId: id,
  quote: 'un extrait',
  sourceProposalId: proposalId,
  proposalTitle: `Proposition ${proposalId}`,
  figures: null,
});

const section = (
  title: string,
  overrides: Partial<BriefSnapshotSection> = {},
): Omit<BriefSnapshotSection, 'position'> => ({
  title,
  synthesis: `Synthèse « ${title} » [1].`,
  synthesisHtml: '<p>ignored</p>',
  dissentNote: '',
  citations: [proposalCitation('p1')],
  ...overrides,
});

const snapshot = (
  sections: Omit<BriefSnapshotSection, 'position'>[],
  overrides: Partial<BriefSnapshot> = {},
): BriefSnapshot => {
  const positioned = sections.map((item, position) => ({
    ...item,
    position,
    citations: item.citations.map((citation, index) => ({ ...citation, position: index })),
  }));
  const proposals = new Map<string, FrozenVoteFigures>();
  for (const item of positioned) {
    for (const citation of item.citations) {
      if (citation.proposalId && citation.figures && !proposals.has(citation.proposalId)) {
        proposals.set(citation.proposalId, citation.figures);
      }
    }
  }
  return {
    schemaVersion: BRIEF_SNAPSHOT_SCHEMA_VERSION,
    title: 'Énergie citoyenne',
    introduction: 'Une **introduction** sur les SCIC.',
    introductionHtml: '<p>ignored</p>',
    sections: positioned,
    proposals: [...proposals].map(([id, votes]) => ({
      id,
      title: `Proposition ${id}`,
      territoryName: 'Lyon',
      authorActorType: 'ASSOCIATION' as const,
      figures: votes,
    })),
    ...overrides,
  };
};

const statuses = (diff: ReturnType<typeof diffBriefVersions>) =>
  diff.sections.map((entry) => [entry.status, entry.fromPosition, entry.toPosition]);

describe('diffBriefVersions', () => {
  it('finds nothing to show between two identical versions', () => {
    const version = snapshot([section('Circuits courts'), section('Énergie')]);
    const diff = diffBriefVersions(version, structuredClone(version));
    expect(diff.hasChanges).toBe(false);
    expect(diff.title).toEqual([{ kind: 'same', text: 'Énergie citoyenne' }]);
    expect(statuses(diff)).toEqual([
      ['unchanged', 0, 0],
      ['unchanged', 1, 1],
    ]);
    expect(diff.sections[0]).toMatchObject({ citationsAdded: [], citationsRemoved: [] });
    expect(diff.figures).toEqual([
      {
        proposalId: 'p1',
        title: 'Proposition p1',
        before: figures(1),
        after: figures(1),
        isChanged: false,
      },
    ]);
  });

  it('diffs the title and the Markdown introduction word by word', () => {
    const diff = diffBriefVersions(
      snapshot([section('A')]),
      snapshot([section('A')], {
        title: 'Énergie coopérative',
        introduction: 'Une **introduction** sur les SCIC et les PTCE.',
      }),
    );
    expect(diff.hasChanges).toBe(true);
    expect(diff.title).toEqual([
      { kind: 'same', text: 'Énergie ' },
      { kind: 'removed', text: 'citoyenne' },
      { kind: 'added', text: 'coopérative' },
    ]);
    expect(diff.introduction).toEqual([
      { kind: 'same', text: 'Une **introduction** sur les SCIC ' },
      { kind: 'added', text: 'et les PTCE' },
      { kind: 'same', text: '.' },
    ]);
    expect(statuses(diff)).toEqual([['unchanged', 0, 0]]);
  });

  it('diffs the synthesis source and dissent note of a section kept under its title', () => {
    const diff = diffBriefVersions(
      snapshot([section('Circuits courts', { synthesis: 'Des paniers à prix solidaire [1].' })]),
      snapshot([
        section('Circuits courts', {
          synthesis: 'Des paniers à prix très solidaire [1].',
          dissentNote: 'Certains producteurs craignent la concurrence.',
        }),
      ]),
    );
    const [entry] = diff.sections;
    expect(entry.status).toBe('changed');
    expect(entry.title).toEqual([{ kind: 'same', text: 'Circuits courts' }]);
    expect(entry.synthesis).toEqual([
      { kind: 'same', text: 'Des paniers à prix ' },
      { kind: 'added', text: 'très ' },
      { kind: 'same', text: 'solidaire [1].' },
    ]);
    expect(entry.dissentNote).toEqual([
      { kind: 'added', text: 'Certains producteurs craignent la concurrence.' },
    ]);
  });

  it('matches sections by title first, even when they moved, ignoring case and spacing', () => {
    const diff = diffBriefVersions(
      snapshot([section('Circuits courts'), section('Énergie citoyenne')]),
      snapshot([section('énergie  citoyenne '), section('Circuits courts')]),
    );
    expect(statuses(diff)).toEqual([
      ['changed', 1, 0], // the title's case and spacing changed: shown, but the same section
      ['unchanged', 0, 1],
    ]);
  });

  it('does not pair sections at the same place that share neither a source nor their text', () => {
    const diff = diffBriefVersions(
      snapshot([section('Mobilités', { citations: [proposalCitation('p1')] })]),
      snapshot([section('Énergie', { citations: [proposalCitation('p2')] })]),
    );
    expect(statuses(diff)).toEqual([
      ['removed', 0, null],
      ['added', null, 0],
    ]);
  });

  it('pairs a retitled section whose sources all changed when its synthesis is the same', () => {
    const diff = diffBriefVersions(
      snapshot([
        section('Mobilités', { synthesis: 'Texte [1].', citations: [proposalCitation('p1')] }),
      ]),
      snapshot([
        section('Transports', { synthesis: 'Texte [1]. ', citations: [proposalCitation('p2')] }),
      ]),
    );
    expect(statuses(diff)).toEqual([['changed', 0, 0]]);
  });

  it('matches a retitled section by its position', () => {
    const diff = diffBriefVersions(
      snapshot([section('Mobilités', { synthesis: 'Texte [1].' }), section('Énergie')]),
      snapshot([section('Mobilités solidaires', { synthesis: 'Texte [1].' }), section('Énergie')]),
    );
    expect(statuses(diff)).toEqual([
      ['changed', 0, 0],
      ['unchanged', 1, 1],
    ]);
    expect(diff.sections[0].title).toEqual([
      { kind: 'same', text: 'Mobilités ' },
      { kind: 'added', text: 'solidaires' },
    ]);
  });

  it('lists added sections in place and removed ones after the sections that preceded them', () => {
    const diff = diffBriefVersions(
      snapshot([section('A'), section('B'), section('C'), section('D')]),
      snapshot([section('A'), section('C'), section('E'), section('F'), section('G')]),
    );
    // B removed (after A); D (position 3) is paired with F (position 3) as retitled; E and G added.
    expect(statuses(diff)).toEqual([
      ['unchanged', 0, 0],
      ['removed', 1, null],
      ['unchanged', 2, 1],
      ['added', null, 2],
      ['changed', 3, 3],
      ['added', null, 4],
    ]);
    const removed = diff.sections[1];
    expect(removed.title).toEqual([{ kind: 'removed', text: 'B' }]);
    expect(removed.synthesis).toEqual([{ kind: 'removed', text: 'Synthèse « B » [1].' }]);
    expect(removed.citationsRemoved.map((citation) => citation.proposalId)).toEqual(['p1']);
    const added = diff.sections[3];
    expect(added.title).toEqual([{ kind: 'added', text: 'E' }]);
    expect(added.citationsAdded.map((citation) => citation.proposalId)).toEqual(['p1']);
  });

  it('puts a removed first section first', () => {
    const diff = diffBriefVersions(
      snapshot([section('A'), section('B'), section('C')]),
      snapshot([section('C'), section('B')]),
    );
    expect(statuses(diff)).toEqual([
      ['removed', 0, null],
      ['unchanged', 2, 0],
      ['unchanged', 1, 1],
    ]);
  });

  it('lists the citations a section gained and lost, by proposal or comment', () => {
    const diff = diffBriefVersions(
      snapshot([
        section('Énergie', {
          citations: [proposalCitation('p1'), proposalCitation('p2'), commentCitation('c1', 'p3')],
        }),
      ]),
      snapshot([
        section('Énergie', {
          citations: [
            proposalCitation('p2', figures(1), 'un nouvel extrait'),
            commentCitation('c2', 'p3'),
            proposalCitation('p4'),
            proposalCitation('p1'),
          ],
        }),
      ]),
    );
    const [entry] = diff.sections;
    expect(entry.status).toBe('changed');
    expect(entry.citationsAdded).toEqual([
      {
        proposalId: null,
        commentId: 'c2',
        sourceProposalId: 'p3',
        proposalTitle: 'Proposition p3',
        quote: 'un extrait',
      },
      {
        proposalId: 'p4',
        commentId: null,
        sourceProposalId: 'p4',
        proposalTitle: 'Proposition p4',
        quote: null,
      },
    ]);
    expect(entry.citationsRemoved).toEqual([
      {
        proposalId: null,
        commentId: 'c1',
        sourceProposalId: 'p3',
        proposalTitle: 'Proposition p3',
        quote: 'un extrait',
      },
    ]);
    expect(diff.hasChanges).toBe(true);
  });

  it('gives the frozen figures before and after of the proposals cited in both versions', () => {
    const diff = diffBriefVersions(
      snapshot([
        section('A', {
          citations: [proposalCitation('p1', figures(3, 1)), proposalCitation('p2')],
        }),
      ]),
      snapshot([
        section('A', {
          citations: [
            proposalCitation('p3'),
            proposalCitation('p2'),
            proposalCitation('p1', figures(5, 1, 2)),
          ],
        }),
      ]),
    );
    expect(diff.figures).toEqual([
      {
        proposalId: 'p2',
        title: 'Proposition p2',
        before: figures(1),
        after: figures(1),
        isChanged: false,
      },
      {
        proposalId: 'p1',
        title: 'Proposition p1',
        before: figures(3, 1),
        after: figures(5, 1, 2),
        isChanged: true,
      },
    ]);
  });

  it('sees a change of a single collège’s figures', () => {
    const before = figures(2);
    const after: FrozenVoteFigures = {
      ...before,
      colleges: [
        { actorType: 'CITIZEN', votesFor: 1, votesAgainst: 0, votesNeutral: 0 },
        { actorType: 'ASSOCIATION', votesFor: 1, votesAgainst: 0, votesNeutral: 0 },
      ],
    };
    const diff = diffBriefVersions(
      snapshot([section('A', { citations: [proposalCitation('p1', before)] })]),
      snapshot([section('A', { citations: [proposalCitation('p1', after)] })]),
    );
    expect(diff.figures[0].isChanged).toBe(true);
    // Figures alone do not make the text different.
    expect(diff.hasChanges).toBe(false);
  });

  it('compares a newer version with an older one as asked (from → to)', () => {
    const diff = diffBriefVersions(
      snapshot([section('A'), section('B')]),
      snapshot([section('A')]),
    );
    expect(statuses(diff)).toEqual([
      ['unchanged', 0, 0],
      ['removed', 1, null],
    ]);
    expect(diff.hasChanges).toBe(true);
  });
});

describe('assertComparableVersions', () => {
  const fieldsOf = (from: number, to: number, lang: 'fr' | 'en' = 'fr') => {
    try {
      assertComparableVersions(from, to, lang);
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(DomainErrorCode.INVALID_INPUT);
      return (error as DomainError).fields;
    }
    return undefined;
  };

  it('accepts two different published version numbers, in either order', () => {
    expect(fieldsOf(1, 2)).toBeUndefined();
    expect(fieldsOf(3, 1)).toBeUndefined();
  });

  it('refuses the same version twice, naming the `to` field', () => {
    expect(fieldsOf(2, 2)).toEqual([
      {
        field: 'to',
        rule: 'different',
        message: 'Choisissez deux versions différentes à comparer.',
      },
    ]);
    expect(fieldsOf(2, 2, 'en')?.[0].message).toBe('Choose two different versions to compare.');
  });

  it.each([
    [0, 1, ['from']],
    [1, -3, ['to']],
    [0, 0, ['from', 'to']],
    [1.5, 2, ['from']],
  ])('refuses version numbers that are not whole numbers from 1 (%p, %p)', (from, to, bad) => {
    const fields = fieldsOf(from, to);
    expect(fields?.map((field) => field.field)).toEqual(bad);
    expect(fields?.[0]).toMatchObject({
      rule: 'minValue',
      message: 'Choisissez une version publiée : un numéro entier à partir de 1.',
    });
  });

  it('speaks English when asked', () => {
    expect(fieldsOf(0, 1, 'en')?.[0].message).toBe(
      'Choose a published version: a whole number from 1.',
    );
  });
});
