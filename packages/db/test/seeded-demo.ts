/**
 * 象山社区居委会 with the demo's archive history, for tests that start where the demo leaves off: 赵敏
 * keeps what 李桂兰 handed over, 刘伟 of the town supervises. Its people come as ids and as actors.
 */
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import {
  type ActingAs,
  createHandover,
  type DatabaseHandle,
  demoArchivesPeople,
  seedArchivesDemo,
  users,
  XIANGSHAN,
} from '../src/index.js';
import { createTestDatabase, insertTestCommunity } from '../src/testing.js';

export type DemoPerson = keyof typeof demoArchivesPeople;

export interface SeededDemo {
  database: DatabaseHandle;
  id: (who: DemoPerson) => string;
  as: (who: DemoPerson) => ActingAs;
}

/** A test database holding 象山社区居委会 and the demo's archive history. */
export async function seededArchivesDatabase(): Promise<DatabaseHandle> {
  const database = await createTestDatabase();
  await insertTestCommunity(database, { code: XIANGSHAN, name: '象山社区居委会' });
  await seedArchivesDemo(database);
  return database;
}

export async function seededDemo(): Promise<SeededDemo> {
  const database = await seededArchivesDatabase();
  const rows = await database.db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(
      inArray(
        users.username,
        Object.values(demoArchivesPeople).map((person) => person.username),
      ),
    );
  const id = (who: DemoPerson) => {
    const row = rows.find((candidate) => candidate.username === demoArchivesPeople[who].username);
    if (!row) throw new Error(`演示账号 ${demoArchivesPeople[who].username} 不存在`);
    return row.id;
  };
  return {
    database,
    id,
    as: (who) => ({
      actor: { id: id(who), username: demoArchivesPeople[who].username },
      ip: null,
      at: new Date(),
    }),
  };
}

/**
 * The seeded demo of one test file: set up before its tests, closed after them. Read its members inside
 * a test or hook, once the set-up has run.
 */
export function seededDemoForThisFile(): SeededDemo {
  let demo: SeededDemo | undefined;
  beforeAll(async () => {
    demo = await seededDemo();
  }, 60_000);
  afterAll(() => demo?.database.close());
  const current = (): SeededDemo => {
    if (!demo) throw new Error('the seeded demo is read before its set-up has run');
    return demo;
  };
  return {
    get database() {
      return current().database;
    },
    id: (who) => current().id(who),
    as: (who) => current().as(who),
  };
}

/** 赵敏 hands everything she keeps on to 孙立 under 刘伟, due in a week. */
export function openHandoverFromZhaoToSun({ database, id, as }: SeededDemo) {
  return createHandover(database.db, as('zhao'), {
    communityCode: XIANGSHAN,
    leaverId: id('zhao'),
    successorId: id('sun'),
    supervisorId: id('liu'),
    supervisorBody: 'town-discipline-committee',
    dueOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
    financeRecords: [],
  });
}
