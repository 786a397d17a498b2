import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import express, { type Express } from 'express';
import { type NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { acceptsEncoding, serveWebApp } from './web-app';

const SCRIPT = `console.log(${JSON.stringify('passerelle '.repeat(200))});`;
const logger = { log: jest.fn(), warn: jest.fn(), error: jest.fn() };

/** The part of Nest's Express adapter serveWebApp uses, on a plain Express app. */
function nestLike(app: Express): NestExpressApplication {
  const nest = {
    use: (...handlers: express.RequestHandler[]) => {
      app.use(...handlers);
      return nest;
    },
    useStaticAssets: (dir: string, options: Parameters<typeof express.static>[1]) => {
      app.use(express.static(dir, options));
      return nest;
    },
  };
  return nest as unknown as NestExpressApplication;
}

describe('serveWebApp', () => {
  let dir: string;
  let app: Express;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-app-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(dir, 'assets/index-abc.js'), SCRIPT);
    fs.writeFileSync(path.join(dir, 'assets/index-abc.js.br'), brotliCompressSync(SCRIPT));
    fs.writeFileSync(path.join(dir, 'assets/index-abc.js.gz'), gzipSync(SCRIPT));
    fs.writeFileSync(path.join(dir, 'assets/small-abc.js'), 'export {};');
    app = express();
    serveWebApp(nestLike(app), dir, logger);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('sends the brotli file to clients that accept it, as JavaScript cached for good', async () => {
    const res = await request(app)
      .get('/assets/index-abc.js')
      .set('Accept-Encoding', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    // The bytes sent are the .br file's (supertest decodes them).
    expect(Number(res.headers['content-length'])).toBe(brotliCompressSync(SCRIPT).length);
    expect(res.text).toBe(SCRIPT);
  });

  it('falls back to gzip, then to the plain file', async () => {
    const gzipped = await request(app).get('/assets/index-abc.js').set('Accept-Encoding', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.text).toBe(SCRIPT); // supertest decodes gzip

    const plain = await request(app).get('/assets/index-abc.js').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/javascript/);
    expect(plain.text).toBe(SCRIPT);
  });

  it('sends files the build did not compress as they are', async () => {
    const res = await request(app).get('/assets/small-abc.js').set('Accept-Encoding', 'br, gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.text).toBe('export {};');
  });

  it('keeps index.html uncached for client-side routes', async () => {
    const res = await request(app).get('/propositions').set('Accept-Encoding', 'br');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toContain('id="root"');
  });
});

describe('acceptsEncoding', () => {
  it.each([
    ['gzip, deflate, br', 'br', true],
    ['gzip, deflate, br', 'gzip', true],
    ['gzip;q=1.0, br;q=0', 'br', false],
    ['BR', 'br', true],
    ['identity', 'gzip', false],
    [undefined, 'gzip', false],
  ])('%s accepts %s: %s', (header, encoding, expected) => {
    expect(acceptsEncoding(header, encoding)).toBe(expected);
  });
});
