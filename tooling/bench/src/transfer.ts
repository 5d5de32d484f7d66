/**
 * What a browser downloads to open the console: the sign-in page and the workbench (工作台), each
 * loaded cold (an empty cache) from the real server, counted as the bytes that crossed the network
 * (headers and bodies, compressed as sent). Goal: each ≤ 250 KB. Needs the console built
 * (`pnpm --filter @shequ/admin build`) and Chromium (CHROMIUM_PATH, default /usr/bin/chromium);
 * without either the topic says so and measures nothing.
 *
 * SHEQU_BENCH_TRANSFER_DETAIL=1 lists every response with its size.
 *
 * The server runs as in the browser tests: its own temporary database with the demo data, the demo
 * people's password set (SHEQU_DEMO_PASSWORD), so 象山's custodian can sign in.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const adminDist = join(repoRoot, 'apps/admin/dist');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const demoPassword = 'Bench-Demo-People-2026!';
/** The goal of each page, in bytes (1 KB = 1,000 bytes). */
const GOAL_BYTES = 250_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
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
        SHEQU_ADMIN_PASSWORD: 'Bench-Admin-2026!',
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

/** Loads `path` in a page of `context` and returns the bytes of every response it needed. */
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
  await page.close();
  return { bytes, requests: sizes.length };
}

function report(name: string, measured: { bytes: number; requests: number }): void {
  const verdict = measured.bytes <= GOAL_BYTES ? '达标' : '超出目标';
  process.stdout.write(
    `${name}：${(measured.bytes / 1000).toFixed(1)} KB，${measured.requests} 个请求` +
      `（目标 ≤ ${GOAL_BYTES / 1000} KB，${verdict}）\n`,
  );
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
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
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
  try {
    const visitor = await browser.newContext({ locale: 'zh-CN' });
    report(
      '登录页（首次打开）',
      await coldTransfer(visitor, `${server.url}/login`, (page) =>
        page.getByRole('button', { name: '登录' }).waitFor(),
      ),
    );
    // Signs in, then opens the workbench in a fresh context holding only the session cookie: a cold cache.
    const signIn = await visitor.newPage();
    await signIn.goto(`${server.url}/login`);
    await signIn.getByLabel('用户名').fill('xs-zhaomin');
    await signIn.getByLabel('密码').fill(demoPassword);
    await signIn.getByRole('button', { name: '登录' }).click();
    await signIn.waitForURL(/\/workbench$/);
    const cookies = await visitor.cookies();
    const signedIn = await browser.newContext({ locale: 'zh-CN' });
    await signedIn.addCookies(cookies);
    report(
      '工作台（已登录，首次打开）',
      await coldTransfer(signedIn, `${server.url}/workbench`, (page) =>
        page.getByRole('heading', { name: '工作台', exact: true }).waitFor(),
      ),
    );
  } finally {
    await browser.close();
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
    await rm(scratch, { recursive: true, force: true });
  }
}
