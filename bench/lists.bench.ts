/**
 * List import speed and memory: OFAC SDN 2024 + UN 2026 into a fresh SQLite file and into PostgreSQL,
 * and a generated UN-format file of ~10 MB and ~100 MB to show peak memory does not grow with file size.
 * Each measurement runs in its own process so its peak RSS is its own; the baseline is reading the
 * same bytes from disk with no parsing.
 */

import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext, Benchmark } from './run.js';

const PG_URL = process.env.ARGUS_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

type Task =
  | { kind: 'read'; files: string[] }
  | { kind: 'parse'; lists: { path: string; source: string; format: string }[] }
  | { kind: 'import'; store: 'sqlite' | 'postgres'; lists: { path: string; source: string; format: string }[] };

interface TaskResult {
  readonly ms: number;
  /** CPU time (user + system, all threads) over the same span: what the wall time would be on an idle machine, roughly. */
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly bytes: number;
  readonly entities: number;
  readonly perList: { source: string; ms: number; entities: number }[];
}

/** Runs one task in a fresh process (this file, in worker mode) and reads its figures. */
function inChild(task: Task): Promise<TaskResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, 'lists-bench-worker', JSON.stringify(task)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench worker exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as TaskResult);
    });
  });
}

const cpuSince = (c0: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

async function worker(task: Task): Promise<TaskResult> {
  const { readListPath, createListsApp } = await import('@argus/runtime');
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  if (task.kind === 'read') {
    let bytes = 0;
    for (const f of task.files) for (const file of readListPath(f).files) for await (const chunk of file.open()) bytes += chunk.byteLength;
    return {
      ms: performance.now() - t0,
      cpuMs: cpuSince(c0),
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      bytes,
      entities: 0,
      perList: [],
    };
  }
  if (task.kind === 'parse') {
    // The parsers alone, no store: how much of an import is parsing and how much is hashing and writing.
    const { parseList } = await import('@argus/core/lists');
    let bytes = 0;
    let entities = 0;
    const perList: TaskResult['perList'] = [];
    for (const l of task.lists) {
      const t = performance.now();
      const input = readListPath(l.path);
      let k = 0;
      for await (const ev of parseList(l.format as Parameters<typeof parseList>[0], input, { list: l.source }))
        if (ev.type === 'entity') k++;
      perList.push({ source: l.source, ms: performance.now() - t, entities: k });
      entities += k;
      bytes += input.files.reduce((s, f) => s + (f.size ?? 0), 0);
    }
    return { ms: performance.now() - t0, cpuMs: cpuSince(c0), maxRssMb: process.resourceUsage().maxRSS / 1024, bytes, entities, perList };
  }
  const { importList } = await import('@argus/app/lists');
  const dir = mkdtempSync(join(tmpdir(), 'argus-bench-'));
  const schema = `argus_bench_${process.pid}`;
  let store: import('@argus/app').Store;
  if (task.store === 'sqlite') {
    const { SqliteStore } = await import('@argus/store-sqlite');
    store = SqliteStore.open({ file: join(dir, 'bench.db') });
  } else {
    const { PostgresStore } = await import('@argus/store-postgres');
    store = await PostgresStore.connect({ url: PG_URL, schema });
  }
  try {
    await store.migrate();
    const deps = await createListsApp({ store, agencyId: 'bench' });
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    let bytes = 0;
    let entities = 0;
    const perList: TaskResult['perList'] = [];
    for (const l of task.lists) {
      const t = performance.now();
      const input = readListPath(l.path);
      const r = await importList(deps, { source: l.source, files: input.files, fileName: input.fileName, format: l.format });
      const n = r.version.counts?.entities ?? 0;
      perList.push({ source: l.source, ms: performance.now() - t, entities: n });
      entities += n;
      bytes += input.files.reduce((s, f) => s + (f.size ?? 0), 0);
    }
    return {
      ms: performance.now() - start,
      cpuMs: cpuSince(cpuStart),
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      bytes,
      entities,
      perList,
    };
  } finally {
    if (task.store === 'postgres') {
      const pgStore = store as import('@argus/store-postgres').PostgresStore;
      await pgStore.pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes a UN consolidated list of about `mb` megabytes: many individuals, each with aliases, dates, documents. */
function generateUn(path: string, mb: number): number {
  const fd = openSync(path, 'w');
  let size = 0;
  const put = (s: string) => {
    const b = Buffer.from(s, 'utf8');
    writeSync(fd, b);
    size += b.length;
  };
  put('<?xml version="1.0" encoding="UTF-8"?>\n<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:00.000Z">\n<INDIVIDUALS>\n');
  let i = 0;
  const target = mb * 1024 * 1024;
  let buf = '';
  while (size + buf.length < target) {
    i++;
    buf += `<INDIVIDUAL><DATAID>${1000000 + i}</DATAID><VERSIONNUM>1</VERSIONNUM><FIRST_NAME>NAME${i}</FIRST_NAME><SECOND_NAME>ABDALLAH</SECOND_NAME><THIRD_NAME>AL-RAHMAN</THIRD_NAME><UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDi.${i}</REFERENCE_NUMBER><LISTED_ON>2014-01-03</LISTED_ON><NAME_ORIGINAL_SCRIPT>جابر عبد الله ${i}</NAME_ORIGINAL_SCRIPT><COMMENTS1>Generated record ${i} for the memory benchmark.</COMMENTS1><NATIONALITY><VALUE>Kuwait</VALUE></NATIONALITY><LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE><INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Abu Muhammad ${i}</ALIAS_NAME></INDIVIDUAL_ALIAS><INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Abdul-Ghani ${i}</ALIAS_NAME></INDIVIDUAL_ALIAS><INDIVIDUAL_ADDRESS><COUNTRY>Kuwait</COUNTRY><CITY>Kuwait City</CITY></INDIVIDUAL_ADDRESS><INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1972-09-24</DATE></INDIVIDUAL_DATE_OF_BIRTH><INDIVIDUAL_PLACE_OF_BIRTH><CITY>Al-Khitan</CITY><COUNTRY>Kuwait</COUNTRY></INDIVIDUAL_PLACE_OF_BIRTH><INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>${100000000 + i}</NUMBER><ISSUING_COUNTRY>Kuwait</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT></INDIVIDUAL>\n`;
    if (buf.length > 1 << 20) {
      put(buf);
      buf = '';
    }
  }
  put(buf);
  put('</INDIVIDUALS>\n<ENTITIES>\n</ENTITIES>\n</CONSOLIDATED_LIST>\n');
  closeSync(fd);
  return i;
}

const f1 = (x: number) => x.toFixed(1);
const mbOf = (bytes: number) => bytes / 1024 / 1024;

async function pgReachable(): Promise<boolean> {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

const bench: Benchmark = {
  name: 'lists',
  async run(ctx: BenchContext) {
    const sdn = join(ctx.dataDir, 'lists', 'ofac-sdn-2024', 'sdn-2024-05-03.csv');
    const un = join(ctx.dataDir, 'lists', 'un', 'consolidated-2026-02-27.xml');
    const real = [
      { path: sdn, source: 'ofac-sdn', format: 'ofac-csv' },
      { path: un, source: 'un-sc', format: 'un-xml' },
    ];
    const base = await inChild({ kind: 'read', files: [sdn, un] });
    ctx.out(
      `baseline: read ${f1(mbOf(base.bytes))} MB from disk, no parsing: ${f1(base.ms)} ms (CPU ${f1(base.cpuMs)} ms), peak RSS ${f1(base.maxRssMb)} MB`,
    );
    // Other processes share this machine: when the load average exceeds the cores, wall times stretch and CPU times tell more.
    ctx.out(`load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
    ctx.out();
    ctx.out('| store | list | entities | time (ms) |');
    ctx.out('|---|---|---:|---:|');
    const rows: [string, TaskResult][] = [
      ['parse only', await inChild({ kind: 'parse', lists: real })],
      ['sqlite', await inChild({ kind: 'import', store: 'sqlite', lists: real })],
    ];
    if (await pgReachable()) rows.push(['postgres', await inChild({ kind: 'import', store: 'postgres', lists: real })]);
    else ctx.out(`(PostgreSQL at ${PG_URL} not reachable: skipped)`);
    for (const [store, r] of rows) {
      for (const l of r.perList) ctx.out(`| ${store} | ${l.source} | ${l.entities.toLocaleString('en')} | ${f1(l.ms)} |`);
    }
    ctx.out();
    for (const [store, r] of rows) {
      if (store === 'parse only') {
        ctx.out(
          `parse only (no store): ${r.entities.toLocaleString('en')} entities in ${f1(r.ms)} ms (CPU ${f1(r.cpuMs)} ms); peak RSS ${f1(r.maxRssMb)} MB`,
        );
        continue;
      }
      ctx.out(
        `${store}: OFAC SDN 2024 + UN 2026 = ${r.entities.toLocaleString('en')} entities in ${f1(r.ms)} ms wall, ${f1(r.cpuMs)} ms CPU ` +
          `(goal < 2000 ms: ${r.ms < 2000 ? 'met' : 'NOT met'} on wall time, ${r.cpuMs < 2000 ? 'met' : 'NOT met'} on CPU time), ` +
          `${f1(r.ms / base.ms)}× the disk read; peak RSS ${f1(r.maxRssMb)} MB (${f1(r.maxRssMb / base.maxRssMb)}× baseline)`,
      );
    }

    ctx.out();
    const dir = mkdtempSync(join(tmpdir(), 'argus-bench-un-'));
    try {
      ctx.out('| generated UN XML | entities | import (ms) | CPU (ms) | MB/s | peak RSS (MB) | read-only peak RSS (MB) | RSS ratio |');
      ctx.out('|---:|---:|---:|---:|---:|---:|---:|---:|');
      const peaks: number[] = [];
      for (const mb of [10, 100]) {
        const path = join(dir, `un-${mb}mb.xml`);
        generateUn(path, mb);
        const size = statSync(path).size;
        const read = await inChild({ kind: 'read', files: [path] });
        const imp = await inChild({ kind: 'import', store: 'sqlite', lists: [{ path, source: 'un-generated', format: 'un-xml' }] });
        peaks.push(imp.maxRssMb);
        ctx.out(
          `| ${f1(mbOf(size))} MB | ${imp.entities.toLocaleString('en')} | ${f1(imp.ms)} | ${f1(imp.cpuMs)} | ${f1(mbOf(size) / (imp.ms / 1000))} | ${f1(imp.maxRssMb)} | ${f1(read.maxRssMb)} | ${f1(imp.maxRssMb / read.maxRssMb)}× |`,
        );
        rmSync(path, { force: true });
      }
      const [small = 0, large = 0] = peaks;
      ctx.out();
      ctx.out(`peak RSS, 100 MB file vs 10 MB file: ${f1(large / small)}× for 10× the bytes (flat memory means ≈ 1×)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;

if (process.argv[2] === 'lists-bench-worker') {
  const result = await worker(JSON.parse(process.argv[3] ?? '{}') as Task);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
