/**
 * Size of the web app's initial JavaScript, chunk by chunk, against its budget (issue 9: at most
 * 200 kB gzipped), and of the route chunks loaded on demand, from the last build.
 *
 *   npm run build && npx tsx tests/benchmarks/web/bundle-size.ts [--dist dist/web]
 *
 * The measure is tools/check-bundle.mjs's (also run by `npm test` after the build): every script
 * index.html loads or preloads, cross-checked with Vite's manifest; gzip at level 9, which the API
 * serves (brotli, printed too, is what browsers get). Exits 1 when over budget.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '../../..');

interface Sizes {
  bytes: number;
  gzip: number;
  brotli: number;
}
interface Measure {
  chunks: (Sizes & { file: string; kind: string })[];
  total: Sizes;
  css: (Sizes & { file: string })[];
  budget: number;
}
/** tools/check-bundle.mjs (plain JavaScript, no declarations): what this script uses of it. */
interface BundleTools {
  DEFAULT_DIST_DIR: string;
  measureInitialJavaScript(distDir: string): Measure;
  compressedSizes(content: Buffer): Sizes;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`.padStart(9);
const row = (name: string, sizes: Sizes, note = '') =>
  `${name.padEnd(52)}${kB(sizes.bytes)}${kB(sizes.gzip)}${kB(sizes.brotli)}  ${note}`;
const header = `${''.padEnd(52)}${'raw'.padStart(9)}${'gzip'.padStart(9)}${'brotli'.padStart(9)}`;

async function main() {
  const tools = (await import(
    pathToFileURL(path.join(ROOT, 'tools/check-bundle.mjs')).href
  )) as BundleTools;
  const args = process.argv.slice(2);
  const distIndex = args.indexOf('--dist');
  const distDir = distIndex >= 0 ? path.resolve(args[distIndex + 1] ?? '') : tools.DEFAULT_DIST_DIR;
  const { chunks, total, css, budget } = tools.measureInitialJavaScript(distDir);

  console.log(`Initial JavaScript of ${path.relative(ROOT, distDir) || distDir}\n${header}`);
  for (const chunk of [...chunks].sort((a, b) => b.gzip - a.gzip)) {
    console.log(row(chunk.file, chunk, chunk.kind));
  }
  const ok = total.gzip <= budget;
  console.log(row(`total (${chunks.length} scripts)`, total, `budget ${kB(budget).trim()} gzip`));
  for (const sheet of css) console.log(row(sheet.file, sheet, 'style sheet (not counted)'));

  const initial = new Set(chunks.map((chunk) => chunk.file));
  const lazy = readdirSync(path.join(distDir, 'assets'))
    .filter((name) => name.endsWith('.js') && !initial.has(`assets/${name}`))
    .map((name) => ({
      file: `assets/${name}`,
      ...tools.compressedSizes(readFileSync(path.join(distDir, 'assets', name))),
    }))
    .sort((a, b) => b.gzip - a.gzip);
  const lazyTotal = lazy.reduce(
    (sum, chunk) => ({
      bytes: sum.bytes + chunk.bytes,
      gzip: sum.gzip + chunk.gzip,
      brotli: sum.brotli + chunk.brotli,
    }),
    { bytes: 0, gzip: 0, brotli: 0 },
  );
  console.log(`\nChunks loaded on demand (largest 15 of ${lazy.length})\n${header}`);
  for (const chunk of lazy.slice(0, 15)) console.log(row(chunk.file, chunk));
  console.log(row(`total (${lazy.length} chunks)`, lazyTotal));

  console.log(
    `\n${ok ? '✓' : '✗'} initial JavaScript ${kB(total.gzip).trim()} gzipped, budget ${kB(budget).trim()}`,
  );
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
