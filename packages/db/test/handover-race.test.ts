/**
 * A departure handover at its last moment: the supervisor's final confirmation and a problem recorded
 * on the list at the same time. Exactly one stands — never a completed handover whose list changed
 * after the three signed. Runs on PGlite, and on real PostgreSQL when DATABASE_URL is set
 * (`pnpm test:db`), where the two transactions really overlap.
 */
import { TransitionRefused } from '@shequ/archives';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  ArchiveError,
  confirmHandover,
  handoverItems,
  handovers,
  recordHandoverProblem,
} from '../src/index.js';
import { openHandoverFromZhaoToSun, seededDemoForThisFile } from './seeded-demo.js';

const demo = seededDemoForThisFile();

describe('the last moment of a handover', () => {
  it('a problem recorded as the supervisor confirms: exactly one stands', async () => {
    // 赵敏, who took over in the demo, now hands everything on to 孙立 under 刘伟.
    const opened = await openHandoverFromZhaoToSun(demo);
    const handoverId = opened.row.id;
    for (const item of opened.items) {
      await recordHandoverProblem(demo.database.db, demo.as('sun'), {
        handoverId,
        itemId: item.id,
        condition: 'intact',
      });
    }
    await confirmHandover(demo.database.db, demo.as('zhao'), { handoverId, role: 'leaver' });
    await confirmHandover(demo.database.db, demo.as('sun'), { handoverId, role: 'successor' });
    const damaged = opened.items.find((item) => item.kind === 'archive');
    expect(damaged).toBeDefined();

    const [confirmation, problem] = await Promise.allSettled([
      confirmHandover(demo.database.db, demo.as('liu'), { handoverId, role: 'supervisor' }),
      recordHandoverProblem(demo.database.db, demo.as('sun'), {
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

    const [row] = await demo.database.db.select().from(handovers).where(eq(handovers.id, handoverId));
    const [item] = await demo.database.db
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
