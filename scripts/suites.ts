/**
 * The runner behind `npm run eval` and `npm run bench`: imports every `<dir>/*.<kind>.ts` (or the ones named on
 * the command line), runs each on the real data in ../shared/data (ARGUS_DATA to point elsewhere) and prints
 * what it reports. A suite that throws is reported and makes the exit code 1; the others still run.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface SuiteContext {
  /** ../shared/data, resolved. */
  readonly dataDir: string;
  /** Prints a line of the report. */
  readonly out: (line?: string) => void;
}

export interface Suite {
  readonly name: string;
  run(ctx: SuiteContext): Promise<void>;
}

export async function runSuites(kind: 'eval' | 'bench', dir: string, wanted: readonly string[]): Promise<number> {
  const dataDir = resolve(process.env.ARGUS_DATA ?? join(dir, '..', '..', 'shared', 'data'));
  if (!existsSync(dataDir)) {
    console.error(`${kind}: no data at ${dataDir} (set ARGUS_DATA)`);
    return 2;
  }
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(`.${kind}.ts`))
    .sort();
  let failed = 0;
  for (const f of files) {
    const suite = ((await import(pathToFileURL(join(dir, f)).href)) as { default: Suite }).default;
    if (wanted.length > 0 && !wanted.includes(suite.name)) continue;
    console.log(`\n### ${suite.name}\n`);
    const t0 = performance.now();
    try {
      await suite.run({ dataDir, out: (line = '') => console.log(line) });
    } catch (e) {
      failed++;
      console.error(`${kind} ${suite.name} failed:`, e);
    }
    console.log(`\n(${suite.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  return failed > 0 ? 1 : 0;
}
