import {
  pageHeadMarkup,
  readServerState,
  SERVER_STATE_ID,
  serverStateScript,
} from '../server-rendering';

/** A document holding only `html` in its body. */
function documentWith(html: string): Document {
  const doc = document.implementation.createHTMLDocument('page');
  doc.body.innerHTML = html;
  return doc;
}

describe('the state a server-rendered page carries', () => {
  const hostile = '</script><script>alert(1)</script> <!-- \u2028\u2029 & "quoted"';
  const state = {
    language: 'fr',
    cache: { 'Proposal:1': { __typename: 'Proposal', id: '1', title: hostile } },
  };

  it('cannot be ended by any text of the data', () => {
    const script = serverStateScript(state);
    const body = script.slice(script.indexOf('>') + 1, script.lastIndexOf('</script>'));
    expect(body).not.toMatch(/[<>&\u2028\u2029]/);
    expect(script.match(/<\/script>/g)).toHaveLength(1);
  });

  it('reads back exactly what the server wrote', () => {
    const doc = documentWith(`<div id="root"><p>page</p></div>${serverStateScript(state)}`);
    expect(doc.getElementById(SERVER_STATE_ID)?.getAttribute('type')).toBe('application/json');
    expect(readServerState(doc)).toEqual(state);
  });

  it('is null when the server sent the plain app, or something unreadable', () => {
    expect(readServerState(documentWith('<div id="root"></div>'))).toBeNull();
    expect(
      readServerState(
        documentWith(`<script type="application/json" id="${SERVER_STATE_ID}">{oops</script>`),
      ),
    ).toBeNull();
  });
});

describe('the head of a server-rendered page', () => {
  /** The head elements parsed by the browser's own parser. */
  function parsed(markup: string) {
    const doc = document.implementation.createHTMLDocument('page');
    doc.head.innerHTML = markup;
    const meta = (selector: string) => doc.head.querySelector(selector)?.getAttribute('content');
    return {
      title: doc.head.querySelector('title')?.textContent,
      description: meta('meta[name="description"]'),
      ogTitle: meta('meta[property="og:title"]'),
      ogDescription: meta('meta[property="og:description"]'),
      elements: doc.head.children.length,
    };
  }

  it("carries the page's title and description, and their Open Graph copies", () => {
    const head = parsed(
      pageHeadMarkup(
        { title: 'Monnaies locales · Passerelle', description: 'Un résumé.' },
        'Passerelle',
      ),
    );
    expect(head).toMatchObject({
      title: 'Monnaies locales · Passerelle',
      ogTitle: 'Monnaies locales · Passerelle',
      description: 'Un résumé.',
      ogDescription: 'Un résumé.',
    });
  });

  it('gives the site name without a description when the page gave none', () => {
    const head = parsed(pageHeadMarkup({}, 'Passerelle'));
    expect(head.title).toBe('Passerelle');
    expect(head.description).toBeUndefined();
    expect(head.ogDescription).toBeUndefined();
  });

  it('escapes text from the data, which cannot add elements', () => {
    const hostile = '"><script>alert(1)</script><title>x</title> & \'';
    const markup = pageHeadMarkup({ title: hostile, description: hostile }, 'Passerelle');
    expect(markup).not.toContain('<script');
    const head = parsed(markup);
    expect(head.title).toBe(hostile);
    expect(head.description).toBe(hostile);
    expect(head.elements).toBe(7);
  });

  it('keeps about 200 characters of a long description, cut at a word, on one line', () => {
    const summary = `Une coopérative\nd’habitants ${'partage ses outils '.repeat(20)}`;
    const { description } = parsed(pageHeadMarkup({ description: summary }, 'Passerelle'));
    expect(description?.length).toBeLessThanOrEqual(200);
    expect(description).toMatch(/^Une coopérative d’habitants partage ses outils .* outils…$/);
  });
});
