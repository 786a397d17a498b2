import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type LoggerService } from '@nestjs/common';
import { type Request } from 'express';
import { ServerRenderer, withRenderedPage } from './server-render';

const logger: LoggerService = { log: jest.fn(), warn: jest.fn(), error: jest.fn() };

/** A server bundle written for the test: `renderPage` as given (CommonJS source). */
function bundle(dir: string, name: string, source: string): string {
  const file = path.join(dir, `${name}.cjs`);
  fs.writeFileSync(file, source);
  return file;
}

function request(url: string, cookies: Record<string, string> = {}, method = 'GET'): Request {
  return {
    method,
    path: url.split('?')[0],
    originalUrl: url,
    cookies,
    socket: { localAddress: '127.0.0.1', localPort: 3000 },
  } as unknown as Request;
}

describe('ServerRenderer', () => {
  let dir: string;
  const renderers: ServerRenderer[] = [];
  const renderer = (entry: string, timeoutMs = 2000) => {
    const created = new ServerRenderer({ entry, logger, timeoutMs });
    renderers.push(created);
    return created;
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-ssr-'));
  });
  afterAll(async () => {
    await Promise.all(renderers.map((created) => created.close()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('renders anonymous GETs of the home page, the list and a proposal page only', () => {
    expect(ServerRenderer.wants(request('/'))).toBe(true);
    expect(ServerRenderer.wants(request('/propositions?tri=top'))).toBe(true);
    expect(ServerRenderer.wants(request('/propositions/abc'))).toBe(true);
    expect(ServerRenderer.wants(request('/propositions/abc/modifier'))).toBe(false);
    expect(ServerRenderer.wants(request('/connexion'))).toBe(false);
    expect(ServerRenderer.wants(request('/', { passerelle_at: 'token' }))).toBe(false);
    expect(ServerRenderer.wants(request('/', {}, 'POST'))).toBe(false);
  });

  it("answers the bundle's page, rendered in the worker with the request's address", async () => {
    const entry = bundle(
      dir,
      'ok',
      `exports.renderPage = async ({ url, graphqlUrl }) =>
         ({ html: '<p>' + url + '</p>', stateScript: '<script>' + graphqlUrl + '</script>' });`,
    );
    const page = await renderer(entry).render(request('/propositions?tri=top'));
    expect(page).toEqual({
      html: '<p>/propositions?tri=top</p>',
      stateScript: '<script>http://127.0.0.1:3000/graphql</script>',
    });
  });

  it('gives up a render that takes too long: the plain app is sent', async () => {
    const entry = bundle(dir, 'slow', `exports.renderPage = () => new Promise(() => {});`);
    const started = Date.now();
    expect(await renderer(entry, 200).render(request('/'))).toBeNull();
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('answers null when the render fails, and keeps rendering afterwards', async () => {
    const entry = bundle(
      dir,
      'failing',
      `exports.renderPage = async ({ url }) => {
         if (url === '/') throw new Error('ProposalPage: not found');
         return { html: 'ok', stateScript: '' };
       };`,
    );
    const created = renderer(entry);
    expect(await created.render(request('/'))).toBeNull();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('ProposalPage: not found'),
      'WebApp',
    );
    expect(await created.render(request('/propositions'))).toEqual({ html: 'ok', stateScript: '' });
  });

  it('pauses after a bundle that cannot load instead of starting a worker per request', async () => {
    const entry = bundle(dir, 'broken', `throw new Error('cannot load');`);
    const created = renderer(entry);
    expect(await created.render(request('/'))).toBeNull();
    // Paused: answered at once, no worker started.
    const started = Date.now();
    expect(await created.render(request('/'))).toBeNull();
    expect(Date.now() - started).toBeLessThan(50);
  });

  it('puts the page in #root, its state after it, and fetches the script at low priority', () => {
    const index =
      '<head><script type="module" crossorigin src="/assets/index.js"></script></head>' +
      '<body><div id="root"></div></body>';
    const html = withRenderedPage(index, { html: '<p>$& $1</p>', stateScript: '<s></s>' });
    expect(html).toBe(
      '<head><script type="module" fetchpriority="low" crossorigin src="/assets/index.js"></script></head>' +
        '<body><div id="root"><p>$& $1</p></div><s></s></body>',
    );
  });

  it("replaces index.html's title, and its description when the page gives one", () => {
    const index =
      '<head><meta\n      name="description"\n      content="Le site." />\n    ' +
      '<title>Passerelle</title></head><body><div id="root"></div></body>';
    const page = { html: '', stateScript: '' };
    const titled = withRenderedPage(index, { ...page, head: '<title>$& · P</title>' });
    expect(titled).toContain('content="Le site." />');
    expect(titled).toContain('<title>$& · P</title></head>');
    expect(titled).not.toContain('<title>Passerelle</title>');
    const described = withRenderedPage(index, {
      ...page,
      head: '<title>T</title><meta name="description" content="La proposition." />',
    });
    expect(described).toBe(
      '<head><title>T</title><meta name="description" content="La proposition." /></head>' +
        '<body><div id="root"></div></body>',
    );
    // A bundle that gives no head leaves index.html's.
    expect(withRenderedPage(index, page)).toContain('<title>Passerelle</title>');
  });
});
