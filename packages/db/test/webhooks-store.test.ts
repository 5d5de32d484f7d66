/**
 * The webhook outbox as `notify` fills it (本系统规则 R-HOOK-1): nothing queued where no endpoint is
 * set, the nearest configured jurisdiction wins, and the outbox row is rolled back with its notice.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/client.js';
import { notify } from '../src/notices-store.js';
import { jurisdictions } from '../src/schema.js';
import { notices } from '../src/schema-notices.js';
import { webhookOutbox } from '../src/schema-webhooks.js';
import { createTestDatabase } from '../src/testing.js';
import { setWebhook } from '../src/webhooks-store.js';

const COMMUNITY = '370305111007';
const STREET = '370305111';
const CITY = '370300';
const at = new Date('2026-03-02T02:00:00Z');
const acting = { actor: { id: randomUUID(), username: 'admin' }, ip: null, at };
let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.insert(jurisdictions).values([
    {
      code: CITY,
      name: '淄博市',
      level: 'city',
      parentCode: '370000',
      provinceCode: '370000',
      cityCode: CITY,
    },
    {
      code: STREET,
      name: '金山镇',
      level: 'street',
      parentCode: '370305',
      provinceCode: '370000',
      cityCode: CITY,
      districtCode: '370305',
      streetCode: STREET,
    },
  ]);
});
afterAll(() => database?.close());

function noticeIn(jurisdictionCode: string) {
  return {
    recipientId: randomUUID(),
    kind: 'seal.approve' as const,
    title: '用印申请待您审批',
    link: '/workbench',
    jurisdictionCode,
    entityType: 'sealRequest',
    entityId: randomUUID(),
  };
}

const queued = async () =>
  (await database.db.select().from(webhookOutbox).orderBy(webhookOutbox.id)).map((row) => ({
    webhookCode: row.webhookCode,
    jurisdictionCode: (row.payload as { jurisdictionCode: string }).jurisdictionCode,
  }));

describe('the webhook outbox', () => {
  it('sets an endpoint only for a stored jurisdiction', async () => {
    expect(
      await setWebhook(database.db, acting, {
        jurisdictionCode: '370305111999',
        url: 'https://x.example.cn/h',
        newSecret: false,
      }),
    ).toBeUndefined();
  });

  it('queues a notice for the nearest configured jurisdiction only, in the notice transaction', async () => {
    await database.db.transaction((tx) => notify(tx, at, null, [noticeIn(COMMUNITY)]));
    expect(await queued()).toEqual([]);

    await setWebhook(database.db, acting, {
      jurisdictionCode: CITY,
      url: 'https://city.example.cn/h',
      newSecret: false,
    });
    await setWebhook(database.db, acting, {
      jurisdictionCode: STREET,
      url: 'https://street.example.cn/h',
      newSecret: false,
    });
    await database.db.transaction((tx) =>
      notify(tx, at, null, [noticeIn(COMMUNITY), noticeIn('370305112001'), noticeIn('370200')]),
    );
    expect(await queued()).toEqual([
      { webhookCode: STREET, jurisdictionCode: COMMUNITY },
      { webhookCode: CITY, jurisdictionCode: '370305112001' },
    ]);

    const noticesBefore = (await database.db.select().from(notices)).length;
    await expect(
      database.db.transaction(async (tx) => {
        await notify(tx, at, null, [noticeIn(COMMUNITY)]);
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    expect((await database.db.select().from(notices)).length).toBe(noticesBefore);
    expect(await queued()).toHaveLength(2);
  });
});
