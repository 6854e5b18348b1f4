/**
 * Start-up list loading, in the background: local files (ARGUS_LISTS_DIR or argus.config.json) or the
 * publishers' URLs. A failed download or import is logged and skipped — the last good version stays current.
 */

import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { importList, type ListsDeps, updateLists } from '@argus/app/lists';
import { readListPath } from '@argus/runtime';

export interface ListConfigEntry {
  /** A registry id (`ofac-sdn`, `un-sc`, …) or an agency list id. */
  readonly source: string;
  /** A local file or directory; absent: download from the publisher. */
  readonly path?: string;
  readonly format?: string;
  readonly name?: string;
}

export interface ListsConfig {
  readonly lists: readonly ListConfigEntry[];
}

/** Where each official source sits inside a directory laid out like ../shared/data/lists. */
export const LOCAL_LAYOUT: readonly ListConfigEntry[] = [
  { source: 'ofac-sdn', path: 'ofac-sdn-2021' },
  { source: 'ofac-cons', path: 'ofac-nonsdn-2025' },
  { source: 'un-sc', path: 'un/consolidated-2026-02-27.xml' },
  { source: 'eu-fsf', path: 'eu/sample_eu.xml' },
  { source: 'uk-ofsi', path: 'uk/sample_hmt.csv' },
];

/** argus.config.json in the working directory, else ARGUS_LISTS_DIR, else every official source from its publisher. */
export function listsConfig(cwd: string, env: NodeJS.ProcessEnv): ListsConfig {
  const file = resolve(cwd, env.ARGUS_CONFIG ?? 'argus.config.json');
  if (existsSync(file)) {
    const cfg = JSON.parse(readFileSync(file, 'utf8')) as { lists?: ListConfigEntry[] };
    const base = resolve(file, '..');
    return {
      lists: (cfg.lists ?? []).map((e) => (e.path !== undefined && !isAbsolute(e.path) ? { ...e, path: join(base, e.path) } : e)),
    };
  }
  if (env.ARGUS_LISTS_DIR) {
    const dir = resolve(cwd, env.ARGUS_LISTS_DIR);
    return { lists: LOCAL_LAYOUT.map((e) => ({ ...e, path: join(dir, e.path as string) })).filter((e) => existsSync(e.path)) };
  }
  return { lists: [{ source: 'ofac-sdn' }, { source: 'ofac-cons' }, { source: 'un-sc' }, { source: 'eu-fsf' }, { source: 'uk-ofsi' }] };
}

export interface LoadReport {
  readonly source: string;
  readonly status: string;
  readonly error?: string;
}

export async function loadLists(deps: ListsDeps, config: ListsConfig, log: (msg: string, extra?: object) => void): Promise<LoadReport[]> {
  const out: LoadReport[] = [];
  const remote = config.lists.filter((e) => e.path === undefined).map((e) => e.source);
  for (const e of config.lists) {
    if (e.path === undefined) continue;
    try {
      const p = readListPath(e.path);
      const r = await importList(deps, {
        source: e.source,
        files: p.files,
        fileName: p.fileName,
        ...(e.format !== undefined ? { format: e.format } : {}),
        ...(e.name !== undefined ? { name: e.name } : {}),
      });
      out.push({ source: e.source, status: r.status });
      log(`lists: ${e.source} ${r.status}`);
    } catch (err) {
      out.push({ source: e.source, status: 'failed', error: String(err) });
      log(`lists: ${e.source} failed — keeping the current version`, { error: String(err) });
    }
  }
  if (remote.length > 0) {
    try {
      for (const r of await updateLists(deps, { sources: remote })) {
        out.push({ source: r.source, status: r.status, ...(r.status === 'failed' ? { error: r.error.message } : {}) });
        log(`lists: ${r.source} ${r.status}${r.status === 'failed' ? ` (${r.error.message}) — keeping the current version` : ''}`);
      }
    } catch (err) {
      log('lists: update failed — keeping the current versions', { error: String(err) });
    }
  }
  return out;
}
