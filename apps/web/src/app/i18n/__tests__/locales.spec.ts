import { en } from '../en';
import { fr } from '../fr';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [k, v] of flatten(value, path)) entries.set(k, v);
  }
  return entries;
}

const placeholders = (text: string) =>
  [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const french = flatten(fr as unknown as Tree);
  const english = flatten(en as unknown as Tree);

  it('have exactly the same keys in French and English', () => {
    expect([...english.keys()].sort()).toEqual([...french.keys()].sort());
  });

  it('have no empty message', () => {
    for (const [key, text] of [...french, ...english])
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });

  it('use the same interpolation variables in both languages', () => {
    for (const [key, text] of french) {
      expect({ key, vars: placeholders(english.get(key) ?? '') }).toEqual({
        key,
        vars: placeholders(text),
      });
    }
  });
});
