import { readServerState, SERVER_STATE_ID, serverStateScript } from '../server-rendering';

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
