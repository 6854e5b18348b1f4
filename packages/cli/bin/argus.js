#!/usr/bin/env node
// Thin launcher so the bin link works before and after `npm run build` (tsc does not keep the exec bit).
import { run } from '../dist/program.js';

process.exitCode = await run(process.argv);
