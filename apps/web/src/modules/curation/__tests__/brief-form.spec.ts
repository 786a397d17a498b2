import { briefToForm, move, removeAt, toErrorPaths, toUpdateBriefInput } from '../forms/brief-form';
import { brief, uuid } from './fixtures';

describe('brief form → UpdateBriefInput', () => {
  it('sends every section and citation in the shown order, with the revision it started from', () => {
    const input = toUpdateBriefInput(uuid(1), 3, briefToForm(brief()));
    expect(input).toEqual({
      briefId: uuid(1),
      expectedRevision: 3,
      title: 'Contribution nationale ESS',
      introduction: 'Introduction',
      sections: [
        {
          title: 'Financer',
          synthesis: 'Synthèse A',
          dissentNote: '',
          citations: [
            { proposalId: uuid(101), quote: 'fonds' },
            { proposalId: uuid(102), quote: null },
          ],
        },
        { title: 'Former', synthesis: 'Synthèse B', dissentNote: 'Désaccord', citations: [] },
      ],
    });
  });

  it('names the proposal a saved comment citation belongs to', () => {
    const saved = brief();
    const section = saved.sections[0];
    const citation = section?.citations[0];
    if (!section || !citation) throw new Error('fixture has a citation');
    const comment = {
      ...citation,
      proposal: null,
      sourceProposal: { id: uuid(101), title: 'Un fonds régional' },
      comment: { id: uuid(300), proposalId: uuid(101), body: 'Oui, un fonds régional.' },
    };
    const form = briefToForm({ ...saved, sections: [{ ...section, citations: [comment] }] });
    expect(form.sections[0]?.citations[0]).toMatchObject({
      commentId: uuid(300),
      commentProposalId: uuid(101),
      commentProposalTitle: 'Un fonds régional',
    });
  });

  it('reorders sections and citations, and drops removed ones', () => {
    const form = briefToForm(brief());
    const [first, second] = form.sections;
    if (!first || !second) throw new Error('fixture has two sections');
    const reordered = {
      ...form,
      sections: move([{ ...first, citations: move(first.citations, 1, -1) }, second], 1, -1),
    };
    const input = toUpdateBriefInput(uuid(1), 3, reordered);
    expect(input.sections?.map((s) => s.title)).toEqual(['Former', 'Financer']);
    expect(input.sections?.[1]?.citations).toEqual([
      { proposalId: uuid(102), quote: null },
      { proposalId: uuid(101), quote: 'fonds' },
    ]);

    const removed = { ...form, sections: removeAt(form.sections, 0) };
    expect(toUpdateBriefInput(uuid(1), 3, removed).sections?.map((s) => s.title)).toEqual([
      'Former',
    ]);
  });

  it('leaves the list unchanged when moving past either end', () => {
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(move(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('keeps the first message of each full field path', () => {
    expect(
      toErrorPaths([
        { field: 'sections.0.citations.1.quote', rule: 'a', message: 'Pas dans la source.' },
        { field: 'sections.0.citations.1.quote', rule: 'b', message: 'Autre.' },
        { field: 'title', rule: 'min', message: 'Trop court.' },
      ]),
    ).toEqual({ 'sections.0.citations.1.quote': 'Pas dans la source.', title: 'Trop court.' });
  });
});
