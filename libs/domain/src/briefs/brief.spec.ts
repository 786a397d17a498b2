import { DomainError } from '../shared/errors';
import { fieldErrors } from '../shared/validation';
import {
  assertBriefRevision,
  assertBriefTransition,
  type BriefStatus,
  briefTransitionInputSchema,
  canTransitionBrief,
  citationInputSchema,
  createBriefInputSchema,
  hasOneCitationSource,
  isExactQuote,
  statusAfterEdit,
  updateBriefInputSchema,
} from './brief';

const A = '00000000-0000-4000-8000-000000000001';
const B = '00000000-0000-4000-8000-000000000002';

const codeOf = (run: () => void): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'OTHER';
  }
};

describe('brief status machine', () => {
  const STATUSES: BriefStatus[] = ['DRAFT', 'IN_REVIEW', 'PUBLISHED'];
  const ALLOWED = new Set(['DRAFT>IN_REVIEW', 'IN_REVIEW>DRAFT', 'IN_REVIEW>PUBLISHED']);
  const cases = STATUSES.flatMap((from) =>
    STATUSES.map((to) => [from, to, ALLOWED.has(`${from}>${to}`)] as const),
  );

  it.each(cases)('%s → %s allowed: %p', (from, to, allowed) => {
    expect(canTransitionBrief(from, to)).toBe(allowed);
    expect(codeOf(() => assertBriefTransition(from, to, 'en'))).toBe(
      allowed ? null : 'ILLEGAL_TRANSITION',
    );
  });

  it.each<[BriefStatus, BriefStatus]>([
    ['DRAFT', 'DRAFT'],
    ['IN_REVIEW', 'IN_REVIEW'],
    ['PUBLISHED', 'DRAFT'],
  ])('an edit of a %s brief leaves it %s', (status, after) => {
    expect(statusAfterEdit(status)).toBe(after);
  });

  it.each([
    [3, 3, null],
    [2, 3, 'BRIEF_STALE'],
    [4, 3, 'BRIEF_STALE'],
  ])('expected revision %i against current %i → %p', (expected, current, code) => {
    expect(codeOf(() => assertBriefRevision(expected, current))).toBe(code);
  });
});

describe('exact quotes', () => {
  const SOURCES = ['Créer des tiers-lieux', 'Des lieux partagés, ouverts à tous.'];
  it.each([
    ['tiers-lieux', true],
    ['ouverts à tous.', true],
    ['Créer des tiers-lieux', true],
    ['créer des tiers-lieux', false],
    ['ouverts a tous', false],
    ['tiers  lieux', false],
    ['tiers-lieux Des lieux', false],
    ['', false],
  ])('%p is quoted exactly: %p', (quote, expected) => {
    expect(isExactQuote(SOURCES, quote)).toBe(expected);
  });

  it('finds nothing in no source', () => {
    expect(isExactQuote([], 'tiers-lieux')).toBe(false);
  });
});

describe('citation sources', () => {
  it.each([
    [{ proposalId: A }, true],
    [{ commentId: A }, true],
    [{ proposalId: A, commentId: null }, true],
    [{ proposalId: A, commentId: B }, false],
    [{}, false],
    [{ proposalId: null, commentId: null }, false],
  ])('%p names exactly one source: %p', (citation, expected) => {
    expect(hasOneCitationSource(citation)).toBe(expected);
  });
});

