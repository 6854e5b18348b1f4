#!/usr/bin/env node
/** The `argus` command. */
import { run } from './program.js';

process.exitCode = await run(process.argv);
