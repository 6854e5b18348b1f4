/**
 * The browser-test harness: a real Argus server (packages/server/dist/main.js, the `npm start` entry) on a
 * free port over a temporary SQLite file, importing fixture lists in the publishers' formats; users created
 * through the admin API; Debian's Chromium driven by playwright-core; screenshots in test/e2e/screenshots/.
 *
 * Reuse it for every browser test:
 *
 *   const e2e = describeE2E('cases');              // skips loudly without /usr/bin/chromium
 *   e2e('opens a case', async ({ server, page }) => { await loginAs(page, server, 'analyst'); … });
 */

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(ROOT, 'test/e2e/fixtures');
export const SCREENSHOTS = join(ROOT, 'test/e2e/screenshots');
export const CHROMIUM = process.env.ARGUS_CHROMIUM ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/** Every role gets a user of that name; all share this password. */
export const PASSWORD = 'e2e-password-0123456789';
export const ADMIN = 'admin';
export type Role = 'admin' | 'analyst' | 'reviewer' | 'auditor';

/** One list the server imports at start-up: a registry source id and a fixture file or directory. */
export interface FixtureList {
  readonly source: string;
  readonly fixture: string;
}

export const DEFAULT_LISTS: readonly FixtureList[] = [
  { source: 'ofac-sdn', fixture: 'ofac-sdn-v1' },
  { source: 'un-sc', fixture: 'un-consolidated.xml' },
];

