/**
 * Every route of the console on a phone (390×844), walked as one person: a page that scrolls sideways
 * (the document wider than the screen) fails the walk, and each page is photographed as
 * `phone-<person>-<route>.png` for a person to look at. The routes come from the console's own
 * registry, so a new page cannot be left out. The walks are split over several files, each with its
 * own server, so that they run beside each other.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launchBrowser, screenshot } from './browser.js';
import { demoAccountPassword, type RunningServer, repoRoot, startServer } from './server.js';

export const phone = { width: 390, height: 844 };
export const xiangshan = '370305111007';
export const jinshanTown = '370305111';
/** A walk visits every route: minutes on a busy machine, not the seconds of one step. */
export const walkTimeout = 300_000;

/** The kinds of record whose pages take an `:id` (the route's first segment). */
export type RecordKind = 'archives' | 'assessment' | 'people' | 'services';

/** The route paths the console registers (apps/admin/src/pages/registry.tsx), read from its source. */
async function registeredRoutes(): Promise<string[]> {
  const source = await readFile(join(repoRoot, 'apps/admin/src/pages/registry.tsx'), 'utf8');
  return [...source.matchAll(/\bpath: '([^']+)'/g)].map((match) => match[1] as string);
}

/**
 * How far the page reaches past the right edge of the phone's screen, in CSS pixels (0 when it fits).
 * Measured against the screen's width, not `innerWidth`: a phone browser widens its layout viewport
 * to fit a page that is too wide (and zooms out), so `innerWidth` grows with the overflow.
 */
function sidewaysOverflow(page: Page): Promise<number> {
  // A string, evaluated in the page: this package's types describe Node, not the browser.
  return page.evaluate<number>(
    `Math.max(document.documentElement.scrollWidth, window.innerWidth) - ${phone.width}`,
  );
}

/** Requests the page has sent and not yet seen answered, for `settled`. */
function trackRequests(page: Page): () => number {
  let inFlight = 0;
  page.on('request', () => {
    inFlight++;
  });
  const done = () => {
    inFlight = Math.max(0, inFlight - 1);
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return () => inFlight;
}

/**
 * Waits until the page's data has arrived: no request in flight for a quarter of a second (a route's
 * chunk arrives first, then its queries start) and no spinner turning.
 */
async function settled(page: Page, inFlight: () => number): Promise<void> {
  let quietSince = Date.now();
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (inFlight() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 250) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}

/**
 * A server, a browser and the registered routes for one file's walks; pages on a phone-sized screen.
 * `handoverId` fills the handover route's `:id` once a walk has looked it up.
 */
export function phoneWalkSuite() {
  const suite = {
    server: undefined as unknown as RunningServer,
    /** Record ids for the routes' `:id`, by the route's first segment (`archives`, `assessment`, …). */
    ids: {} as Record<string, string>,
    phonePage,
    walk,
    signInAsDemoPerson,
    lookUpRecords,
  };
  let browser: Browser;
  let routes: string[];
  const contexts: BrowserContext[] = [];
  const inFlightOf = new WeakMap<Page, () => number>();

  beforeAll(async () => {
    [suite.server, browser, routes] = await Promise.all([startServer(), launchBrowser(), registeredRoutes()]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await suite.server?.stop();
  });

  async function phonePage(): Promise<Page> {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: phone,
      isMobile: true,
      hasTouch: true,
      // Charts drawn at once, not growing: a screenshot shows the figures the page shows.
      reducedMotion: 'reduce',
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    inFlightOf.set(page, trackRequests(page));
    return page;
  }

  /**
   * The address of a registered route, its parameters filled with the demo's 象山 and a record of the
   * route's kind (a handover, an assessment scheme, a worker, a case) where one was looked up.
   */
  function addressOf(route: string): string {
    const id = suite.ids[route.split('/')[0] ?? ''] ?? 'none';
    return `/${route.replace(':code', xiangshan).replace(':id', id)}`;
  }

  /**
   * Visits every route the way a person moves through the console, inside the running app (the
   * browser's history, as the menu does), photographs it, and returns those that scroll sideways.
   */
  async function walk(page: Page, person: string): Promise<string[]> {
    const inFlight = inFlightOf.get(page) ?? (() => 0);
    const overflowing: string[] = [];
    for (const route of routes) {
      const address = addressOf(route);
      await page.evaluate(
        `window.history.pushState(null, '', ${JSON.stringify(address)}); window.dispatchEvent(new PopStateEvent('popstate'))`,
      );
      await settled(page, inFlight);
      const name = route === '*' ? 'not-found' : route.replaceAll('/', '_').replaceAll(':', '');
      await screenshot(page, `phone-${person}-${name}`);
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) overflowing.push(`${route}（宽出 ${overflow}px）`);
    }
    return overflowing;
  }

  /** Signs a demo person in from the sign-in form; the console opens on the workbench, never a refusal. */
  async function signInAsDemoPerson(page: Page, username: string): Promise<void> {
    await page.goto(`${suite.server.url}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(demoAccountPassword);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/workbench$/);
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    await expect(page.locator('.ant-result-403').count()).resolves.toBe(0);
  }

  /**
   * Records for the routes with an `:id`, read with the signed-in person's session (each list as the
   * console's own pages call it): 象山's handover, the first assessment scheme, 象山's first worker and
   * its first service case. A person who may not see a kind walks its page with an id that names
   * nothing, and sees the refusal; `expected` names the kinds this person must find.
   */
  async function lookUpRecords(page: Page, expected: readonly RecordKind[]): Promise<void> {
    const found = await page.evaluate(async (community) => {
      const first = async (path: string, input: unknown): Promise<string> => {
        const query = encodeURIComponent(JSON.stringify(input));
        const answer = (await (await fetch(`/trpc/${path}?input=${query}`)).json()) as {
          result?: { data: { id: string }[] | { items: { id: string }[] } };
        };
        const data = answer.result?.data;
        const rows = data === undefined ? [] : Array.isArray(data) ? data : data.items;
        return rows[0]?.id ?? '';
      };
      return {
        archives: await first('handovers.list', { community }),
        assessment: await first('assessment.schemes', {}),
        people: await first('people.roster', { under: community }),
        services: await first('services.cases', { under: community, includeClosed: true }),
      };
    }, xiangshan);
    expect(expected.filter((kind) => found[kind] === '')).toEqual([]);
    const ids: Record<string, string> = {};
    for (const [kind, id] of Object.entries(found)) if (id !== '') ids[kind] = id;
    suite.ids = ids;
  }

  return suite;
}

/**
 * One file's walks as demo people, who sign in with the test servers' demo password, in order; the
 * first to list `lookUp` looks the records up for the others (one who may see them all goes first).
 */
export function walkAsDemoPeople(
  title: string,
  people: readonly { username: string; who: string; lookUp?: readonly RecordKind[] }[],
): void {
  describeInBrowser(title, () => {
    const suite = phoneWalkSuite();
    for (const person of people) {
      it(
        `${person.username}: no page scrolls sideways`,
        async () => {
          const page = await suite.phonePage();
          await suite.signInAsDemoPerson(page, person.username);
          if (person.lookUp) await suite.lookUpRecords(page, person.lookUp);
          expect(await suite.walk(page, person.who)).toEqual([]);
        },
        walkTimeout,
      );
    }
  });
}
