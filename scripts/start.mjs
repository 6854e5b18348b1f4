#!/usr/bin/env node
// `npm start`: build if needed, then run the Argus server on the embedded store.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = ['packages/cli/dist/program.js', 'packages/server/dist/main.js'].every((f) =>
  existsSync(new URL(`../${f}`, import.meta.url)),
);
if (!built) {
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (existsSync(new URL('../packages/server/dist/main.js', import.meta.url))) {
  await import('../packages/server/dist/main.js');
} else {
  // Until the server lands, start shows the store's lists.
  const { run } = await import('../packages/cli/dist/program.js');
  process.exitCode = await run([process.argv[0], 'argus', 'lists']);
}
