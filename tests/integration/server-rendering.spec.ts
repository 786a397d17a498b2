import * as fs from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { type AddressInfo } from 'node:net';
import * as path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  uniqueKey,
} from '../factories';
import { PublicReadCache } from '../../apps/api/src/common/graphql/public-read-cache';
import { startTestApp, type TestApp } from './support/test-app';

/** The web app and its server bundle as `npm run build` writes them (npm test builds first). */
const WEB_DIST_DIR = path.resolve(__dirname, '../../dist/web');
const SERVER_BUNDLE = path.resolve(__dirname, '../../dist/web-ssr/entry-server.cjs');
/** A machine busy with the other suites may take seconds for a render: never the plain app here. */
const RENDERING = { SERVER_RENDERING_TIMEOUT_MS: '60000' };
const STATE_SCRIPT = /<script type="application\/json" id="server-state">([^<]*)<\/script>/;

interface ServerState {
  language: string;
  cache: Record<string, Record<string, unknown>>;
}

function stateOf(html: string): ServerState {
  const json = STATE_SCRIPT.exec(html)?.[1];
  if (!json) throw new Error('the page carries no server state');
  return JSON.parse(json) as ServerState;
}

/** The text of `#root` without its markup. */
function rootText(html: string): string {
  const start = html.indexOf('<div id="root">');
  const end = html.indexOf('<script type="application/json"');
  return html
    .slice(start, end)
    .replace(/<style[^]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');
}

describe('server rendering of the first pages', () => {
  let api: TestApp;
  let hostile: { id: string; title: string };
  let plain: { id: string; title: string };
  let key: string;
  /** The list of the suite's consultation only (no other suite's proposals, no search marks). */
  let listUrl: string;
  let consultationId: string;

  beforeAll(async () => {
    if (!fs.existsSync(SERVER_BUNDLE)) {
      throw new Error(`${SERVER_BUNDLE} is missing: run npm run build before this suite`);
    }
    api = await startTestApp({ WEB_DIST_DIR, ...RENDERING });
    const author = await createUser();
    const consultation = await createConsultation();
    consultationId = consultation.id;
    listUrl = `/propositions?consultation=${consultation.id}`;
    key = uniqueKey('ssr');
    plain = await createProposal({
      consultationId: consultation.id,
      authorId: author.id,
      title: `Une recyclerie solidaire ${key}`,
    });
    hostile = await createProposal({
      consultationId: consultation.id,
      authorId: author.id,
      title: `</script><script>window.pwned=1</script> \u2028 & <b>${key}</b>`,
    });
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  it('sends an anonymous visitor the proposals list rendered, with the answers it was made of', async () => {
    const response = await api.http.get(listUrl).expect(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['vary']).toContain('Cookie');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    const text = rootText(response.text);
    expect(text).toContain('Propositions');
    expect(text).toContain(plain.title);
    // No loading state left, no inline script (the CSP would block it).
    expect(text).not.toContain('Chargement');
    const scripts = response.text.match(/<script[^>]*>/g) ?? [];
    expect(scripts.filter((tag) => !/ src=|type="application\/json"/.test(tag))).toEqual([]);
    // The app's script only makes the page interactive: it comes after the style sheet.
    expect(response.text).toMatch(/<script type="module" fetchpriority="low"/);
    const state = stateOf(response.text);
    expect(state.language).toBe('fr');
    expect(state.cache[`Proposal:${plain.id}`]).toMatchObject({ title: plain.title });
  });

  it('renders a proposal page, and leaves an unknown proposal to the browser', async () => {
    const page = await api.http.get(`/propositions/${plain.id}`).expect(200);
    expect(rootText(page.text)).toContain(plain.title);
    expect(stateOf(page.text).cache[`Proposal:${plain.id}`]).toBeDefined();
    // Its head names it, for the browser's tab, search engines and link previews.
    const head = page.text.slice(0, page.text.indexOf('</head>'));
    expect(head).toContain(`<title>${plain.title} · Passerelle</title>`);
    expect(head).toContain(`<meta property="og:title" content="${plain.title} · Passerelle" />`);
    const summary = 'Un résumé de proposition assez long pour être valide.';
    expect(head).toContain(`<meta name="description" content="${summary}" />`);
    expect(head).toContain(`<meta property="og:description" content="${summary}" />`);
    expect(head.match(/<title>/g)).toHaveLength(1);
    expect(head.match(/name="description"/g)).toHaveLength(1);
    // The list keeps the site's description under its own title.
    const list = await api.http.get(listUrl).expect(200);
    expect(list.text).toContain('<title>Propositions · Passerelle</title>');
    expect(list.text).toContain('content="Passerelle : propositions citoyennes');

    // The query fails (not found): the plain app answers, and shows the error itself.
    const unknown = await api.http
      .get('/propositions/00000000-0000-4000-8000-000000000000')
      .expect(200);
    expect(unknown.text).toContain('<div id="root"></div>');
    expect(unknown.text).not.toContain('server-state');
  });

  it('keeps any text of a proposal inside its element: no script can be injected', async () => {
    const response = await api.http.get(listUrl).expect(200);
    expect(response.text).not.toContain('<script>window.pwned');
    expect(response.text).not.toContain('<b>');
    const page = await api.http.get(`/propositions/${hostile.id}`).expect(200);
    expect(page.text).not.toContain('<script>window.pwned');
    expect(page.text.slice(0, page.text.indexOf('</head>'))).toContain(
      '<title>&lt;/script&gt;&lt;script&gt;window.pwned=1&lt;/script&gt;',
    );
    // The state gives the title back exactly as written.
    expect(stateOf(response.text).cache[`Proposal:${hostile.id}`]).toMatchObject({
      title: hostile.title,
    });
  });

  it('sends signed-in members and pages it does not render the plain app', async () => {
    const member = await api.http
      .get(listUrl)
      .set('Cookie', 'passerelle_at=expired-or-not')
      .expect(200);
    expect(member.text).toContain('<div id="root"></div>');
    expect(member.text).not.toContain(plain.title);

    const signIn = await api.http.get('/connexion').expect(200);
    expect(signIn.text).toContain('<div id="root"></div>');
  });

  it('compresses the page for clients that accept it', async () => {
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const { headers, body } = await new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>(
      (resolve, reject) => {
        get(
          { host: '127.0.0.1', port, path: listUrl, headers: { 'Accept-Encoding': 'br' } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          },
        ).on('error', reject);
      },
    );
    expect(headers['content-encoding']).toBe('br');
    expect(headers['vary']).toContain('Accept-Encoding');
    const html = brotliDecompressSync(body).toString('utf8');
    expect(rootText(html)).toContain(plain.title);

    // The page is kept compressed with brotli: other clients get it in gzip, or as it is.
    const gzipped = await api.http.get(listUrl).set('Accept-Encoding', 'gzip').expect(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    const identity = await api.http.get(listUrl).set('Accept-Encoding', 'identity').expect(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    for (const text of [gzipped.text, identity.text]) expect(rootText(text)).toBe(rootText(html));
  });

  it('sends the plain app when server rendering is turned off', async () => {
    const off = await startTestApp({ WEB_DIST_DIR, SERVER_RENDERING: 'false' });
    try {
      const response = await off.http.get(listUrl).expect(200);
      expect(response.text).toContain('<div id="root"></div>');
      expect(response.text).not.toContain('server-state');
    } finally {
      await off.close();
    }
  });

  it('keeps rendered pages with the public reads, and forgets them on the next write', async () => {
    const cached = await startTestApp({
      WEB_DIST_DIR,
      ANONYMOUS_CACHE_TTL_MS: '60000',
      ...RENDERING,
    });
    try {
      const first = await cached.http.get(listUrl).expect(200);
      const author = await createUser();
      const later = await createProposal({
        consultationId,
        authorId: author.id,
        title: `Un atelier vélo partagé ${key}`,
      });
      // Written behind the API's back: the kept page is served again.
      const again = await cached.http.get(listUrl).expect(200);
      expect(again.text).toBe(first.text);
      expect(again.text).not.toContain(later.title);

      // Any mutation empties the public reads, rendered pages with them.
      cached.app.get(PublicReadCache).invalidate();
      const fresh = await cached.http.get(listUrl).expect(200);
      expect(rootText(fresh.text)).toContain(later.title);
    } finally {
      await cached.close();
    }
  });
});
