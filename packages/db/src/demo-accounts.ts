/**
 * The demo's street and district administrators: one for 梅园新村街道 (320102002, Nanjing, the street
 * of 大行宫社区), one for its district 玄武区 (320102), one for 金山镇 (370305111, the town of
 * 象山社区) and one for its district 临淄区 (370305), so that a person trying the console can see a
 * street's and a district's workbench, and each street's requests have a district to decide them.
 *
 * Like the archive demo's people they cannot sign in until an administrator resets their password
 * (their hash is a placeholder no password matches), unless the caller passes `demoPasswordHash`:
 * the API does so only when started with SHEQU_DEMO_PASSWORD set, for the browser tests.
 */
import type { AppRole } from '@shequ/domain';
import { inArray } from 'drizzle-orm';
import type { DatabaseHandle } from './client.js';
import { jurisdictions, users } from './schema.js';

/** No argon2 hash has this form, so no password signs a demo account in until an administrator resets one. */
export const DEMO_LOCKED_PASSWORD = '!demo-account: ask an administrator to reset the password';

interface DemoAdministrator {
  username: string;
  displayName: string;
  role: Extract<AppRole, 'streetAdmin' | 'districtAdmin'>;
  jurisdictionCode: string;
}

export const demoAdministrators = {
  meiyuan: {
    username: 'my-zhoujing',
    displayName: '周静（梅园新村街道社区管理科）',
    role: 'streetAdmin',
    jurisdictionCode: '320102002',
  },
  xuanwu: {
    username: 'xw-hejun',
    displayName: '何军（玄武区社区治理科）',
    role: 'districtAdmin',
    jurisdictionCode: '320102',
  },
  jinshan: {
    username: 'js-mafang',
    displayName: '马芳（金山镇社会事务办）',
    role: 'streetAdmin',
    jurisdictionCode: '370305111',
  },
  linzi: {
    username: 'lz-gaoyan',
    displayName: '高岩（临淄区民政局基层政权科）',
    role: 'districtAdmin',
    jurisdictionCode: '370305',
  },
} as const satisfies Record<string, DemoAdministrator>;

export interface DemoAccountsOptions {
  /**
   * An argon2 hash (the API's `hashPassword`) the demo accounts sign in with instead of the locked
   * placeholder, without a forced password change. For test servers only; never set in production.
   */
  demoPasswordHash?: string | undefined;
}

/**
 * Adds the demo administrators whose jurisdiction has been imported; accounts that exist (by username)
 * are left alone, so a second run adds nothing. Returns the usernames added.
 */
export async function seedDemoAdministrators(
  handle: DatabaseHandle,
  options: DemoAccountsOptions = {},
): Promise<string[]> {
  const people: DemoAdministrator[] = Object.values(demoAdministrators);
  const present = new Set(
    (
      await handle.db
        .select({ code: jurisdictions.code })
        .from(jurisdictions)
        .where(
          inArray(
            jurisdictions.code,
            people.map((p) => p.jurisdictionCode),
          ),
        )
    ).map((row) => row.code),
  );
  const rows = people.filter((p) => present.has(p.jurisdictionCode));
  if (rows.length === 0) return [];
  const added = await handle.db
    .insert(users)
    .values(
      rows.map((p) => ({
        ...p,
        passwordHash: options.demoPasswordHash ?? DEMO_LOCKED_PASSWORD,
        mustChangePassword: options.demoPasswordHash === undefined,
        createdAt: new Date('2026-01-04T08:00:00+08:00'),
      })),
    )
    .onConflictDoNothing()
    .returning({ username: users.username });
  return added.map((row) => row.username);
}