describe('brief input schemas', () => {
  const rules = (schema: Parameters<typeof fieldErrors>[0], input: unknown) =>
    fieldErrors(schema, input, 'en').map((e) => `${e.field}:${e.rule}`);

  const create = {
    title: 'Contribution sur l’ESS',
    slug: 'ess-2027',
    consultationIds: [A],
  };

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a valid brief', create, []],
    ['a short title', { ...create, title: 'ESS' }, ['title:minLength']],
    ['a bad slug', { ...create, slug: 'ESS 2027' }, ['slug:slug']],
    ['a short slug', { ...create, slug: 'ab' }, ['slug:minLength']],
    ['no consultation', { ...create, consultationIds: [] }, ['consultationIds:minItems']],
    ['a repeated consultation', { ...create, consultationIds: [A, A] }, ['consultationIds:unique']],
    [
      'eleven consultations',
      { ...create, consultationIds: Array.from({ length: 11 }, () => A) },
      ['consultationIds:maxItems'],
    ],
    [
      'a too long introduction',
      { ...create, introduction: 'x'.repeat(20_001) },
      ['introduction:maxLength'],
    ],
    ['an unknown field', { ...create, status: 'PUBLISHED' }, [':unknownField']],
  ])('create: %s', (_name, input, expected) => {
    expect(rules(createBriefInputSchema, input)).toEqual(expected);
  });

  it('create: an absent introduction becomes empty text', () => {
    expect(createBriefInputSchema.parse(create).introduction).toBe('');
    expect(createBriefInputSchema.parse({ ...create, introduction: ' Intro ' }).introduction).toBe(
      'Intro',
    );
  });

  const section = { title: 'Mobilités', synthesis: 'Texte', citations: [{ proposalId: A }] };
  const update = { briefId: A, expectedRevision: 1 };

  it.each<[string, Record<string, unknown>, string[]]>([
    ['only the revision', update, []],
    ['sections', { ...update, sections: [section] }, []],
    ['no revision', { briefId: A }, ['expectedRevision:required']],
    ['revision 0', { ...update, expectedRevision: 0 }, ['expectedRevision:minValue']],
    [
      'an empty section title',
      { ...update, sections: [{ ...section, title: ' ' }] },
      ['sections.0.title:required'],
    ],
    [
      'a citation with two sources',
      { ...update, sections: [{ ...section, citations: [{ proposalId: A, commentId: B }] }] },
      ['sections.0.citations.0.proposalId:oneSource'],
    ],
    [
      'a citation without source',
      { ...update, sections: [section, { ...section, citations: [{ quote: 'x' }] }] },
      ['sections.1.citations.0.proposalId:oneSource'],
    ],
    [
      'an empty quote',
      { ...update, sections: [{ ...section, citations: [{ proposalId: A, quote: '' }] }] },
      ['sections.0.citations.0.quote:required'],
    ],
    [
      'a too long quote',
      {
        ...update,
        sections: [{ ...section, citations: [{ proposalId: A, quote: 'x'.repeat(1001) }] }],
      },
      ['sections.0.citations.0.quote:maxLength'],
    ],
    [
      'a too long dissent note',
      { ...update, sections: [{ ...section, dissentNote: 'x'.repeat(5001) }] },
      ['sections.0.dissentNote:maxLength'],
    ],
    [
      '31 sections',
      { ...update, sections: Array.from({ length: 31 }, () => section) },
      ['sections:maxItems'],
    ],
    [
      '101 citations',
      {
        ...update,
        sections: [
          { ...section, citations: Array.from({ length: 101 }, () => ({ proposalId: A })) },
        ],
      },
      ['sections.0.citations:maxItems'],
    ],
  ])('update: %s', (_name, input, expected) => {
    expect(rules(updateBriefInputSchema, input)).toEqual(expected);
  });

  it('keeps a quote untrimmed and fills absent citation fields with null', () => {
    expect(citationInputSchema.parse({ commentId: B, quote: ' mot ' })).toEqual({
      proposalId: null,
      commentId: B,
      quote: ' mot ',
    });
    const parsed = updateBriefInputSchema.parse({ ...update, sections: [section] });
    expect(parsed.sections?.[0]).toEqual({
      title: 'Mobilités',
      synthesis: 'Texte',
      dissentNote: '',
      citations: [{ proposalId: A, commentId: null, quote: null }],
    });
  });

  it.each<[Record<string, unknown>, string[]]>([
    [{ briefId: A, expectedRevision: 2 }, []],
    [{ briefId: 'x', expectedRevision: 2 }, ['briefId:id']],
    [{ briefId: A, expectedRevision: 1.5 }, ['expectedRevision:invalid']],
  ])('transition input %p', (input, expected) => {
    expect(rules(briefTransitionInputSchema, input)).toEqual(expected);
  });
});
