/**
 * An item on an open departure handover list is not destroyed while the three are checking it: the
 * destruction waits for the handover, which otherwise could never complete.
 */
import { TransitionRefused } from '@shequ/archives';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  appraiseForDestruction,
  confirmHandover,
  createArchiveItem,
  destroyArchiveItem,
  handovers,
  recordHandoverProblem,
  XIANGSHAN,
} from '../src/index.js';
import { openHandoverFromZhaoToSun, seededDemoForThisFile } from './seeded-demo.js';

const demo = seededDemoForThisFile();

describe('destroying an item during its handover', () => {
  it('is refused while the list is open, and done by the successor after it completes', async () => {
    const expired = await createArchiveItem(demo.database.db, demo.as('zhao'), {
      communityCode: XIANGSHAN,
      fonds: 'X007',
      category: 'WS',
      issuer: '象山社区居民委员会',
      title: '2013年社区工作简报',
      date: '2013-03-01',
      medium: 'paper',
      contentGroup: 'information',
      retention: 'years10',
      custodianId: demo.id('zhao'),
      location: { room: '档案室' },
    });
    await appraiseForDestruction(demo.database.db, demo.as('zhao'), {
      itemId: expired.id,
      decisionNumber: '象档鉴〔2026〕5号',
      decidedOn: new Date().toISOString().slice(0, 10),
      opinion: '保管期满，无继续保存价值',
      approvedBy: [demo.id('wang')],
    });
    const opened = await openHandoverFromZhaoToSun(demo);
    expect(opened.items.map((item) => item.refId)).toContain(expired.id);

    const refused = destroyArchiveItem(demo.database.db, demo.as('zhao'), {
      itemId: expired.id,
      method: '碎纸机粉碎',
    });
    await expect(refused).rejects.toBeInstanceOf(TransitionRefused);
    await expect(refused).rejects.toThrow(/离任移交清单/);

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
    await confirmHandover(demo.database.db, demo.as('liu'), { handoverId, role: 'supervisor' });
    const [row] = await demo.database.db.select().from(handovers).where(eq(handovers.id, handoverId));
    expect(row?.state).toBe('completed');
    // The successor now keeps it and carries out the decision.
    await destroyArchiveItem(demo.database.db, demo.as('sun'), { itemId: expired.id, method: '碎纸机粉碎' });
  });
});
