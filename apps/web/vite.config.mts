import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// The API the dev server proxies to (`npm run dev` sets it to the API's port).
const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  cacheDir: here('../../node_modules/.vite/web'),
  plugins: [react()],
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
  },
});
