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
});
