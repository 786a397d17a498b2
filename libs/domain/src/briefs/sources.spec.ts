import { DomainErrorCode } from '../shared/errors';
import {
  assertSectionSourced,
  assertSourceMarkers,
  firstInvalidMarker,
  firstUnsourcedParagraph,
  sourceMarkers,
  synthesisParagraphs,
} from './sources';

describe('sourceMarkers', () => {
  it('finds [n] markers once each, in order of appearance', () => {
    expect(sourceMarkers('Les régies [2] et les SCIC [1][2] le montrent [3].')).toEqual([2, 1, 3]);
  });

  it('ignores Markdown links and reference definitions', () => {
    expect(sourceMarkers('[1](https://exemple.fr) et [2]: https://x.fr')).toEqual([]);
    expect(sourceMarkers('aucun renvoi ici, ni [a] ni [12345]')).toEqual([]);
  });
});

describe('synthesisParagraphs', () => {
  it('splits on blank lines, numbers every block and flags one-line headings', () => {
    const paragraphs = synthesisParagraphs('## Constat\n\nPremier [1]\nsuite\n\n  \n\nSecond');
    expect(paragraphs).toEqual([
      { number: 1, text: '## Constat', markers: [], isHeading: true },
      { number: 2, text: 'Premier [1]\nsuite', markers: [1], isHeading: false },
      { number: 3, text: 'Second', markers: [], isHeading: false },
    ]);
  });

  it('gives nothing for an empty synthesis', () => {
    expect(synthesisParagraphs('  \n\n ')).toEqual([]);
  });
});

describe('firstInvalidMarker', () => {
  it('names the first marker outside 1..count', () => {
    expect(firstInvalidMarker('a [1] b [3] c [0]', 2)).toBe(3);
    expect(firstInvalidMarker('a [0]', 2)).toBe(0);
    expect(firstInvalidMarker('a [1] b [2]', 2)).toBeNull();
    expect(firstInvalidMarker('a [1]', 0)).toBe(1);
  });
});

describe('firstUnsourcedParagraph', () => {
  it('finds the first paragraph without a marker, headings exempt', () => {
    expect(firstUnsourcedParagraph('# Titre\n\nUn [1]\n\nDeux\n\nTrois')?.number).toBe(3);
    expect(firstUnsourcedParagraph('# Titre\n\nUn [1]\n\nDeux [2]')).toBeNull();
    expect(firstUnsourcedParagraph('')).toBeNull();
  });
});

describe('assertSourceMarkers / assertSectionSourced', () => {
  const section = (synthesis: string, citationCount = 2) => ({
    title: 'Énergie citoyenne',
    synthesis,
    citationCount,
  });

  it('refuses a marker naming no citation, with its number and the section in the message', () => {
    expect(() => assertSourceMarkers(section('Un [3]'))).toThrow(
      expect.objectContaining({
        code: DomainErrorCode.SOURCE_MARKER_INVALID,
        params: { marker: 3, section: 'Énergie citoyenne', count: 2 },
        message: expect.stringContaining('Le renvoi [3] de la section « Énergie citoyenne »'),
      }),
    );
    expect(() => assertSourceMarkers(section('Un [1]\n\nDeux sans renvoi'))).not.toThrow();
  });

  it('before review, refuses an unsourced paragraph and names it', () => {
    expect(() => assertSectionSourced(section('Un [1]\n\nDeux sans renvoi'), 'en')).toThrow(
      expect.objectContaining({
        code: DomainErrorCode.UNSOURCED_PARAGRAPH,
        params: { paragraph: 2, section: 'Énergie citoyenne' },
        message: expect.stringContaining('Paragraph 2 of section “Énergie citoyenne”'),
      }),
    );
    expect(() => assertSectionSourced(section('Un [5]'))).toThrow(
      expect.objectContaining({ code: DomainErrorCode.SOURCE_MARKER_INVALID }),
    );
    expect(() => assertSectionSourced(section('Un [1]\n\nDeux [2][1]'))).not.toThrow();
  });
});
