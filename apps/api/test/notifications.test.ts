/**
 * Notices through the API: a use request notifies the seal's approvers (not the applicant), its
 * approval notifies the custodian, an opened handover its successor and supervisor; each person reads
 * and marks only their own (audited), with an unread count.
 */
import { auditLog } from '@shequ/db';
import { auditActionLabels, entityTypeLabels } from '@shequ/domain';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { archivesSuite, committeeSealKeptBy } from './archives-suite.js';
import { XIANGSHAN } from './fixture.js';
import type { TestClient } from './harness.js';

const suite = archivesSuite();
const { as, li, jinshan, id } = suite;

describe('notifications', () => {
  it('tells each person what now waits for them, and only them', async () => {
    const sun = as.sun as TestClient;
    const wang = as.wang as TestClient;
    const zhao = as.zhao as TestClient;
    const seal = await jinshan().seals.register.mutate(
      committeeSealKeptBy(id('li'), [id('wang'), id('zhao')]),
    );
    const request = await sun.seals.requestUse.mutate({
      sealId: seal.id,
      purpose: '出具居住证明',
      document: '居住证明',
      copies: 1,
    });
    expect(await sun.notifications.unreadCount.query()).toBe(0);
    expect(await wang.notifications.unreadCount.query()).toBe(1);
    const [toWang] = (await wang.notifications.list.query({})).items;
    expect(toWang).toMatchObject({
      kind: 'seal.approve',
      title: '用印申请待您审批：象山社区居民委员会印章',
      link: '/workbench',
      read: false,
    });

    await wang.seals.approve.mutate({ requestId: request.id });
    expect((await li().notifications.list.query({ unreadOnly: true })).items).toEqual([
      expect.objectContaining({ kind: 'seal.stamp', title: expect.stringContaining('待您登记用印') }),
    ]);

    // Marking someone else's notice changes nothing; marking one's own clears one's own count only.
    expect(await sun.notifications.markRead.mutate({ ids: [toWang?.id ?? 0] })).toEqual({ marked: 0 });
    expect(await wang.notifications.markRead.mutate({})).toEqual({ marked: 1 });
    expect(await wang.notifications.unreadCount.query()).toBe(0);
    // Marking read is a change: audited once, with a Chinese label; marking nothing records nothing.
    expect(await wang.notifications.markRead.mutate({})).toEqual({ marked: 0 });
    const db = suite.database().db;
    const records = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'notice.read'), eq(auditLog.actorId, id('wang'))));
    expect(records).toEqual([
      expect.objectContaining({
        entityType: 'notice',
        entityId: id('wang'),
        after: { noticeIds: [toWang?.id], all: true },
      }),
    ]);
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'notice.read'), eq(auditLog.actorId, id('sun')))),
    ).toEqual([]);
    expect(auditActionLabels['notice.read']).toBe('标记提醒已读');
    expect(entityTypeLabels.notice).toBe('提醒');
    expect(await zhao.notifications.unreadCount.query()).toBe(1);
    expect((await wang.notifications.list.query({})).items[0]?.read).toBe(true);
  });

  it('tells the successor and the supervisor that a handover list waits for them', async () => {
    await jinshan().handovers.create.mutate({
      community: XIANGSHAN,
      leaverId: id('li'),
      successorId: id('zhao'),
      supervisorId: id('liu'),
      supervisorBody: 'town-discipline-committee' as const,
      dueOn: '2027-04-30',
      financeRecords: [],
    });
    for (const person of ['zhao', 'liu']) {
      const { items } = await (as[person] as TestClient).notifications.list.query({ unreadOnly: true });
      expect(items).toContainEqual(
        expect.objectContaining({
          kind: 'handover.confirm',
          link: expect.stringMatching(/^\/archives\/handovers\/[0-9a-f-]{36}$/),
        }),
      );
    }
  });
});
