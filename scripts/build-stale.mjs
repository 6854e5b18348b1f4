#!/usr/bin/env node
// Builds what is out of date: the TypeScript packages (`tsc -b`) when a package's sources are newer than its
// build, then the web UI (`vite build` in packages/web) when its sources are newer than packages/web/dist.
// Used by `npm start` (scripts/start.mjs) and the browser tests; run directly it builds and exits.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const packages = join(root, 'packages');

/** Newest modification time of any file under a directory (0 when absent). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const name of readdirSync(dir)) {
    // Tests are not compiled (tsconfig excludes them), so tsc -b would never make the build newer than them.
    if (name === 'node_modules' || name === 'dist' || /\.test\.tsx?$/.test(name)) continue;
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

function mtime(p) {
  return existsSync(p) ? statSync(p).mtimeMs : 0;
}

function run(cmd, args) {
  // Vite keeps an inherited NODE_ENV: from inside vitest (NODE_ENV=test) it would bundle React's development
  // build, which then also serves `npm start`. The build is always the production one.
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

export function buildIfStale(log = (msg) => console.log(msg)) {
  // tsc -b is incremental; skip even its start-up cost when every package's build is newer than its sources.
  const stale = readdirSync(packages).some((name) => {
    const pkg = join(packages, name);
    if (!existsSync(join(pkg, 'tsconfig.json')) || name === 'web') return false;
    return newest(join(pkg, 'src')) > mtime(join(pkg, 'dist', '.tsbuildinfo'));
  });
  if (stale || !existsSync(join(packages, 'server', 'dist', 'main.js'))) {
    log('argus: building…');
    run('npx', ['tsc', '-b']);
  }
  const web = join(packages, 'web');
  if (existsSync(join(web, 'index.html')) && newest(web) > mtime(join(web, 'dist', 'index.html'))) {
    log('argus: building the web UI…');
    run('npm', ['run', 'build', '--silent', '-w', '@argus/web']);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    buildIfStale();
  } catch (e) {
    console.error(String(e instanceof Error ? e.message : e));
    process.exit(1);
  }
}
