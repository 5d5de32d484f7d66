/**
 * An item on an open departure handover list is not destroyed while the three are checking it: the
 * destruction waits for the handover, which otherwise could never complete.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ActingAs,
  ArchiveError,
  appraiseForDestruction,
  confirmHandover,
  createArchiveItem,
  createHandover,
  type DatabaseHandle,
  demoArchivesPeople,
  destroyArchiveItem,
  handovers,
  recordHandoverProblem,
  seedArchivesDemo,
  users,
  XIANGSHAN,
} from '../src/index.js';
import { createTestDatabase, insertTestCommunity } from '../src/testing.js';

let database: DatabaseHandle;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  await insertTestCommunity(database, { code: XIANGSHAN, name: '象山社区居委会' });
  await seedArchivesDemo(database);
  const rows = await database.db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(
      inArray(
        users.username,
        Object.values(demoArchivesPeople).map((person) => person.username),
      ),
    );
  for (const [key, person] of Object.entries(demoArchivesPeople)) {
    ids[key] = rows.find((row) => row.username === person.username)?.id as string;
  }
}, 60_000);
afterAll(() => database.close());

const as = (who: keyof typeof demoArchivesPeople): ActingAs => ({
  actor: { id: ids[who] as string, username: demoArchivesPeople[who].username },
  now: new Date(),
});

describe('destroying an item during its handover', () => {
  it('is refused while the list is open, and done by the successor after it completes', async () => {
    const expired = await createArchiveItem(database.db, as('zhao'), {
      communityCode: XIANGSHAN,
      fonds: 'X007',
      category: 'WS',
      issuer: '象山社区居民委员会',
      title: '2013年社区工作简报',
      date: '2013-03-01',
      medium: 'paper',
      contentGroup: 'information',
      retention: 'years10',
      custodianId: ids.zhao as string,
      location: { room: '档案室' },
    });
    await appraiseForDestruction(database.db, as('zhao'), {
      itemId: expired.id,
      decisionNumber: '象档鉴〔2026〕5号',
      decidedOn: new Date().toISOString().slice(0, 10),
      opinion: '保管期满，无继续保存价值',
      approvedBy: [ids.wang as string],
    });
    const opened = await createHandover(database.db, as('zhao'), {
      communityCode: XIANGSHAN,
      leaverId: ids.zhao as string,
      successorId: ids.sun as string,
      supervisorId: ids.liu as string,
      supervisorBody: 'town-discipline-committee',
      dueOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      financeRecords: [],
    });
    expect(opened.items.map((item) => item.refId)).toContain(expired.id);

    const refused = destroyArchiveItem(database.db, as('zhao'), {
      itemId: expired.id,
      method: '碎纸机粉碎',
    });
    await expect(refused).rejects.toBeInstanceOf(ArchiveError);
    await expect(refused).rejects.toThrow(/离任移交清单/);

    const handoverId = opened.row.id;
    for (const item of opened.items) {
      await recordHandoverProblem(database.db, as('sun'), {
        handoverId,
        itemId: item.id,
        condition: 'intact',
      });
    }
    await confirmHandover(database.db, as('zhao'), { handoverId, role: 'leaver' });
    await confirmHandover(database.db, as('sun'), { handoverId, role: 'successor' });
    await confirmHandover(database.db, as('liu'), { handoverId, role: 'supervisor' });
    const [row] = await database.db.select().from(handovers).where(eq(handovers.id, handoverId));
    expect(row?.state).toBe('completed');
    // The successor now keeps it and carries out the decision.
    await destroyArchiveItem(database.db, as('sun'), { itemId: expired.id, method: '碎纸机粉碎' });
  });
});
