/**
 * Outbound webhooks (本系统规则 R-HOOK-1) and overdue-loan notices: a street administrator sets an
 * endpoint and sees the secret once; a notice in the street reaches a local receiver, signed; a receiver
 * that fails first gets it on the retry; a bad URL and a non-administrator are refused with nothing
 * written; an overdue loan notices its custodian once.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auditLog, webhookOutbox, webhooks } from '@shequ/db';
import { publicNetworkOnly } from '@shequ/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultThrottlePolicy } from '../src/auth/throttle.js';
import { startOverdueLoanSweep } from '../src/overdue-loan-sweep.js';
import { sweepExpired } from '../src/security.js';
import { startWebhookDelivery, type WebhookDelivery } from '../src/webhook-delivery.js';
import { webhookTargetProblem } from '../src/webhook-target.js';
import { archivesSuite } from './archives-suite.js';
import { JINSHAN, XIANGSHAN } from './fixture.js';
import { makeApp, rejection, signedIn, type TestClient } from './harness.js';

/** The local receiver is on this machine: the suite's deployment opts in (R-HOOK-2), as on-premise ones may. */
const onPremise = { allowPrivateNetwork: true };
const suite = archivesSuite({ webhookPolicy: onPremise });
const { as, li, jinshan, id } = suite;

/** A delivery on the suite's clock, used by `use` and stopped after it. */
async function withDelivery(
  options: Pick<NonNullable<Parameters<typeof startWebhookDelivery>[1]>, 'policy' | 'log'>,
  use: (delivery: WebhookDelivery) => Promise<void>,
): Promise<void> {
  const delivery = startWebhookDelivery(suite.database().db, {
    intervalMs: 3_600_000,
    now: suite.clock().now,
    ...options,
  });
  try {
    await use(delivery);
  } finally {
    delivery.stop();
  }
}

interface Received {
  body: string;
  timestamp: string;
  signature: string;
}

/** A receiver on 127.0.0.1 that answers each request with the next status of `answers` (then 204). */
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
const answers: number[] = [];

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

