#!/usr/bin/env node
// Budget check of the web app's initial JavaScript (issue 9: at most 200 kB gzipped), after
// `npm run build`:
//   node tools/check-bundle.mjs [--dist dist/web]
// "Initial" is every script the browser fetches before the first page can render, whatever the
// route: the classic and module scripts of dist/web/index.html, and the entry chunk's static
// imports (its modulepreload links). Vite's manifest (dist/web/.vite/manifest.json) gives the
// chunk graph; the check fails when index.html disagrees with it, so neither can hide a script.
// Route chunks loaded with import() are not initial. Sizes are what the API sends: gzip at level
// 9 (the .gz files written at build time; brotli is printed too). Deterministic: no timing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DIST_DIR = path.join(ROOT, 'dist/web');
/** The budget, in bytes of gzipped JavaScript (kB = 1000 bytes, as Vite and Lighthouse count). */
export const INITIAL_JS_BUDGET_BYTES = 200_000;

/** Sizes of one file: raw, gzip -9 and brotli (quality 11). */
export function compressedSizes(content) {
  return {
    bytes: content.length,
    gzip: gzipSync(content, { level: constants.Z_BEST_COMPRESSION }).length,
    brotli: brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).length,
  };
}

const attribute = (tag, name) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The scripts index.html loads: `<script src>` (module or classic) and modulepreload links. */
export function scriptsOfIndexHtml(html) {
  const scripts = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = attribute(tag, 'src');
    if (src) scripts.push({ url: src, module: attribute(tag, 'type') === 'module' });
  }
  const preloads = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    if (attribute(tag, 'rel') === 'modulepreload') preloads.push(attribute(tag, 'href'));
  }
  return { scripts, preloads };
}

/** The manifest's entry chunk and every chunk it imports statically, transitively. */
export function initialChunksOfManifest(manifest) {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length !== 1) {
    throw new Error(`expected one entry chunk in the Vite manifest, found ${entries.length}`);
  }
  const [entryKey, entry] = entries[0];
  const seen = new Set([entryKey]);
  const files = [entry.file];
  const queue = [...(entry.imports ?? [])];
  while (queue.length > 0) {
    const key = queue.shift();
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the Vite manifest has no chunk ${key}`);
    files.push(chunk.file);
    queue.push(...(chunk.imports ?? []));
  }
  return { entry: entry.file, files, css: entry.css ?? [] };
}

const toFile = (url) => url.replace(/^\//, '');

/**
 * Measures the initial JavaScript of a built web app. Throws when the build is missing or when
 * index.html and the manifest disagree.
 */
export function measureInitialJavaScript(distDir = DEFAULT_DIST_DIR) {
  const indexPath = path.join(distDir, 'index.html');
  const manifestPath = path.join(distDir, '.vite/manifest.json');
  for (const file of [indexPath, manifestPath]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  const html = readFileSync(indexPath, 'utf8');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const { scripts, preloads } = scriptsOfIndexHtml(html);
  const graph = initialChunksOfManifest(manifest);

  const fromHtml = new Set([
    ...scripts.filter((s) => s.module).map((s) => toFile(s.url)),
    ...preloads.map(toFile),
  ]);
  const fromManifest = new Set(graph.files);
  const onlyHtml = [...fromHtml].filter((file) => !fromManifest.has(file));
  const onlyManifest = [...fromManifest].filter((file) => !fromHtml.has(file));
  if (onlyHtml.length > 0 || onlyManifest.length > 0) {
    throw new Error(
      `index.html and the Vite manifest disagree on the initial scripts (only in index.html: ${
        onlyHtml.join(', ') || 'none'
      }; only in the manifest: ${onlyManifest.join(', ') || 'none'})`,
    );
  }

  const chunks = [
    ...scripts
      .filter((s) => !s.module)
      .map((s) => ({ file: toFile(s.url), kind: 'classic script' })),
    ...graph.files.map((file) => ({
      file,
      kind: file === graph.entry ? 'entry' : 'static import',
    })),
  ].map((chunk) => ({
    ...chunk,
    ...compressedSizes(readFileSync(path.join(distDir, chunk.file))),
  }));
  const sum = (key) => chunks.reduce((total, chunk) => total + chunk[key], 0);
  const total = { bytes: sum('bytes'), gzip: sum('gzip'), brotli: sum('brotli') };
  const css = graph.css.map((file) => ({
    file,
    ...compressedSizes(readFileSync(path.join(distDir, file))),
  }));
  return { chunks, total, css, budget: INITIAL_JS_BUDGET_BYTES };
}

export const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

function main() {
  const args = process.argv.slice(2);
  const distIndex = args.indexOf('--dist');
  const distDir = distIndex >= 0 ? path.resolve(args[distIndex + 1] ?? '') : DEFAULT_DIST_DIR;
  let result;
  try {
    result = measureInitialJavaScript(distDir);
  } catch (error) {
    console.error(`✗ Initial JavaScript: ${error.message}`);
    process.exit(2);
  }
  const { chunks, total, budget } = result;
  const largest = [...chunks].sort((a, b) => b.gzip - a.gzip).slice(0, 3);
  const summary = `${kB(total.gzip)} gzipped (${chunks.length} scripts, ${kB(total.bytes)} raw) for a budget of ${kB(budget)}`;
  if (total.gzip > budget) {
    console.error(`✗ Initial JavaScript: ${summary}`);
    console.error(`  Largest: ${largest.map((c) => `${c.file} ${kB(c.gzip)}`).join(', ')}`);
    console.error('  Details: npx tsx tests/benchmarks/web/bundle-size.ts');
    process.exit(1);
  }
  console.log(`✓ Initial JavaScript: ${summary}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
