import {
  insertSourceMarker,
  previewBlocks,
  remapSourceMarkers,
  sourceWarnings,
} from '../forms/source-markers';

describe('remapSourceMarkers', () => {
  it('renumbers markers so that each still names the same source after a reorder', () => {
    const text = 'Un fonds régional [1].\n\nDes garanties publiques [2] et une SCIC [3][1].';
    expect(remapSourceMarkers(text, ['a', 'b', 'c'], ['c', 'a', 'b'])).toBe(
      'Un fonds régional [2].\n\nDes garanties publiques [3] et une SCIC [1][2].',
    );
  });

  it('takes out the markers of a removed citation and renumbers the others', () => {
    expect(remapSourceMarkers('Circuits courts [1] et PTCE [2].', ['a', 'b'], ['b'])).toBe(
      'Circuits courts et PTCE [1].',
    );
    expect(remapSourceMarkers('Énergie citoyenne [1][2].', ['a', 'b'], ['b'])).toBe(
      'Énergie citoyenne [1].',
    );
  });

  it('leaves links, markers naming nothing and unchanged orders as typed', () => {
    const text = 'Voir [1](https://example.org) et [2], mais pas [7].';
    expect(remapSourceMarkers(text, ['a', 'b'], ['b', 'a'])).toBe(
      'Voir [1](https://example.org) et [1], mais pas [7].',
    );
    expect(remapSourceMarkers(text, ['a', 'b'], ['a', 'b'])).toBe(text);
  });
});

describe('insertSourceMarker', () => {
  it('puts the marker at the cursor, spaced from the word before it', () => {
    expect(insertSourceMarker('Une SCIC.', 8, 8, 2)).toEqual({ text: 'Une SCIC [2].', cursor: 12 });
    expect(insertSourceMarker('Une SCIC ', 9, 9, 1)).toEqual({ text: 'Une SCIC [1]', cursor: 12 });
    expect(insertSourceMarker('', 0, 0, 1)).toEqual({ text: '[1]', cursor: 3 });
  });

  it('follows another marker without a space and replaces a selection', () => {
    expect(insertSourceMarker('Fonds [1]', 9, 9, 3)).toEqual({ text: 'Fonds [1][3]', cursor: 12 });
    expect(insertSourceMarker('Fonds XXX.', 6, 9, 1)).toEqual({ text: 'Fonds [1].', cursor: 9 });
  });
});

describe('sourceWarnings', () => {
  it('lists markers naming no citation, then paragraphs without a source', () => {
    const text = '## Financer\n\nUn fonds [1].\n\nDes garanties [4] et [0].\n\nSans source.';
    expect(sourceWarnings(text, 2)).toEqual([
      { kind: 'invalidMarker', marker: 4, count: 2 },
      { kind: 'invalidMarker', marker: 0, count: 2 },
      { kind: 'unsourced', paragraph: 4 },
    ]);
  });

  it('has nothing to say when every paragraph refers to a citation', () => {
    expect(sourceWarnings('Un fonds [1].\n\nDes garanties [2].', 2)).toEqual([]);
    expect(sourceWarnings('', 0)).toEqual([]);
  });
});

describe('previewBlocks', () => {
  it('splits paragraphs into text and markers, links kept as text', () => {
    expect(previewBlocks('Un fonds [1] et [2](https://x.fr).\n\nFin [2].')).toEqual([
      [{ text: 'Un fonds ' }, { marker: 1 }, { text: ' et [2](https://x.fr).' }],
      [{ text: 'Fin ' }, { marker: 2 }, { text: '.' }],
    ]);
  });
});