beforeAll(async () => {
  receiver = createServer((request, response) => {
    void readBody(request).then((body) => {
      received.push({
        body,
        timestamp: String(request.headers['x-shequ-timestamp']),
        signature: String(request.headers['x-shequ-signature']),
      });
      response.statusCode = answers.shift() ?? 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

/** What a receiver does: recompute the HMAC of "<timestamp>.<raw body>" and compare in constant time. */
function verified(secret: string, r: Received): boolean {
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', secret).update(`${r.timestamp}.${r.body}`).digest('hex')}`,
  );
  const given = Buffer.from(r.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

let sealsRegistered = 0;

async function requestSealUse(): Promise<void> {
  sealsRegistered += 1;
  const seal = await jinshan().seals.register.mutate({
    community: XIANGSHAN,
    name: `象山社区居民委员会印章${sealsRegistered}`,
    owner: { kind: 'residents-committee', name: '象山社区居民委员会' },
    custodianId: id('li'),
    storagePlace: '办公室保险柜',
    approverIds: [id('wang')],
  });
  await (as.sun as TestClient).seals.requestUse.mutate({
    sealId: seal.id,
    purpose: '出具居住证明',
    document: '居住证明',
    copies: 1,
  });
}

describe('outbound webhooks', () => {
  let secret = '';

  it('refuses a bad URL naming the field and a non-administrator, writing nothing', async () => {
    for (const url of ['http://hooks.example.cn/x', 'ftp://127.0.0.1/x', '不是网址']) {
      const error = await rejection(jinshan().webhooks.set.mutate({ jurisdictionCode: JINSHAN, url }));
      expect(error.data?.httpStatus).toBe(400);
      expect(Object.keys(error.data?.fieldErrors ?? {})).toEqual(['url']);
    }
    const unknown = await rejection(
      jinshan().webhooks.set.mutate({ jurisdictionCode: `${JINSHAN}999`, url: receiverUrl }),
    );
    expect(unknown.data?.httpStatus).toBe(400);
    expect(Object.keys(unknown.data?.fieldErrors ?? {})).toEqual(['jurisdictionCode']);
    const worker = await rejection(
      li().webhooks.set.mutate({ jurisdictionCode: XIANGSHAN, url: receiverUrl }),
    );
    expect(worker.data?.httpStatus).toBe(403);
    expect(worker.message).toContain('R-HOOK-1');
    const aboveOwnNode = await rejection(
      jinshan().webhooks.set.mutate({ jurisdictionCode: JINSHAN.slice(0, 6), url: receiverUrl }),
    );
    expect(aboveOwnNode.data?.httpStatus).toBe(403);
    expect((await rejection(li().webhooks.get.query({}))).data?.httpStatus).toBe(403);
    const db = suite.database().db;
    expect(await db.select().from(webhooks)).toEqual([]);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'webhook.set'))).toEqual([]);
  });

  it('shows the secret once; a notice in the street is delivered, signed', async () => {
    const set = await jinshan().webhooks.set.mutate({ jurisdictionCode: JINSHAN, url: receiverUrl });
    expect(set.secret).toMatch(/^[0-9a-f]{64}$/);
    secret = set.secret ?? '';
    const again = await jinshan().webhooks.set.mutate({ jurisdictionCode: JINSHAN, url: receiverUrl });
    expect(again.secret).toBeNull();
    const shown = await jinshan().webhooks.get.query({});
    expect(shown).toMatchObject({ jurisdictionCode: JINSHAN, url: receiverUrl, deliveries: [] });
    expect(JSON.stringify(shown)).not.toContain(secret);

    // The community's notice goes to the nearest configured ancestor: the street.
    await requestSealUse();
    await withDelivery({ policy: onPremise }, async (delivery) => {
      expect(await delivery.runOnce()).toEqual({ delivered: 1, failed: 0 });
    });
    const [first] = received;
    expect(first && verified(secret, first)).toBe(true);
    expect(first && verified('0'.repeat(64), first)).toBe(false);
    expect(JSON.parse(first?.body ?? '{}')).toEqual({
      id: expect.any(Number),
      kind: 'seal.approve',
      title: expect.stringContaining('用印申请待您审批'),
      link: '/workbench',
      recipient: { id: id('wang'), displayName: 'wang' },
      jurisdictionCode: XIANGSHAN,
      createdAt: suite.clock().now().toISOString(),
    });
    expect((await jinshan().webhooks.get.query({})).deliveries).toEqual([
      expect.objectContaining({ status: 'delivered', attempts: 1, lastError: null }),
    ]);
  });

  it('tries again after a failure, with backoff, and logs each attempt', async () => {
    answers.push(500);
    await requestSealUse();
    await withDelivery({ policy: onPremise }, async (delivery) => {
      expect(await delivery.runOnce()).toEqual({ delivered: 0, failed: 1 });
      const [latest] = (await jinshan().webhooks.get.query({})).deliveries;
      expect(latest).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastStatusCode: 500,
        lastError: 'HTTP 500',
      });
      // Not due again before the backoff has passed.
      expect(await delivery.runOnce()).toEqual({ delivered: 0, failed: 0 });
      suite.clock().advance(31_000);
      expect(await delivery.runOnce()).toEqual({ delivered: 1, failed: 0 });
    });
    const [latest] = (await jinshan().webhooks.get.query({})).deliveries;
    expect(latest).toMatchObject({ status: 'delivered', attempts: 2, lastError: null });
    expect(received.slice(-2).every((r) => verified(secret, r))).toBe(true);
    expect(received.at(-1)?.body).toBe(received.at(-2)?.body);
  });

  it('a receiver that is down fails nothing: the action succeeds, the delivery waits to be retried', async () => {
    await jinshan().webhooks.set.mutate({ jurisdictionCode: JINSHAN, url: 'http://127.0.0.1:9/closed' });
    await requestSealUse();
    await withDelivery({ policy: onPremise }, async (delivery) => {
      expect(await delivery.runOnce()).toEqual({ delivered: 0, failed: 1 });
    });
    const [latest] = (await jinshan().webhooks.get.query({})).deliveries;
    expect(latest).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(latest?.lastError).toBeTruthy();
  });

  it('replaces the secret only when asked; no audit record or answer carries it', async () => {
    const rotated = await jinshan().webhooks.set.mutate({
      jurisdictionCode: JINSHAN,
      url: receiverUrl,
      newSecret: true,
    });
    expect(rotated.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated.secret).not.toBe(secret);
    const records = await suite
      .database()
      .db.select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'webhook'));
    expect(records.length).toBeGreaterThanOrEqual(3);
    for (const hidden of [secret, rotated.secret ?? '']) {
      expect(JSON.stringify(records)).not.toContain(hidden);
      expect(JSON.stringify(await jinshan().webhooks.get.query({}))).not.toContain(hidden);
    }
  });
});

