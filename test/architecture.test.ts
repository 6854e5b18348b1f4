/** The dependency direction of DESIGN.md, checked on every import: core → app → adapters → shells. */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

// Which @argus packages each package may import. Core imports none and no Node built-in that does I/O.
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  app: ['core'],
  'store-sqlite': ['core', 'app'],
  'store-postgres': ['core', 'app'],
  'stream-memory': ['core', 'app'],
  'stream-nats': ['core', 'app'],
  fetch: ['core', 'app'],
  runtime: ['core', 'app', 'store-sqlite', 'store-postgres', 'stream-memory', 'stream-nats', 'fetch'],
  cli: ['core', 'app', 'runtime'],
  server: ['core', 'app', 'runtime'],
  workers: ['core', 'app', 'runtime'],
  web: [],
};

const CORE_FORBIDDEN_NODE = /^(node:)?(fs|fs\/promises|net|http|https|child_process|worker_threads|dgram|dns|tls|cluster|os)$/;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

describe('architecture', () => {
  const packages = readdirSync(join(root, 'packages')).filter((p) =>
    statSync(join(root, 'packages', p, 'src'), { throwIfNoEntry: false })?.isDirectory(),
  );

  it('knows every package', () => {
    for (const p of packages) expect(Object.keys(ALLOWED), `packages/${p} needs an entry in ALLOWED`).toContain(p);
  });

  for (const pkg of packages) {
    it(`packages/${pkg} imports only what the layers allow`, () => {
      const violations: string[] = [];
      for (const file of sources(join(root, 'packages', pkg, 'src'))) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(IMPORT)) {
          const spec = m[1] ?? m[2] ?? '';
          const where = relative(root, file);
          const argus = /^@argus\/([a-z-]+)/.exec(spec);
          if (argus && argus[1] !== pkg && !ALLOWED[pkg]?.includes(argus[1] as string)) violations.push(`${where} imports ${spec}`);
          const isTest = file.endsWith('.test.ts');
          if (pkg === 'core' && !isTest && CORE_FORBIDDEN_NODE.test(spec)) violations.push(`${where} does I/O through ${spec}`);
          if (spec.startsWith('.')) {
            const target = join(file, '..', spec);
            if (!target.startsWith(join(root, 'packages', pkg))) violations.push(`${where} reaches outside its package: ${spec}`);
          }
        }
      }
      expect(violations).toEqual([]);
    });
  }
});
