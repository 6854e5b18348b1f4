#!/usr/bin/env node
// Thin launcher so the bin link works before and after `npm run build` (tsc does not keep the exec bit).
await import('../dist/main.js');
