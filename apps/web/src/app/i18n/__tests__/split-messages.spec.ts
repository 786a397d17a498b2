import { fr } from '../fr';
import { frPages } from '../fr-pages';
import { frShell } from '../fr-shell';
import type * as I18nModule from '../i18n';
import { mergeMessages, type MessageTree } from '../messages';

function keys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

describe('French messages split between the shell and the pages', () => {
  it('merges namespaces that start in one file and go on in the other', () => {
    expect(mergeMessages({ a: { x: '1' }, b: '2' }, { a: { y: '3' }, c: '4' })).toEqual({
      a: { x: '1', y: '3' },
      b: '2',
      c: '4',
    });
  });

  it('keeps each key in one file only, and all of them in fr', () => {
    const shell = keys(frShell);
    const pages = new Set(keys(frPages));
    expect(shell.filter((key) => pages.has(key))).toEqual([]);
    expect(keys(fr).sort()).toEqual([...shell, ...pages].sort());
  });

  it('starts with the shell messages and adds the pages ones when a page loads', async () => {
    // A fresh module: the test setup registers the complete French dictionary.
    let i18n: typeof I18nModule | undefined;
    await jest.isolateModulesAsync(async () => {
      i18n = await import('../i18n');
    });
    if (!i18n) throw new Error('i18n did not load');
    const instance = i18n.createI18n('fr');
    expect(instance.t('home.title')).toBe(fr.home.title);
    expect(instance.t('privacy.footerLink')).toBe(fr.privacy.footerLink);
    expect(instance.exists('privacy.title')).toBe(false);

    await i18n.loadPageMessages();
    expect(instance.t('privacy.title')).toBe(fr.privacy.title);
    expect(instance.t('privacy.footerLink')).toBe(fr.privacy.footerLink);
    expect(instance.t('admin.nav')).toBe(fr.admin.nav);
  });
});
