/**
 * `pnpm --filter @shequ/api run serve` (and root `pnpm start`): open and migrate the database, load the demo
 * data when absent, make sure an administrator exists, and serve API + console on one port.
 */

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  communities,
  DataFolderLocked,
  migrateDatabase,
  openDatabase,
  seedDemo,
  unlockArchivesDemoAccounts,
} from '@shequ/db';
import { buildApp, defaultAdminDist } from './app.js';
import { hashPassword } from './auth/password.js';
import { ensureFirstAdmin, FIRST_ADMIN_USERNAME } from './bootstrap.js';
import { type CheckpointSchedule, startCheckpointSchedule } from './checkpoint-schedule.js';
import { type OverdueLoanSweep, startOverdueLoanSweep } from './overdue-loan-sweep.js';
import { configuredPacks } from './packs.js';
import { parseTrustProxy, type TrustProxySetting } from './proxy.js';
import { parseRateLimit } from './rate-limit.js';
import { allowedOriginsFromEnv } from './security.js';
import { startWebhookDelivery, type WebhookDelivery } from './webhook-delivery.js';
import { webhookPolicyFromEnv } from './webhook-target.js';

let trustProxy: TrustProxySetting;
try {
  trustProxy = parseTrustProxy(process.env.SHEQU_TRUST_PROXY);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

// Extra policy packs (SHEQU_PACKS): loaded before the database opens, so a bad pack stops nothing half-started.
const packs = await configuredPacks(process.env.SHEQU_PACKS).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
if (packs.added.length > 0) console.log(`另加载政策包：${packs.added.join('、')}`);

const webhookPolicy = webhookPolicyFromEnv(process.env.SHEQU_WEBHOOK_ALLOW_PRIVATE);
if (webhookPolicy.allowPrivateNetwork)
  console.log('消息推送：已允许推送到本机和内网地址（SHEQU_WEBHOOK_ALLOW_PRIVATE）');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? 'localhost';

const database = await openDatabase({}).catch((error: unknown) => {
  // Another process holds the data folder: one line saying which, and status 1 (docs/interfaces.md §8).
  if (error instanceof DataFolderLocked) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
});
console.log(
  `数据库：${database.kind === 'pglite' ? '内置 PGlite' : 'PostgreSQL'}，位置 ${database.location}`,
);

let app: Awaited<ReturnType<typeof buildApp>> | undefined;
let schedule: CheckpointSchedule | undefined;
let overdueSweep: OverdueLoanSweep | undefined;
let webhookDelivery: WebhookDelivery | undefined;
let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  console.log(`收到 ${signal}，正在关闭…`);
  try {
    schedule?.stop();
    overdueSweep?.stop();
    webhookDelivery?.stop();
    await app?.close();
  } finally {
    // PGlite flushes its data folder on close; exiting without it risks a damaged database.
    await database.close();
  }
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

try {
  await migrateDatabase(database);
  // Test servers only (the browser tests sign in as the demo custodian and approver): without it the
  // demo accounts keep a placeholder no password matches, as in production.
  const demoPassword = process.env.SHEQU_DEMO_PASSWORD || undefined;
  if (demoPassword && process.env.NODE_ENV === 'production') {
    throw new Error('SHEQU_DEMO_PASSWORD 只用于测试服务器：生产环境（NODE_ENV=production）不得设置');
  }
  const demoPasswordHash = demoPassword ? await hashPassword(demoPassword) : undefined;
  const [anyCommunity] = await database.db.select({ code: communities.code }).from(communities).limit(1);
  if (!anyCommunity && process.env.SHEQU_NO_DEMO !== '1') {
    console.log('正在载入演示数据…');
    await seedDemo(database, { demoPasswordHash });
  } else if (demoPasswordHash) {
    const unlocked = await unlockArchivesDemoAccounts(database, demoPasswordHash);
    if (unlocked.length > 0) console.log(`演示账号已按 SHEQU_DEMO_PASSWORD 设置密码：${unlocked.join('、')}`);
  }

  const admin = await ensureFirstAdmin(database.db, {
    password: process.env.SHEQU_ADMIN_PASSWORD || undefined,
    keep: process.env.SHEQU_ADMIN_PASSWORD_KEEP === '1',
  });
  if (admin.kind === 'created' && admin.oneTimePassword) {
    // Printed once, on the console of whoever installed the system; it is never logged or stored in clear.
    console.log('');
    console.log(`首个管理员账号：${FIRST_ADMIN_USERNAME}`);
    console.log(`一次性密码：${admin.oneTimePassword}`);
    console.log('（只显示这一次；首次登录后须修改密码）');
    console.log('');
  } else if (admin.kind !== 'existing') {
    console.log(`管理员 ${FIRST_ADMIN_USERNAME} 的密码已按 SHEQU_ADMIN_PASSWORD 设置`);
  }

  const adminDist = process.env.SHEQU_ADMIN_DIST ?? defaultAdminDist;
  if (!existsSync(resolve(adminDist, 'index.html'))) {
    console.warn(
      `管理控制台尚未构建（${adminDist}）：运行 pnpm --filter @shequ/admin build，或在仓库根目录运行 pnpm start`,
    );
  }
  app = await buildApp({
    database,
    adminDist,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    trustProxy,
    packs,
    allowedOrigins: allowedOriginsFromEnv(process.env.SHEQU_ALLOWED_ORIGINS),
    webhookPolicy,
    feedbackRateLimit: parseRateLimit(process.env.SHEQU_FEEDBACK_RATE_LIMIT),
  });
  await app.listen({ port, host });
  const checkpointInterval = Number(process.env.SHEQU_CHECKPOINT_INTERVAL_MS) || undefined;
  schedule = startCheckpointSchedule(database.db, {
    ...(checkpointInterval ? { intervalMs: checkpointInterval, firstRunAfterMs: checkpointInterval } : {}),
  });
  overdueSweep = startOverdueLoanSweep(database.db);
  webhookDelivery = startWebhookDelivery(database.db, { policy: webhookPolicy });
  console.log(`Shequ 已启动：http://localhost:${port}`);
} catch (error) {
  console.error(error);
  await app?.close();
  await database.close();
  process.exit(1);
}
