import type { Active, DragEndEvent, Over } from '@dnd-kit/core';
import { renderWithApp } from '../../../testing/render';
import { briefToForm, type SectionState } from '../forms/brief-form';
import { accepts, useBriefDnd, type BriefDragData } from '../hooks/useBriefDnd';
import { brief, candidate } from './fixtures';

type Dnd = ReturnType<typeof useBriefDnd>;

/** The hook as a component would use it, with the fixture brief's sections. */
function renderDnd(sections: SectionState[]) {
  const onSections = jest.fn<void, [SectionState[]]>();
  const onCite = jest.fn();
  const result: { current: Dnd | null } = { current: null };
  function Probe() {
    result.current = useBriefDnd({ sections, onSections, onCite });
    return null;
  }
  renderWithApp(<Probe />);
  if (!result.current) throw new Error('hook not rendered');
  return { dnd: result.current, onSections, onCite };
}

/** A dnd-kit active or over item with our data (and its place in a sortable list, if any). */
function item(id: string, data: BriefDragData, index?: number, count?: number): Active & Over {
  const sortable = index === undefined ? {} : { sortable: { index, items: new Array(count) } };
  return {
    id,
    data: { current: { ...data, ...sortable } },
    rect: { current: { initial: null, translated: null } },
    disabled: false,
  } as unknown as Active & Over;
}

/** The drop of `active` on `over`, as dnd-kit reports it. */
const drop = (active: Active, over: Over | null): DragEndEvent => ({
  active,
  over,
  activatorEvent: new Event('pointerdown'),
  collisions: null,
  delta: { x: 0, y: 0 },
});

const sections = () => {
  const form = briefToForm(brief());
  const [first, second] = form.sections;
  if (!first || !second) throw new Error('fixture has two sections');
  return [{ ...first, synthesis: 'Un fonds régional [1].\n\nDes garanties [2].' }, second];
};

describe('drag and drop of the brief editor', () => {
  it('only lets sections onto sections, citations within their section, candidates onto sections', () => {
    const section = { type: 'section', key: 's1' } as const;
    const citation = { type: 'citation', key: 'c1', sectionKey: 's1' } as const;
    const candidateData = { type: 'candidate', proposal: candidate(5, 'Une SCIC') } as const;
    expect(accepts(section, { type: 'section', key: 's2' })).toBe(true);
    expect(accepts(section, citation)).toBe(false);
    expect(accepts(citation, { type: 'citation', key: 'c2', sectionKey: 's1' })).toBe(true);
    expect(accepts(citation, { type: 'citation', key: 'c3', sectionKey: 's2' })).toBe(false);
    expect(accepts(candidateData, section)).toBe(true);
    expect(accepts(candidateData, citation)).toBe(false);
  });

  it('announces in French what is picked up, where it goes and where it is dropped', () => {
    const [first, second] = sections();
    if (!first || !second) throw new Error('two sections');
    const { dnd } = renderDnd([first, second]);
    const { announcements, screenReaderInstructions } = dnd.contextProps.accessibility;
    const moved = item('section:b', { type: 'section', key: second.key }, 1, 2);
    const target = item('section:a', { type: 'section', key: first.key }, 0, 2);
    expect(screenReaderInstructions.draggable).toMatch(
      /^Pour déplacer un élément, appuyez sur Espace/,
    );
    expect(announcements.onDragStart({ active: moved })).toBe(
      'Vous avez saisi la section 2 « Former », en position 2 sur 2.',
    );
    // Over itself right after pick-up: nothing said, the pick-up announcement stays.
    expect(announcements.onDragOver({ active: moved, over: moved })).toBeUndefined();
    expect(announcements.onDragOver({ active: moved, over: target })).toBe(
      'Vous déplacez la section 2 « Former » en position 1 sur 2.',
    );
    expect(announcements.onDragEnd({ active: moved, over: target })).toBe(
      'Vous avez déposé la section 2 « Former » en position 1 sur 2.',
    );
    expect(announcements.onDragCancel({ active: moved, over: null })).toBe(
      'Déplacement annulé : la section 2 « Former » est revenue à sa place.',
    );
    const proposal = candidate(1, 'Un fonds régional');
    const dragged = item('candidate:x', { type: 'candidate', proposal });
    expect(announcements.onDragEnd({ active: dragged, over: target })).toBe(
      'Rien n’a changé : la proposition « Un fonds régional » est déjà citée dans la section 1 « Financer ».',
    );
  });

  it('reorders citations on drop and rewrites the markers; cites a dropped candidate once', () => {
    const [first, second] = sections();
    if (!first || !second) throw new Error('two sections');
    const { dnd, onSections, onCite } = renderDnd([first, second]);
    const [a, b] = first.citations;
    if (!a || !b) throw new Error('two citations');
    dnd.contextProps.onDragEnd(
      drop(
        item('citation:a', { type: 'citation', key: a.key, sectionKey: first.key }, 0, 2),
        item('citation:b', { type: 'citation', key: b.key, sectionKey: first.key }, 1, 2),
      ),
    );
    const [reordered] = onSections.mock.calls[0]?.[0] ?? [];
    expect(reordered?.citations.map((c) => c.key)).toEqual([b.key, a.key]);
    expect(reordered?.synthesis).toBe('Un fonds régional [2].\n\nDes garanties [1].');

    const scic = candidate(5, 'Une SCIC d’énergie citoyenne');
    const onSecond = item('section:b', { type: 'section', key: second.key }, 1, 2);
    dnd.contextProps.onDragEnd(
      drop(item('candidate:scic', { type: 'candidate', proposal: scic }), onSecond),
    );
    expect(onCite).toHaveBeenCalledWith(second.key, scic);
    // Already cited by the first section: dropping it there changes nothing.
    const fonds = candidate(1, 'Un fonds régional');
    dnd.contextProps.onDragEnd(
      drop(
        item('candidate:a', { type: 'candidate', proposal: fonds }),
        item('section:a', { type: 'section', key: first.key }, 0, 2),
      ),
    );
    expect(onCite).toHaveBeenCalledTimes(1);
  });
});
