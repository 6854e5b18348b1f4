/**
 * `npm run bench [-- name…]`: runs every `bench/*.bench.ts` (or the named ones) on the real data in
 * ../shared/data (ARGUS_DATA to point elsewhere) and prints figures with ratios against a baseline measured in the same run.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchContext {
  /** ../shared/data, resolved. */
  readonly dataDir: string;
  /** Prints a line of the report. */
  readonly out: (line?: string) => void;
}

export interface Benchmark {
  readonly name: string;
  run(ctx: BenchContext): Promise<void>;
}

const here = import.meta.dirname;
const dataDir = resolve(process.env.ARGUS_DATA ?? join(here, '..', '..', 'shared', 'data'));
if (!existsSync(dataDir)) {
  console.error(`bench: no data at ${dataDir} (set ARGUS_DATA)`);
  process.exit(2);
}
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
let failed = 0;
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: Benchmark };
  const ev = mod.default;
  if (wanted.length > 0 && !wanted.includes(ev.name)) continue;
  console.log(`\n### ${ev.name}\n`);
  const t0 = performance.now();
  try {
    await ev.run({ dataDir, out: (line = '') => console.log(line) });
  } catch (e) {
    failed++;
    console.error(`bench ${ev.name} failed:`, e);
  }
  console.log(`\n(${ev.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
process.exitCode = failed > 0 ? 1 : 0;
