import { and, eq, inArray, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  auditLog,
  demoAdministrators,
  importDivisions,
  seedDemoAdministrators,
  unlockArchivesDemoAccounts,
  users,
} from '../src/index.js';
import { createTestDatabase } from '../src/testing.js';
import { testDatabaseForTheseTests } from './test-database.js';

describe('the demo street and district administrators', () => {
  const database = testDatabaseForTheseTests(async (database) => {
    // 梅园新村街道 with its ancestors (玄武区, 南京市), but not 金山镇.
    await importDivisions(database, { prefixes: ['320102002'] });
  });

  const accounts = () =>
    database.db
      .select({
        username: users.username,
        role: users.role,
        jurisdictionCode: users.jurisdictionCode,
        hash: users.passwordHash,
        mustChange: users.mustChangePassword,
      })
      .from(users)
      .where(
        inArray(
          users.username,
          Object.values(demoAdministrators).map((p) => p.username),
        ),
      )
      .orderBy(users.username);

  it('adds the administrators of the jurisdictions loaded, locked, once', async () => {
    expect((await seedDemoAdministrators(database)).sort()).toEqual(['my-zhoujing', 'xw-hejun']);
    expect(await seedDemoAdministrators(database)).toEqual([]);
    expect(await accounts()).toEqual([
      {
        username: 'my-zhoujing',
        role: 'streetAdmin',
        jurisdictionCode: '320102002',
        hash: expect.stringMatching(/^!/),
        mustChange: true,
      },
      {
        username: 'xw-hejun',
        role: 'districtAdmin',
        jurisdictionCode: '320102',
        hash: expect.stringMatching(/^!/),
        mustChange: true,
      },
    ]);
  });

  it('is unlocked by the demo password of a test server, with an audit record each', async () => {
    expect((await unlockArchivesDemoAccounts(database, '$argon2id$demo-hash')).sort()).toEqual([
      'my-zhoujing',
      'xw-hejun',
    ]);
    expect((await accounts()).every((a) => a.hash === '$argon2id$demo-hash' && !a.mustChange)).toBe(true);
    const audited = await database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.resetPassword'), isNull(auditLog.actorId)));
    expect(audited).toHaveLength(2);
  });

  it('gives a test server’s accounts the demo password hash at once', async () => {
    const other = await createTestDatabase();
    try {
      await importDivisions(other, { prefixes: ['370305111'] });
      // The town's district comes with it, so its administrator is added too.
      expect(await seedDemoAdministrators(other, { demoPasswordHash: '$argon2id$demo-hash' })).toEqual([
        'js-mafang',
        'lz-gaoyan',
      ]);
      const [row] = await other.db
        .select({ hash: users.passwordHash, mustChange: users.mustChangePassword, role: users.role })
        .from(users)
        .where(eq(users.username, 'js-mafang'));
      expect(row).toEqual({ hash: '$argon2id$demo-hash', mustChange: false, role: 'streetAdmin' });
    } finally {
      await other.close();
    }
  }, 120_000);
});
