/**
 * What a browser downloads to open the console: the sign-in page and the workbench (工作台), then every
 * route of the console as the first administrator, each loaded cold (an empty cache) from the real
 * server, counted as the bytes that crossed the network (headers and bodies, compressed as Chromium
 * negotiates them). Goals: the sign-in page and the workbench each ≤ 250 KB, any page ≤ 400 KB.
 * A route with a parameter is visited at a record asked of the API — a community's code for `:code`, the
 * demo's 象山 worker and service case for `people/:id` and `services/:id` (their lists link to them only
 * from a table row's click) — or else at the first link to it found on the pages visited before it.
 * Needs the console built
 * (`pnpm --filter @shequ/admin build`) and Chromium (CHROMIUM_PATH, default /usr/bin/chromium);
 * without either the topic says so and measures nothing.
 *
 * A page over its goal makes the run exit with code 1.
 *
 * SHEQU_BENCH_TRANSFER_DETAIL=1 lists every response with its size.
 *
 * The server runs as in the browser tests: its own temporary database with the demo data, the demo
 * people's password set (SHEQU_DEMO_PASSWORD), so 象山's custodian can sign in.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath, freePort, launchChromium } from '@shequ/e2e/launch';
import type { BrowserContext, Page } from 'playwright-core';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const adminDist = join(repoRoot, 'apps/admin/dist');
const demoPassword = 'Bench-Demo-People-2026!';
/** The goal of the sign-in page and the workbench, in bytes (1 KB = 1,000 bytes). */
const FIRST_PAGE_GOAL_BYTES = 250_000;
/** The goal of any other page. */
const ANY_PAGE_GOAL_BYTES = 400_000;
const adminPassword = 'Bench-Admin-2026!';

/**
 * The console's route patterns (apps/admin/src/pages/registry.tsx), read from its source so a new page
 * is measured without touching this file.
 */
async function consoleRoutes(): Promise<string[]> {
  const registry = await readFile(join(repoRoot, 'apps/admin/src/pages/registry.tsx'), 'utf8');
  return [...registry.matchAll(/\bpath: '([^']+)'/g)]
    .map((m) => m[1] as string)
    .filter((path) => path !== '*');
}

function routePattern(route: string): RegExp {
  return new RegExp(`^/${route.replace(/:[a-zA-Z]+/g, '[^/?#]+')}$`);
}

