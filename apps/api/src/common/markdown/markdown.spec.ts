import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders the usual Markdown', () => {
    expect(renderMarkdown('Une **régie** _agricole_ :\n\n- cantines\n- marchés')).toBe(
      '<p>Une <strong>régie</strong> <em>agricole</em> :</p>\n<ul>\n<li>cantines</li>\n<li>marchés</li>\n</ul>',
    );
  });

  it('gives every link rel="nofollow ugc noopener" and keeps only safe schemes', () => {
    expect(renderMarkdown('[Labo](https://www.lelabo-ess.org)')).toBe(
      '<p><a href="https://www.lelabo-ess.org" rel="nofollow ugc noopener">Labo</a></p>',
    );
    expect(renderMarkdown('<https://exemple.fr>')).toContain('rel="nofollow ugc noopener"');
    expect(renderMarkdown('[x](javascript:alert(1))')).not.toContain('href="javascript');
    expect(renderMarkdown('[x](data:text/html;base64,PHNjcmlwdD4=)')).not.toContain('href="data');
  });

  it.each([
    '<script>window.pwned = 1</script>',
    '<img src=x onerror="window.pwned = 1">',
    '<svg onload="window.pwned = 1"></svg>',
    '<a href="javascript:window.pwned=1">clic</a>',
    '<iframe src="https://evil.example"></iframe>',
    '[clic](javascript&#58;window.pwned=1)',
    '<div style="background:url(javascript:alert(1))">x</div>',
  ])('shows raw HTML as text and never produces live markup: %s', (payload) => {
    const html = renderMarkdown(payload);
    // Every tag in the output is an allowed one, without event handlers or script URLs; the
    // payload itself only survives as escaped text.
    for (const tag of html.match(/<[^>]*>/g) ?? []) {
      expect(tag).toMatch(/^<\/?(p|br|strong|em|a|h3|h4)\b/);
      expect(tag).not.toMatch(/\son\w+=|javascript:|data:/i);
    }
    expect(html).toMatch(/&lt;|clic/);
  });

  it('moves user headings below the page headings', () => {
    expect(renderMarkdown('# Titre\n\n## Sous-titre\n\n### Détail')).toBe(
      '<h3>Titre</h3>\n<h3>Sous-titre</h3>\n<h4>Détail</h4>',
    );
  });

  it('keeps line breaks and escapes special characters', () => {
    expect(renderMarkdown('Ligne 1\nLigne 2 & <3')).toBe(
      '<p>Ligne 1<br />\nLigne 2 &amp; &lt;3</p>',
    );
  });

  describe('source markers', () => {
    const sourceLinks = [
      { href: '/propositions/p-1', title: 'Une régie agricole pour les cantines' },
      { href: '/propositions/p-2#commentaire-c-7', title: 'Un PTCE par bassin de vie' },
    ];
    const sup = (n: number, href: string, title: string) =>
      `<sup class="source-ref"><a href="${href}" title="${title}">[${n}]</a></sup>`;

    it('turns each marker into a footnote link to its source, without rel', () => {
      expect(
        renderMarkdown('Des **cantines** locales [1], animées en SCIC [2].', { sourceLinks }),
      ).toBe(
        `<p>Des <strong>cantines</strong> locales ${sup(1, '/propositions/p-1', 'Une régie agricole pour les cantines')}, ` +
          `animées en SCIC ${sup(2, '/propositions/p-2#commentaire-c-7', 'Un PTCE par bassin de vie')}.</p>`,
      );
    });

    it('leaves markers as text without source links, and markers naming no source', () => {
      expect(renderMarkdown('Des cantines [1].')).toBe('<p>Des cantines [1].</p>');
      expect(renderMarkdown('Des cantines [3].', { sourceLinks })).toBe('<p>Des cantines [3].</p>');
    });

    it('leaves Markdown links, reference definitions and code spans untouched', () => {
      expect(renderMarkdown('Voir [1](https://www.ess-france.org).', { sourceLinks })).toBe(
        '<p>Voir <a href="https://www.ess-france.org" rel="nofollow ugc noopener">1</a>.</p>',
      );
      expect(renderMarkdown('Le code `[1]` reste du code.', { sourceLinks })).toBe(
        '<p>Le code <code>[1]</code> reste du code.</p>',
      );
      expect(renderMarkdown('[2]: https://exemple.fr', { sourceLinks })).not.toContain(
        'source-ref',
      );
    });

    it('escapes quotes, < and & in titles and paths', () => {
      const html = renderMarkdown('Circuits courts [1].', {
        sourceLinks: [
          { href: '/propositions/p"1<', title: 'Des "AMAP" <script>alert(1)</script> & co' },
        ],
      });
      expect(html).toBe(
        '<p>Circuits courts <sup class="source-ref"><a href="/propositions/p&quot;1&lt;" ' +
          'title="Des &quot;AMAP&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; co">[1]</a></sup>.</p>',
      );
    });

    it('keeps the title and the rel rule apart: people cannot write source links', () => {
      // A link with a Markdown title keeps no title and gets rel, even to an app path.
      expect(renderMarkdown('[x](/propositions/p-1 "Titre")', { sourceLinks })).toBe(
        '<p><a href="/propositions/p-1" rel="nofollow ugc noopener">x</a></p>',
      );
      // Raw HTML imitating a source link is shown as text.
      const forged = renderMarkdown(
        '<sup class="source-ref"><a href="/connexion" data-source-ref>[9]</a></sup>',
        { sourceLinks },
      );
      expect(forged).not.toMatch(/<sup|<a /);
      expect(forged).toContain('[9]');
      expect(forged).toContain('&lt;sup class="source-ref"&gt;');
    });

    it.each([
      '<script>window.pwned = 1</script> [1]',
      '<img src=x onerror="window.pwned = 1"> [1]',
      '[1]<svg onload="window.pwned = 1"></svg>',
      '[clic [1]](javascript:window.pwned=1)',
      '[1](javascript:window.pwned=1) [1]',
      '<a href="javascript:window.pwned=1">[1]</a>',
    ])('keeps XSS payloads inert next to markers: %s', (payload) => {
      const html = renderMarkdown(payload, {
        sourceLinks: [{ href: '/propositions/p-1', title: '" onmouseover="window.pwned=1' }],
      });
      // Every tag is an allowed one whose attributes (all quoted, the title escaped) are
      // allowed ones, with no script URL.
      for (const tag of html.match(/<[^>]*>/g) ?? []) {
        const attributes = [...tag.matchAll(/\s([\w-]+)="([^"]*)"/g)];
        expect(tag.replace(/\s[\w-]+="[^"]*"/g, '')).toMatch(/^<\/?(p|br|strong|em|a|sup)>$/);
        for (const [, name, value] of attributes) {
          expect(['href', 'title', 'rel', 'class']).toContain(name);
          if (name === 'href') expect(value).not.toMatch(/javascript:|data:/i);
          if (name === 'class') expect(value).toBe('source-ref');
        }
      }
      expect(html).toContain('title="&quot; onmouseover=&quot;window.pwned=1"');
    });
  });
});
