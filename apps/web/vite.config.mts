import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// The API the dev server proxies to (`npm run dev` sets it to the API's port).
const api = process.env.API_URL ?? 'http://localhost:3000';

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

export default defineConfig({
  root: here('.'),
  cacheDir: here('../../node_modules/.vite/web'),
  plugins: [react(), precompress()],
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
      treeshake: {
        // The domain library is pure (no module runs anything when imported): a page that needs
        // one constant does not pull in every zod schema behind the library's single entry point.
        moduleSideEffects: [{ test: /[\\/]libs[\\/]domain[\\/]src[\\/]/, sideEffects: false }],
      },
    },
  },
});
