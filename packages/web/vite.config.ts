/** Vite build of the analyst UI: packages/web/dist, served by the Argus server at /. */

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One bundle per vendor family keeps rebuilds cacheable without a chunk per page.
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (!id.includes('node_modules')) return undefined;
          if (id.includes('@mantine')) return 'mantine';
          if (id.includes('@tanstack')) return 'tanstack';
          if (id.includes('react')) return 'react';
          return undefined;
        },
      },
    },
  },
  server: {
    // `npm run dev -w @argus/web` against a server on 8080 (npm start).
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