describe("webhook addresses inside the server's own network (R-HOOK-2)", () => {
  it('are refused when saved, unless the deployment opts in; metadata never', async () => {
    const closed = await makeApp(suite.database(), { now: suite.clock().now });
    try {
      const admin = await signedIn(closed, 'jinshan');
      for (const url of [
        'https://127.0.0.1/x',
        'https://localhost:8443/x',
        'https://10.0.0.5/x',
        'https://[fd12::1]/x',
        'http://127.0.0.1:9/x',
      ]) {
        const error = await rejection(admin.webhooks.set.mutate({ jurisdictionCode: JINSHAN, url }));
        expect(error.data?.httpStatus, url).toBe(400);
        expect(error.data?.fieldErrors, url).toEqual({ url: [expect.stringMatching(/https|本机或内网/)] });
      }
      const loopback = await rejection(
        admin.webhooks.set.mutate({ jurisdictionCode: JINSHAN, url: 'https://127.0.0.1/x' }),
      );
      expect(loopback.message).toMatch(/本机或内网地址（127\.0\.0\.1）.*R-HOOK-2/);
    } finally {
      await closed.close();
    }
    const before = await jinshan().webhooks.get.query({});
    // Opted in, a cloud metadata address is still refused; plain http still only inside the network.
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'https://100.100.100.200/x',
      'http://1.2.3.4/x',
    ]) {
      const error = await rejection(jinshan().webhooks.set.mutate({ jurisdictionCode: JINSHAN, url }));
      expect(error.data?.httpStatus, url).toBe(400);
      expect(Object.keys(error.data?.fieldErrors ?? {})).toEqual(['url']);
    }
    expect((await jinshan().webhooks.get.query({})).url).toBe(before.url);
    expect(await webhookTargetProblem('https://localhost/x', publicNetworkOnly)).toMatch(/本机或内网/);
    expect(await webhookTargetProblem('https://1.2.3.4/x', publicNetworkOnly)).toBeUndefined();
  });

  it('are refused again when a delivery connects: the name is resolved and checked then', async () => {
    // Saved while allowed; the deployment then closes its network (as a name could come to point inside it).
    const port = (receiver.address() as AddressInfo).port;
    await jinshan().webhooks.set.mutate({ jurisdictionCode: JINSHAN, url: `https://localhost:${port}/hook` });
    const count = received.length;
    await requestSealUse();
    await withDelivery({ policy: publicNetworkOnly, log: () => {} }, async (delivery) => {
      expect(await delivery.runOnce()).toEqual({ delivered: 0, failed: 1 });
    });
    expect(received.length).toBe(count);
    const [latest] = (await jinshan().webhooks.get.query({})).deliveries;
    expect(latest).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(latest?.lastError).toMatch(/本机或内网.*R-HOOK-2/);
  });
});

describe('outbox retention (R-HOOK-3)', () => {
  it('deletes settled deliveries after 30 days on the sweep; pending ones stay', async () => {
    const db = suite.database().db;
    const all = await db.select().from(webhookOutbox);
    const pending = all.filter((d) => d.status === 'pending').length;
    expect(all.some((d) => d.status === 'delivered')).toBe(true);
    expect(pending).toBeGreaterThan(0);
    const settings = { sessionIdleMs: 365 * 86_400_000, throttle: defaultThrottlePolicy };
    const soon = new Date(suite.clock().now().getTime() + 29 * 86_400_000);
    expect((await sweepExpired(db, soon, settings)).webhookDeliveries).toBe(0);
    const later = new Date(suite.clock().now().getTime() + 31 * 86_400_000);
    expect((await sweepExpired(db, later, settings)).webhookDeliveries).toBe(all.length - pending);
    expect((await db.select().from(webhookOutbox)).map((d) => d.status)).toEqual(
      Array(pending).fill('pending'),
    );
  });
});

describe('overdue loans', () => {
  it('notify the custodian once per loan becoming overdue', async () => {
    const item = await li().archives.create.mutate(suite.paperItem('逾期提醒测试台账'));
    const today = suite.clock().now();
    const dueOn = new Date(today.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    await li().archives.lend.mutate({ id: item.id, borrower: '孙立', dueOn });
    const sweep = startOverdueLoanSweep(suite.database().db, {
      firstRunAfterMs: 3_600_000,
      now: suite.clock().now,
    });
    try {
      expect(await sweep.runOnce()).toBe(0);
      suite.clock().advance(9 * 86_400_000);
      const before = await suite.database().db.select().from(webhookOutbox);
      expect(await sweep.runOnce()).toBe(1);
      expect(await sweep.runOnce()).toBe(0);
      // The notice also went to the street's endpoint, like any other notice there.
      expect((await suite.database().db.select().from(webhookOutbox)).length).toBe(before.length + 1);
    } finally {
      sweep.stop();
    }
    const { items } = await li().notifications.list.query({ unreadOnly: true });
    expect(items.filter((n) => n.kind === 'loan.overdue')).toEqual([
      expect.objectContaining({
        title: expect.stringContaining('逾期提醒测试台账'),
        link: '/archives/overdue',
      }),
    ]);
  });
});
