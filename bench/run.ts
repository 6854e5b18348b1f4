/**
 * `npm run bench [-- name…]`: every `bench/*.bench.ts` (or the named ones), each printing figures with ratios
 * against a baseline measured in the same run.
 */
import { runSuites, type Suite, type SuiteContext } from '../scripts/suites.js';

export type BenchContext = SuiteContext;
export type Benchmark = Suite;

process.exitCode = await runSuites('bench', import.meta.dirname, process.argv.slice(2));
