/** `npm run eval [-- name…]`: every `eval/*.eval.ts` (or the named ones), each printing its quality tables. */
import { runSuites, type Suite, type SuiteContext } from '../scripts/suites.js';

export type EvalContext = SuiteContext;
export type Evaluation = Suite;

process.exitCode = await runSuites('eval', import.meta.dirname, process.argv.slice(2));
