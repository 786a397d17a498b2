import { isValidSiret } from './siret';

describe('isValidSiret', () => {
  it.each([
    ['73282932000074', true], // a well-formed SIRET whose Luhn key is right
    ['732 829 320 00074', true],
    ['73282932000075', false],
    ['35600000000048', true], // La Poste head office: plain Luhn
    ['35600000049837', true], // La Poste establishment: digit sum multiple of 5
    ['35600000049838', false],
    ['1234567890123', false],
    ['1234567890123A', false],
    ['', false],
  ])('%p is %p', (siret, expected) => {
    expect(isValidSiret(siret)).toBe(expected);
  });
});
