/** @argus/cli: the command-line shell. */
export { run, type CliContext, type CommandRegistrar } from './program.js';
