import { normaliseSearch, searchPattern } from './territories.service';

describe('territory search normalisation', () => {
  it.each([
    ['Saint-Étienne', 'saint-etienne'],
    ['  L’Haÿ-les-Roses ', 'l’hay-les-roses'],
    ['ŒUVRE   commune', 'oeuvre commune'],
  ])('normalises %s', (input, expected) => {
    expect(normaliseSearch(input)).toBe(expected);
  });

  it('matches any separator between words and escapes LIKE wildcards', () => {
    expect(searchPattern('saint-etienne')).toBe('saint_etienne');
    expect(searchPattern("l'hay les roses")).toBe('l_hay_les_roses');
    expect(searchPattern('100%_sure\\')).toBe('100\\%\\_sure\\\\');
  });
});
