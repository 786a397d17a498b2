import {
  CANDIDATE_ORDERS,
  initialCandidateFilters,
  toCandidateVariables,
  updateCandidateFilters,
} from '../forms/candidate-filters';
import { briefToForm, commentCitation, proposalCitation } from '../forms/brief-form';
import {
  appendDissentDraft,
  dissentSources,
  groupAgreements,
  sectionDissentDraft,
  toLanguage,
} from '../forms/opinions';
import { brief, groupFigures, opinionsOf, proposal, uuid } from './fixtures';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

const divided = opinionsOf([groupFigures(1, 42, 6, 16, 3), groupFigures(0, 30, 20, 2, 1)]);
const agreed = opinionsOf([groupFigures(0, 30, 20, 2), groupFigures(1, 42, 15, 4)]);

describe('candidate orders', () => {
  it('offers the consensus across opinion groups and what divides them', () => {
    expect(CANDIDATE_ORDERS).toEqual(expect.arrayContaining(['CONSENSUS', 'DIVISIVE']));
    for (const orderBy of ['CONSENSUS', 'DIVISIVE'] as const) {
      const state = updateCandidateFilters(initialCandidateFilters('c1'), { orderBy });
      expect(toCandidateVariables(state).orderBy).toBe(orderBy);
    }
  });
});

describe('opinion figures', () => {
  it('gives each group’s share FOR as a whole percentage, in label order', () => {
    expect(groupAgreements(divided)).toEqual([
      { label: 'A', value: 87 },
      { label: 'B', value: 24 },
    ]);
  });

  it('reads the UI language as a domain language, French by default', () => {
    expect(toLanguage('en-GB')).toBe('en');
    expect(toLanguage('fr')).toBe('fr');
    expect(toLanguage('de')).toBe('fr');
    expect(toLanguage(undefined)).toBe('fr');
  });
});

describe('dissent note draft of a section', () => {
  const section = {
    citations: [
      proposalCitation(proposal(1, 'Sans groupes')),
      commentCitation(
        {
          __typename: 'Comment',
          id: uuid(300),
          proposalId: uuid(101),
          parentId: null,
          body: 'Un commentaire',
          bodyHtml: '<p>Un commentaire</p>',
          stance: 'AGAINST',
          author: null,
          isHidden: false,
          isDeleted: false,
          isEdited: false,
          upvotes: 0,
          hasMyUpvote: false,
          canEdit: false,
          createdAt: '2026-11-20T10:00:00.000Z',
          editedAt: null,
          replies: [],
        },
        'Sans groupes',
      ),
      proposalCitation(proposal(3, 'Consensuelle', agreed)),
      proposalCitation(proposal(4, 'Un fonds régional', divided)),
    ],
  };

  it('reads the cited proposals with computed groups, numbered by their source marker, groups in order', () => {
    expect(dissentSources(section)).toEqual([
      {
        title: 'Consensuelle',
        marker: 3,
        groups: [
          { label: 'A', groupSize: 30, agree: 20, disagree: 2, pass: 0 },
          { label: 'B', groupSize: 42, agree: 15, disagree: 4, pass: 0 },
        ],
      },
      {
        title: 'Un fonds régional',
        marker: 4,
        groups: [
          { label: 'A', groupSize: 30, agree: 20, disagree: 2, pass: 1 },
          { label: 'B', groupSize: 42, agree: 6, disagree: 16, pass: 3 },
        ],
      },
    ]);
  });

  it('names the groups that disagree, in the UI language', () => {
    expect(sectionDissentDraft(section, 'fr')).toBe(
      `Le groupe B (42 participants) est majoritairement opposé à «${NNBSP}Un fonds régional${NNBSP}»${NBSP}[4]${NNBSP}: 64${NBSP}% contre, 24${NBSP}% pour.`,
    );
    expect(sectionDissentDraft(section, 'en')).toBe(
      `Group B (42 participants) mostly opposes “Un fonds régional”${NBSP}[4]: 64% against, 24% for.`,
    );
  });

  it('is empty when no cited proposal has a disagreeing group', () => {
    expect(sectionDissentDraft(briefToForm(brief()).sections[0] ?? { citations: [] }, 'fr')).toBe(
      '',
    );
  });
});

describe('appendDissentDraft', () => {
  it('fills an empty note with the draft', () => {
    expect(appendDissentDraft('', 'Brouillon.')).toBe('Brouillon.');
    expect(appendDissentDraft('  \n', 'Brouillon.')).toBe('Brouillon.');
  });

  it('keeps what the curator wrote and adds the draft after a blank line', () => {
    expect(appendDissentDraft('Mon texte.\n', 'Brouillon.')).toBe('Mon texte.\n\nBrouillon.');
  });

  it('adds nothing twice, and nothing when there is no draft', () => {
    expect(appendDissentDraft('Mon texte.\n\nBrouillon.', 'Brouillon.')).toBe(
      'Mon texte.\n\nBrouillon.',
    );
    expect(appendDissentDraft('Mon texte.', '')).toBe('Mon texte.');
  });
});
