import { pickLanguage } from './language';

describe('pickLanguage', () => {
  it.each([
    [undefined, 'fr'],
    [null, 'fr'],
    ['', 'fr'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['de-DE,en;q=0.5,fr;q=0.7', 'fr'],
    ['de-DE,en;q=0.8,fr;q=0.7', 'en'],
    ['de, es', 'fr'],
    ['en;q=0, fr;q=0.1', 'fr'],
    ['en;q=abc', 'fr'],
    [';q=1', 'fr'],
  ])('reads %p as %p', (header, expected) => {
    expect(pickLanguage(header)).toBe(expected);
  });
});