export interface E2EServer {
  readonly url: string;
  readonly dir: string;
  /** Log lines the server wrote (stdout and stderr), for failure messages. */
  readonly log: string[];
  /** A JSON API call as this user (logs in once per user and keeps the cookie). */
  api<T = unknown>(user: string, method: string, path: string, body?: unknown): Promise<T>;
  /** Creates a user of this role in the default agency (idempotent per name). */
  createUser(username: string, role: Role, agencyId?: string): Promise<void>;
  /** Replaces the file(s) a configured source is read from; "update now" (UI or API) imports them. */
  replaceList(source: string, fixture: string): void;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Runs the server from its TypeScript sources through tsx instead of packages/server/dist (ARGUS_E2E_SOURCE=1):
 * for working on a checkout whose `tsc -b` is broken elsewhere. The UI is still the built one.
 */
const FROM_SOURCE = process.env.ARGUS_E2E_SOURCE === '1';

/** Builds the server and the UI when their sources are newer than their builds, as `npm start` does (ARGUS_NO_BUILD=1 skips). */
export function ensureBuilt(): void {
  if (process.env.ARGUS_NO_BUILD === '1') return;
  if (FROM_SOURCE) {
    // NODE_ENV=production: vitest sets it to "test", and Vite would keep that and bundle React's development build.
    const web = spawnSync('npm', ['run', 'build', '--silent', '-w', '@argus/web'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (web.status !== 0) throw new Error('building the web UI failed (see above)');
    return;
  }
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-stale.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the server and the web UI failed (see above)');
  if (!existsSync(join(ROOT, 'packages/web/dist/index.html'))) throw new Error('packages/web/dist/index.html is missing after the build');
}

export async function startServer(options: { lists?: readonly FixtureList[]; env?: Record<string, string> } = {}): Promise<E2EServer> {
  const dir = mkdtempSync(join(tmpdir(), 'argus-e2e-'));
  const lists = options.lists ?? DEFAULT_LISTS;
  const listPath = (source: string) => join(dir, 'lists', source);
  const place = (source: string, fixture: string) => {
    const to = listPath(source);
    rmSync(to, { recursive: true, force: true });
    mkdirSync(to, { recursive: true });
    const from = join(FIXTURES, fixture);
    // A directory is a CSV set; a single file keeps its name (parsers recognise files by name and content).
    cpSync(from, fixture.includes('.') ? join(to, fixture) : to, { recursive: true });
  };
  for (const l of lists) place(l.source, l.fixture);
  writeFileSync(
    join(dir, 'argus.config.json'),
    JSON.stringify({ lists: lists.map((l) => ({ source: l.source, path: `lists/${l.source}` })) }, null, 2),
  );

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log: string[] = [];
  const entry = FROM_SOURCE
    ? ['--import', join(ROOT, 'node_modules/tsx/dist/esm/index.mjs'), join(ROOT, 'packages/server/src/main.ts')]
    : [join(ROOT, 'packages/server/dist/main.js')];
  const child: ChildProcess = spawn(process.execPath, entry, {
    cwd: dir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ARGUS_DB: join(dir, 'argus.db'),
      ARGUS_ADMIN_PASSWORD: PASSWORD,
      ARGUS_CONFIG: join(dir, 'argus.config.json'),
      LOG_LEVEL: 'warn',
      ...(FROM_SOURCE ? { TSX_TSCONFIG_PATH: join(ROOT, 'test/e2e/tsconfig.source.json') } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (b: Buffer) => log.push(...b.toString('utf8').split('\n').filter(Boolean));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
  });

  // Ready: listening, lists imported, screening index warm.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`the server exited (${exited}) during start-up:\n${log.join('\n')}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server was not ready within 120 s:\n${log.join('\n')}`);
    }
    try {
      const r = await fetch(`${url}/api/ready`);
      if (r.ok && ((await r.json()) as { status: string }).status === 'ready') break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  const cookies = new Map<string, string>();
  const passwords = new Map<string, string>([[ADMIN, PASSWORD]]);
  const login = async (user: string): Promise<string> => {
    const known = cookies.get(user);
    if (known) return known;
    const r = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-argus-csrf': '1' },
      body: JSON.stringify({ username: user, password: passwords.get(user) ?? PASSWORD }),
    });
    if (!r.ok) throw new Error(`login ${user}: ${r.status} ${await r.text()}`);
    const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    cookies.set(user, cookie);
    return cookie;
  };
  const api = async <T>(user: string, method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { cookie: await login(user), 'x-argus-csrf': '1' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} as ${user}: ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const created = new Set<string>([ADMIN]);

  return {
    url,
    dir,
    log,
    api,
    async createUser(username, role, agencyId) {
      if (created.has(username)) return;
      await api(ADMIN, 'POST', '/api/admin/users', { username, password: PASSWORD, role, ...(agencyId ? { agencyId } : {}) });
      created.add(username);
    },
    replaceList: place,
    async stop() {
      if (exited === undefined) {
        const gone = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await gone;
        clearTimeout(t);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Console errors and uncaught exceptions of a page; a test asserts the list stays empty. */
export interface WatchedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly errors: string[];
}

/** A fresh context (own cookies) at 1280×800 that records console errors and page errors. */
export async function openPage(browser: Browser, options: { allow?: readonly RegExp[] } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  const allowed = (text: string) => (options.allow ?? []).some((re) => re.test(text));
  page.on('console', (m) => {
    if (m.type() === 'error' && !allowed(m.text())) errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => {
    if (!allowed(e.message)) errors.push(`pageerror: ${e.message}`);
  });
  return { page, context, errors };
}

export async function loginAs(page: Page, server: E2EServer, username: string, password = PASSWORD): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Username').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('input[name=password]').press('Enter');
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

export interface E2EContext {
  readonly server: E2EServer;
  readonly browser: Browser;
}

/**
 * A suite with one server and one browser shared by its tests (started in beforeAll, stopped in afterAll).
 * Without Chromium the suite is skipped and says so on stderr — never silently green.
 */
export function describeE2E(
  name: string,
  body: (ctx: () => E2EContext) => void,
  options: { lists?: readonly FixtureList[]; users?: readonly [string, Role][] } = {},
): void {
  if (!HAS_CHROMIUM) {
    console.warn(
      `\n[e2e] SKIPPED "${name}": no Chromium at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` (or set ARGUS_CHROMIUM).\n`,
    );
    describe.skip(name, () => body(() => ({}) as E2EContext));
    return;
  }
  describe(name, () => {
    let ctx: E2EContext | undefined;
    beforeAll(async () => {
      ensureBuilt();
      const server = await startServer(options.lists ? { lists: options.lists } : {});
      try {
        for (const [user, role] of options.users ?? [
          ['analyst', 'analyst'],
          ['reviewer', 'reviewer'],
          ['auditor', 'auditor'],
        ])
          await server.createUser(user, role);
        ctx = { server, browser: await launchBrowser() };
      } catch (e) {
        await server.stop();
        throw e;
      }
    }, 300_000);
    afterAll(async () => {
      await ctx?.browser.close();
      await ctx?.server.stop();
    }, 60_000);
    body(() => {
      if (!ctx) throw new Error('the e2e server did not start');
      return ctx;
    });
  });
}

export { it };

/** Retries an assertion until it passes or the time is up (pages render asynchronously), then throws its last error. */
export async function eventually(assertion: () => Promise<void> | void, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Waits until the element's text contains (or matches) `expected`. */
export async function seeText(locator: Locator, expected: string | RegExp, timeout = 15_000): Promise<void> {
  await locator.first().waitFor({ timeout });
  await eventually(async () => {
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property
    const text = await locator.first().innerText();
    if (typeof expected === 'string' ? !text.includes(expected) : !expected.test(text)) {
      throw new Error(`expected ${String(locator)} to contain ${String(expected)}; it reads:\n${text.slice(0, 2000)}`);
    }
  }, timeout);
}

/** Waits until the element's text no longer contains `unexpected`. */
export async function notSeeText(locator: Locator, unexpected: string, timeout = 15_000): Promise<void> {
  await eventually(async () => {
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property
    const text = await locator.first().innerText();
    if (text.includes(unexpected)) throw new Error(`expected ${String(locator)} not to contain ${unexpected}`);
  }, timeout);
}