async function startServer(scratch: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(
    process.execPath,
    ['--conditions=@shequ/source', '--import', 'tsx', 'apps/api/src/main.ts'],
    {
      cwd: repoRoot,
      env: {
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
        SHEQU_DATA_DIR: join(scratch, 'pglite'),
        SHEQU_SIGNING_KEY_FILE: join(scratch, 'signing-key.pem'),
        SHEQU_WITNESS_KEY_DIR: join(scratch, 'witness-keys'),
        SHEQU_ADMIN_PASSWORD: adminPassword,
        SHEQU_ADMIN_PASSWORD_KEEP: '1',
        SHEQU_ADMIN_DIST: adminDist,
        SHEQU_DEMO_PASSWORD: demoPassword,
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`服务器已退出（${child.exitCode}）`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGTERM');
  throw new Error('服务器 4 分钟内未就绪');
}

/** Loads `path` in a page of `context` and returns the bytes of every response it needed (and its links). */
async function coldTransfer(context: BrowserContext, url: string, ready: (page: Page) => Promise<void>) {
  const page = await context.newPage();
  const sizes: Promise<number>[] = [];
  const detail = process.env.SHEQU_BENCH_TRANSFER_DETAIL === '1';
  page.on('requestfinished', (request) => {
    sizes.push(
      request
        .sizes()
        .then((size) => {
          const bytes = size.responseBodySize + size.responseHeadersSize;
          if (detail)
            process.stdout.write(`  ${(bytes / 1000).toFixed(1)} KB ${new URL(request.url()).pathname}\n`);
          return bytes;
        })
        .catch(() => 0),
    );
  });
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  const bytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
  const links = await page.evaluate<string[]>(
    // A string, evaluated in the page: this package's types describe Node, not the browser.
    '[...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href"))',
  );
  const landedOn = new URL(page.url()).pathname;
  await page.close();
  return { bytes, requests: sizes.length, links, landedOn };
}

/** Prints one page's transfer against its goal; true when it met it. */
/** Signs in through the login page as a person would and hands back the context's cookies (the session). */
async function signIn(context: BrowserContext, url: string, username: string, password: string) {
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/workbench$/);
  return context.cookies();
}

function report(name: string, measured: { bytes: number; requests: number }, goal: number): boolean {
  const met = measured.bytes <= goal;
  process.stdout.write(
    `${name}：${(measured.bytes / 1000).toFixed(1)} KB，${measured.requests} 个请求` +
      `（目标 ≤ ${goal / 1000} KB，${met ? '达标' : '超出目标'}）\n`,
  );
  return met;
}

/** A page is ready when its heading, a result or an empty-state shows (or after 15 s, measured anyway). */
async function pageShown(page: Page): Promise<void> {
  await page
    .locator('main h1, main h2, main h3, main h4, .ant-result, .ant-empty')
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(() => undefined);
}

/** The demo's 象山社区居委会, whose workers and service cases the demo data names. */
const XIANGSHAN = '370305111007';

/**
 * Ids for the record routes whose lists open a record from a table row's click rather than a link:
 * 象山's first worker and its first service case, asked of the API as the console's lists ask.
 */
async function demoRecordIds(
  url: string,
  cookies: { name: string; value: string }[],
): Promise<Record<string, string>> {
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const firstId = async (procedure: string, input: unknown): Promise<string | undefined> => {
    const answer = (await fetch(
      `${url}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
      {
        headers: { cookie },
      },
    ).then((r) => r.json())) as { result?: { data?: unknown } };
    // A list is either the rows themselves or a page of them (`items`).
    const data = answer.result?.data;
    const rows: unknown[] = Array.isArray(data)
      ? data
      : data && typeof data === 'object' && 'items' in data && Array.isArray(data.items)
        ? data.items
        : [];
    const first = rows[0];
    return first && typeof first === 'object' && 'id' in first && typeof first.id === 'string'
      ? first.id
      : undefined;
  };
  const ids: Record<string, string> = {};
  const person = await firstId('people.roster', { under: XIANGSHAN });
  const serviceCase = await firstId('services.cases', { under: XIANGSHAN, includeClosed: true });
  if (person) ids['people/:id'] = person;
  if (serviceCase) ids['services/:id'] = serviceCase;
  return ids;
}

export async function run(): Promise<void> {
  if (!existsSync(join(adminDist, 'index.html'))) {
    process.stdout.write('管理控制台尚未构建：先运行 pnpm --filter @shequ/admin build。跳过。\n');
    return;
  }
  if (!existsSync(chromiumPath)) {
    process.stdout.write(`没有找到 Chromium（${chromiumPath}）：设置 CHROMIUM_PATH。跳过。\n`);
    return;
  }
  const scratch = await mkdtemp(join(tmpdir(), 'shequ-bench-transfer-'));
  const server = await startServer(scratch);
  const browser = await launchChromium();
  try {
    const unmet: string[] = [];
    const visitor = await browser.newContext({ locale: 'zh-CN' });
    if (
      !report(
        '登录页（首次打开）',
        await coldTransfer(visitor, `${server.url}/login`, (page) =>
          page.getByRole('button', { name: '登录' }).waitFor(),
        ),
        FIRST_PAGE_GOAL_BYTES,
      )
    )
      unmet.push('/login');
    // Signs in, then opens the workbench in a fresh context holding only the session cookie: a cold cache.
    const cookies = await signIn(visitor, server.url, 'xs-zhaomin', demoPassword);
    const signedIn = await browser.newContext({ locale: 'zh-CN' });
    await signedIn.addCookies(cookies);
    if (
      !report(
        '工作台（已登录，首次打开）',
        await coldTransfer(signedIn, `${server.url}/workbench`, (page) =>
          page.getByRole('heading', { name: '工作台', exact: true }).waitFor(),
        ),
        FIRST_PAGE_GOAL_BYTES,
      )
    )
      unmet.push('/workbench');
    await signedIn.close();

    // Every route as the first administrator, each cold; parameters from links seen on earlier pages.
    const adminVisitor = await browser.newContext({ locale: 'zh-CN' });
    const adminCookies = await signIn(adminVisitor, server.url, 'admin', adminPassword);
    await adminVisitor.close();
    const routes = await consoleRoutes();
    // A community's code for `:code`, asked of the API once (links on a page may not have loaded yet).
    const listed = await fetch(`${server.url}/trpc/communities.list?input=${encodeURIComponent('{}')}`, {
      headers: { cookie: adminCookies.map((c) => `${c.name}=${c.value}`).join('; ') },
    }).then((r) => r.text());
    const listedCode = /"code":"(\d{12})"/.exec(listed)?.[1];
    const recordIds = await demoRecordIds(server.url, adminCookies);
    const seen: string[] = [];
    const ordered = [...routes.filter((r) => !r.includes(':')), ...routes.filter((r) => r.includes(':'))];
    process.stdout.write(`\n每个页面（管理员 admin，首次打开；目标 ≤ ${ANY_PAGE_GOAL_BYTES / 1000} KB）：\n`);
    for (const route of ordered) {
      const pattern = routePattern(route);
      // A community's code seen in any link stands in for `:code`; other parameters need a link to the route.
      const sampleCode = listedCode ?? seen.map((href) => /\/(\d{12})(?:\/|$)/.exec(href)?.[1]).find(Boolean);
      const byCode = sampleCode ? `/${route.replace(':code', sampleCode)}` : undefined;
      const recordId = recordIds[route];
      const path = !route.includes(':')
        ? `/${route}`
        : recordId
          ? `/${route.replace(':id', encodeURIComponent(recordId))}`
          : byCode && !byCode.includes(':')
            ? byCode
            : seen.find((href) => pattern.test(href) && !routes.includes(href.slice(1)));
      if (!path) {
        process.stdout.write(`/${route}：页面上没有找到指向它的链接，未测量\n`);
        continue;
      }
      const context = await browser.newContext({ locale: 'zh-CN' });
      await context.addCookies(adminCookies);
      const measured = await coldTransfer(context, `${server.url}${path}`, pageShown);
      await context.close();
      for (const href of measured.links) {
        const local = href.startsWith('/') ? href.split(/[?#]/)[0] : undefined;
        if (local && !seen.includes(local)) seen.push(local);
      }
      const shown = measured.landedOn === path ? path : `${path} → ${measured.landedOn}`;
      if (!report(shown, measured, ANY_PAGE_GOAL_BYTES)) unmet.push(path);
    }
    process.stdout.write(unmet.length === 0 ? '\n全部页面达标\n' : `\n未达标：${unmet.join('、')}\n`);
    // A page over its goal fails the run (exit code 1), so a script or CI job can stop on it.
    if (unmet.length > 0) process.exitCode = 1;
  } finally {
    await browser.close();
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
    await rm(scratch, { recursive: true, force: true });
  }
}
