/**
 * A departure handover at its last moment: the supervisor's final confirmation and a problem recorded
 * on the list at the same time. Exactly one stands — never a completed handover whose list changed
 * after the three signed. Runs on PGlite, and on real PostgreSQL when DATABASE_URL is set
 * (`pnpm test:db`), where the two transactions really overlap.
 */
import { TransitionRefused } from '@shequ/archives';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ActingAs,
  ArchiveError,
  confirmHandover,
  createHandover,
  type DatabaseHandle,
  demoArchivesPeople,
  handoverItems,
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

describe('the last moment of a handover', () => {
  it('a problem recorded as the supervisor confirms: exactly one stands', async () => {
    // 赵敏, who took over in the demo, now hands everything on to 孙立 under 刘伟.
    const opened = await createHandover(database.db, as('zhao'), {
      communityCode: XIANGSHAN,
      leaverId: ids.zhao as string,
      successorId: ids.sun as string,
      supervisorId: ids.liu as string,
      supervisorBody: 'town-discipline-committee',
      dueOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      financeRecords: [],
    });
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
    const damaged = opened.items.find((item) => item.kind === 'archive');
    expect(damaged).toBeDefined();

    const [confirmation, problem] = await Promise.allSettled([
      confirmHandover(database.db, as('liu'), { handoverId, role: 'supervisor' }),
      recordHandoverProblem(database.db, as('sun'), {
        handoverId,
        itemId: damaged?.id as string,
        condition: 'damaged',
        note: '封面水渍',
      }),
    ]);
    expect([confirmation?.status, problem?.status].sort()).toEqual(['fulfilled', 'rejected']);
    // The loser is told: the list was settled already, or its confirmations were cleared meanwhile.
    const loser = confirmation?.status === 'rejected' ? confirmation : problem;
    const reason: unknown = loser?.status === 'rejected' ? loser.reason : undefined;
    expect(reason instanceof ArchiveError || reason instanceof TransitionRefused).toBe(true);

    const [row] = await database.db.select().from(handovers).where(eq(handovers.id, handoverId));
    const [item] = await database.db
      .select()
      .from(handoverItems)
      .where(eq(handoverItems.id, damaged?.id as string));
    if (confirmation?.status === 'fulfilled') {
      // Completed as the three signed it: the item stays as it was when they did.
      expect(row?.state).toBe('completed');
      expect(item?.condition).toBe('intact');
    } else {
      // The problem stands, and the two earlier confirmations are cleared for the corrected list.
      expect(row?.state).toBe('open');
      expect(item?.condition).toBe('damaged');
      expect(row?.leaverConfirmedOn).toBeNull();
    }
  });
});
