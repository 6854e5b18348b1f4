import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const pkg = (p: string) => fileURLToPath(new URL(`./packages/${p}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run on the TypeScript sources of every workspace package, not on their build output.
    alias: [
      { find: /^@argus\/([a-z-]+)$/, replacement: `${pkg('$1')}/src/index.ts` },
      { find: /^@argus\/([a-z-]+)\/(.+)$/, replacement: `${pkg('$1')}/src/$2/index.ts` },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'test/e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
