/**
 * Service windows, the categories of what residents ask for, and the service commitments.
 *
 * Ezhou 第二十五条（二） names four windows and what each receives; that is the default for Ezhou
 * (division codes under 4207). Elsewhere the 2013 regulation 第二十七条 asks only for a concentrated
 * service window, so the default is one window receiving everything; a jurisdiction's administrators
 * may configure their own (`windowSetup`), each category routed to exactly one window.
 */
import { boundedInt, safeText } from '@shequ/domain';
import { z } from 'zod';
import type { ServiceCategory } from './labels.js';
import { serviceCategories, serviceCategoryLabels } from './labels.js';

export type { ServiceCategory } from './labels.js';
export { serviceCategories, serviceCategoryLabels } from './labels.js';

export const serviceWindow = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, { error: '窗口代码应为小写字母、数字和连字符' }),
  name: safeText('窗口名称', 30),
  categories: z.array(z.enum(serviceCategories, { error: '没有这个服务类别' })).min(1, {
    error: '每个窗口至少受理一个类别',
  }),
});
export type ServiceWindow = z.infer<typeof serviceWindow>;

/** Ezhou 第二十五条（二）, category by category as the article lists them. */
export const EZHOU_WINDOWS: readonly ServiceWindow[] = [
  { key: 'party-order', name: '党建与综治', categories: ['party', 'public-order'] },
  {
    key: 'livelihood',
    name: '民生与保障',
    categories: ['employment-social-security', 'assistance-welfare', 'health-disability'],
  },
  {
    key: 'affairs-customs',
    name: '事务与民俗',
    categories: ['education-culture', 'marriage-funeral', 'property-environment'],
  },
  { key: 'agency-other', name: '代办与其他', categories: ['agency', 'complaint', 'other'] },
];

export const ONE_WINDOW: readonly ServiceWindow[] = [
  { key: 'one-stop', name: '集中办事服务窗口', categories: [...serviceCategories] },
];

/** Ezhou's division code prefix (鄂州市 420700). */
const EZHOU_PREFIX = '4207';

/** The windows a community uses when its jurisdiction configured none. */
export function defaultWindows(code: string): readonly ServiceWindow[] {
  return code.startsWith(EZHOU_PREFIX) ? EZHOU_WINDOWS : ONE_WINDOW;
}

/** A jurisdiction's windows: every category routed to exactly one window, keys unique. */
export const windowSetup = z.array(serviceWindow).superRefine((windows, ctx) => {
  const keys = new Set<string>();
  const routed = new Map<ServiceCategory, number>();
  windows.forEach((w, i) => {
    if (keys.has(w.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: '窗口代码重复' });
    keys.add(w.key);
    for (const c of w.categories) {
      if (routed.has(c))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'categories'],
          message: `类别「${serviceCategoryLabels[c]}」已由其他窗口受理`,
        });
      routed.set(c, i);
    }
  });
  const unrouted = serviceCategories.filter((c) => !routed.has(c));
  if (unrouted.length > 0)
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: `以下类别没有窗口受理：${unrouted.map((c) => serviceCategoryLabels[c]).join('、')}`,
    });
});

/** The window that receives a category. */
export function windowFor(windows: readonly ServiceWindow[], category: ServiceCategory): ServiceWindow {
  const found = windows.find((w) => w.categories.includes(category));
  if (!found) throw new Error(`no window receives ${category}`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Service commitments (服务承诺: Ezhou 第二十五条（三） — the promised time)
// ---------------------------------------------------------------------------------------------

/**
 * How a commitment's days are counted. Ezhou 第二十五条（三） requires a committed time but not its
 * unit; this system reads 「日」 as calendar days (`calendar`). A jurisdiction that commits working
 * days chooses `working`: Monday to Friday (public holidays are not known here and count as days).
 */
export const dayCounts = ['calendar', 'working'] as const;
export type DayCount = (typeof dayCounts)[number];

export const commitment = z.strictObject({
  category: z.enum(serviceCategories),
  days: boundedInt({ min: 0, max: 90, message: '承诺时限应为 0 到 90 天' }),
});

/**
 * The promised days per category when the jurisdiction set none (本系统规则 R-SVC-1): a certificate or
 * a question the same day, complaints 15 days (the time an outcome is told in), agency 10 days, the
 * rest 5 days. A priority resident's case (Ezhou 第二十五条（四）: 优先办理) is promised in half the
 * time, rounded down.
 */
export const DEFAULT_COMMITMENT_DAYS: Record<ServiceCategory, number> = {
  party: 5,
  'public-order': 5,
  'employment-social-security': 5,
  'assistance-welfare': 5,
  'health-disability': 5,
  'education-culture': 5,
  'marriage-funeral': 3,
  'property-environment': 5,
  agency: 10,
  complaint: 15,
  other: 5,
};

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The date by which a case received on `receivedOn` is promised. */
export function promisedOn(receivedOn: string, days: number, count: DayCount = 'calendar'): string {
  if (count === 'calendar') return addDays(receivedOn, days);
  let date = receivedOn;
  let left = days;
  while (left > 0) {
    date = addDays(date, 1);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return date;
}

export function commitmentDays(
  category: ServiceCategory,
  priority: boolean,
  configured: readonly { category: ServiceCategory; days: number }[] = [],
): number {
  const days = configured.find((c) => c.category === category)?.days ?? DEFAULT_COMMITMENT_DAYS[category];
  return priority ? Math.floor(days / 2) : days;
}

/**
 * The windows a community uses: its own configuration, else the nearest configured jurisdiction above
 * it (street, district, city, province), else the default. `configured` is keyed by jurisdiction code.
 */
export function windowsFor(
  code: string,
  configured: ReadonlyMap<string, readonly ServiceWindow[]>,
): { windows: readonly ServiceWindow[]; from: string | null } {
  // Community 12 digits, street 9, then district, city, province 6 (zero-padded).
  const ancestors = [
    code,
    code.slice(0, 9),
    `${code.slice(0, 6)}`,
    `${code.slice(0, 4)}00`,
    `${code.slice(0, 2)}0000`,
  ];
  for (const node of ancestors) {
    const found = configured.get(node);
    if (found) return { windows: found, from: node };
  }
  return { windows: defaultWindows(code), from: null };
}

/** Who configures a jurisdiction's windows: its administrators (street and above), not community workers. */
export function mayConfigureWindows(role: string): boolean {
  return ['streetAdmin', 'districtAdmin', 'cityAdmin', 'provinceAdmin', 'systemAdmin'].includes(role);
}
