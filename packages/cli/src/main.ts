#!/usr/bin/env node
/** The `argus` command. */
import { run } from './program.js';

// `argus alerts --json | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await run(process.argv);
