import { type DiffPart, hasTextChanges, mergeDiffParts, wordDiff } from './word-diff';

const same = (text: string): DiffPart => ({ kind: 'same', text });
const added = (text: string): DiffPart => ({ kind: 'added', text });
const removed = (text: string): DiffPart => ({ kind: 'removed', text });

describe('wordDiff', () => {
  it('gives one kept part for identical texts and no part for two empty texts', () => {
    expect(
      wordDiff('Une SCIC pour l’énergie citoyenne', 'Une SCIC pour l’énergie citoyenne'),
    ).toEqual([same('Une SCIC pour l’énergie citoyenne')]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('shows a replaced word as removed then added, between kept text', () => {
    expect(wordDiff('Des circuits courts à Lyon', 'Des circuits courts à Lille')).toEqual([
      same('Des circuits courts à '),
      removed('Lyon'),
      added('Lille'),
    ]);
  });

  it('shows inserted and deleted words with their spacing', () => {
    expect(
      wordDiff('L’énergie citoyenne est forte.', 'L’énergie coopérative est très forte.'),
    ).toEqual([
      same('L’énergie '),
      removed('citoyenne'),
      added('coopérative'),
      same(' est '),
      added('très '),
      same('forte.'),
    ]);
    expect(wordDiff('Un tiers-lieu rural et solidaire', 'Un tiers-lieu solidaire')).toEqual([
      same('Un tiers-lieu '),
      removed('rural et '),
      same('solidaire'),
    ]);
  });

  it.each([
    ['é', 'une économie sociale', 'une écologie sociale', 'économie', 'écologie'],
    ['è', 'une filière légère', 'une filière lourde', 'légère', 'lourde'],
    ['à', 'aide à domicile', 'aide au domicile', 'à', 'au'],
    ['ç', 'la façon de produire', 'la leçon de produire', 'façon', 'leçon'],
    ['œ', 'au cœur du projet', 'au chœur du projet', 'cœur', 'chœur'],
    [
      'typographic apostrophe',
      'il le fait aujourd’hui même',
      'il le fait demain même',
      'aujourd’hui',
      'demain',
    ],
    [
      'elided article',
      'pour l’économie locale',
      'pour l’écologie locale',
      'l’économie',
      'l’écologie',
    ],
    [
      'straight apostrophe',
      "c'est l'œuvre commune",
      "c'est l'ouvrage commun",
      "l'œuvre commune",
      "l'ouvrage commun",
    ],
  ])('keeps French words with %s whole', (_label, before, after, gone, come) => {
    const parts = wordDiff(before, after);
    expect(parts.filter((part) => part.kind === 'removed').map((part) => part.text)).toEqual([
      gone,
    ]);
    expect(parts.filter((part) => part.kind === 'added').map((part) => part.text)).toEqual([come]);
  });

  it('treats a change of apostrophe as a change of the whole word', () => {
    expect(wordDiff('aujourd’hui', "aujourd'hui")).toEqual([
      removed('aujourd’hui'),
      added("aujourd'hui"),
    ]);
  });

  it('diffs source markers and punctuation as words of their own', () => {
    expect(wordDiff('Une tarification solidaire [1].', 'Une tarification solidaire [2].')).toEqual([
      same('Une tarification solidaire ['),
      removed('1'),
      added('2'),
      same('].'),
    ]);
  });

  it('shows a text added to or removed from nothing as one part', () => {
    expect(wordDiff('', 'Un nouveau paragraphe.')).toEqual([added('Un nouveau paragraphe.')]);
    expect(wordDiff('Un ancien paragraphe.', '')).toEqual([removed('Un ancien paragraphe.')]);
  });

  it('shows texts too different to diff within the limit as wholly replaced', () => {
    expect(wordDiff('un deux trois quatre', 'cinq six sept huit', { maxEditLength: 2 })).toEqual([
      removed('un deux trois quatre'),
      added('cinq six sept huit'),
    ]);
    expect(wordDiff('', 'cinq six sept huit', { maxEditLength: 1 })).toEqual([
      added('cinq six sept huit'),
    ]);
  });

  it('splits words by the rules of the locale asked for', () => {
    expect(wordDiff('a good deal', 'a great deal', { locale: 'en' })).toEqual([
      same('a '),
      removed('good'),
      added('great'),
      same(' deal'),
    ]);
  });
});

describe('mergeDiffParts', () => {
  it('merges adjacent parts of the same kind and drops empty ones', () => {
    expect(
      mergeDiffParts([
        same('Des '),
        same('ateliers '),
        removed(''),
        added('vélo'),
        added(' partagés'),
      ]),
    ).toEqual([same('Des ateliers '), added('vélo partagés')]);
  });

  it('does not change the parts it is given', () => {
    const parts = [same('a'), same('b')];
    mergeDiffParts(parts);
    expect(parts).toEqual([same('a'), same('b')]);
  });
});

describe('hasTextChanges', () => {
  it('is true only when something is added or removed', () => {
    expect(hasTextChanges([same('texte')])).toBe(false);
    expect(hasTextChanges([])).toBe(false);
    expect(hasTextChanges([same('a '), added('b')])).toBe(true);
    expect(hasTextChanges([removed('a')])).toBe(true);
  });
});
