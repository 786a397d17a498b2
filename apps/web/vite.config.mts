import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { parse } from 'graphql';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// The API the dev server proxies to (`npm run dev` sets it to the API's port).
const api = process.env.API_URL ?? 'http://localhost:3000';

// Chunk groups (build.rolldownOptions.output.codeSplitting).
const SHARED_UI =
  /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-remove-scroll-bar|react-style-singleton|use-sidecar|use-callback-ref|get-nonce|tslib)[\\/]/;
const SHARED_APP =
  /apps[\\/]web[\\/]src[\\/](shared|modules[\\/][^\\/]+[\\/](graphql|hooks|lib))[\\/]|node_modules[\\/](@apollo[\\/]client|rxjs)[\\/]/;

const COMPRESSIBLE = /^assets\/.+\.(js|css|svg)$/;
const MIN_COMPRESSED_SIZE = 1024;

/**
 * Writes `.br` and `.gz` next to each emitted script and style sheet, at the highest levels, once
 * per build: the API serves them (apps/api/src/common/http/web-app.ts) without compressing on
 * every request.
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: 'passerelle:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir ?? here('../../dist/web');
      const files = Object.values(bundle).filter((file) => COMPRESSIBLE.test(file.fileName));
      await Promise.all(
        files.map(async (file) => {
          const source = file.type === 'chunk' ? file.code : file.source;
          const content = typeof source === 'string' ? Buffer.from(source) : Buffer.from(source);
          if (content.length < MIN_COMPRESSED_SIZE) return;
          const path = join(outDir, file.fileName);
          const [br, gzipped] = await Promise.all([
            brotli(content, {
              params: {
                [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
                [zlib.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
            gz(content, { level: zlib.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
        }),
      );
    },
  };
}

// gql`…` in code (not `gql` quoted in a comment).
const GQL_TEMPLATE = /(?<![`\w])gql`([^`]*)`/g;
const INTERPOLATION = /\$\{\s*([A-Za-z_$][\w$]*)\s*\}/;

/**
 * Parses the app's gql`…` documents at build time: each becomes its syntax tree, put together with
 * the documents it interpolates by gqlDocument (src/shared/graphql/document.ts). Pages no longer
 * parse their queries while they load (about 140 ms of a page's start-up at Lighthouse's 4× CPU
 * slowdown), and GraphQL's parser leaves the bundle. Unit tests and the dev server still use `gql`.
 */
function precompileGraphQL(): Plugin {
  const runtime = here('src/shared/graphql/document.ts');
  return {
    name: 'passerelle:precompile-graphql',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]apps[\\/]web[\\/]src[\\/].+\.tsx?$/.test(id) || !code.includes('gql`'))
        return null;
      let count = 0;
      const out = code.replace(GQL_TEMPLATE, (_template, body: string) => {
        count += 1;
        // [text, interpolation, text, interpolation, …, text]
        const parts = body.split(INTERPOLATION);
        const texts = parts.filter((_, index) => index % 2 === 0);
        const interpolated = parts.filter((_, index) => index % 2 === 1);
        if (texts.some((text) => text.includes('${') || text.includes('\\'))) {
          throw new Error(`${id}: a gql document interpolates something else than a document`);
        }
        const offsets: number[] = [];
        let offset = 0;
        for (const text of texts.slice(0, -1)) offsets.push((offset += text.length));
        const slots: unknown[][] = texts.map(() => []);
        for (const definition of parse(texts.join('')).definitions) {
          const start = definition.loc?.start ?? 0;
          slots[offsets.filter((at) => at <= start).length]?.push(definition);
        }
        const tree = JSON.stringify(slots, (key, value: unknown) =>
          key === 'loc' ? undefined : value,
        );
        return `gqlDocument(${tree}, [${interpolated.join(', ')}])`;
      });
      if (count === 0) return null;
      return { code: `import { gqlDocument } from ${JSON.stringify(runtime)};\n${out}`, map: null };
    },
  };
}

/**
 * `vite build --ssr src/entry-server.tsx`: the server rendering of the first pages, one CommonJS
 * file with its packages inside (the API requires it; nothing to resolve at run time), next to
 * the web app rather than in it (dist/web is served to browsers).
 */
const serverRendering = defineConfig({
  root: here('.'),
  cacheDir: here('../../node_modules/.vite/web-ssr'),
  plugins: [precompileGraphQL(), react()],
  resolve: { alias: { '@passerelle/domain': here('../../libs/domain/src/index.ts') } },
  ssr: { noExternal: true, target: 'node' },
  // React's production build whatever NODE_ENV the API runs with (its development build renders
  // several times slower).
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: here('../../dist/web-ssr'),
    emptyOutDir: true,
    reportCompressedSize: false,
    copyPublicDir: false,
    rolldownOptions: {
      output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
    },
  },
});

export default defineConfig(({ isSsrBuild }) => (isSsrBuild ? serverRendering : browserApp));

const browserApp = defineConfig({
  root: here('.'),
  cacheDir: here('../../node_modules/.vite/web'),
  plugins: [precompileGraphQL(), react(), precompress()],
  resolve: {
    // The domain rules are compiled into the bundle from source, like the API uses them.
    alias: { '@passerelle/domain': here('../../libs/domain/src/index.ts') },
  },
  server: {
    port: 4200,
    host: 'localhost',
    proxy: { '/graphql': { target: api, ws: true }, '/health': api, '/api': api },
  },
  preview: { port: 4300, host: 'localhost' },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    reportCompressedSize: false,
    // dist/web/.vite/manifest.json: the chunk graph tools/check-bundle.mjs measures (the API never
    // serves dot-directories).
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What the first render needs, whatever the route, in one file next to the entry:
            // left to automatic chunking, the modules it shares with route chunks come as ~25
            // small files, and HTTP/1.1 fetches six at a time.
            { name: 'app', tags: ['$initial'], priority: 3 },
            // Mantine pieces shared by route chunks (inputs, popovers, modals): one file rather
            // than a request per component. The number input (admin forms only) stays apart.
            {
              name: 'ui',
              test: (id) => SHARED_UI.test(id) && !id.includes('NumberInput'),
              minShareCount: 2,
              priority: 2,
            },
            // The app's GraphQL documents, hooks and helpers shared by route chunks, with Apollo's
            // mutation and subscription hooks. Not the form helpers (they bring zod, which pages
            // without a form do not need), nor the public dashboard's map data.
            {
              name: 'shared',
              test: (id) => SHARED_APP.test(id) && !/shared[\\/]forms|dashboard/.test(id),
              minShareCount: 2,
              priority: 1,
            },
          ],
        },
      },
      treeshake: {
        // The domain library is pure (no module runs anything when imported): a page that needs
        // one constant does not pull in every zod schema behind the library's single entry point.
        moduleSideEffects: [{ test: /[\\/]libs[\\/]domain[\\/]src[\\/]/, sideEffects: false }],
        // Building a zod schema has no effect but the schema (nothing here calls z.config): a
        // schema no page uses (the consultation settings' next to their defaults, on the proposals
        // list) is left out instead of being built when its chunk loads.
        manualPureFunctions: ['z'],
      },
    },
  },
});
