/**
 * The demo history of 象山社区居委会 (370305111007): archive items, an appraisal and destruction,
 * loans, seal uses (one refused) and a removal, and a completed departure handover. Every step goes
 * through the same functions the API calls (`archives/`), so the custody log is the one a
 * real community would have, and `shequ log export` / `log verify` work on it.
 *
 * The people are demo accounts of the community and of Jinshan town. They cannot sign in until an
 * administrator resets their password (their password hash is a placeholder no password matches),
 * unless the caller passes `demoPasswordHash`: the API does so only when started with
 * SHEQU_DEMO_PASSWORD set, for the browser tests that sign in as the custodian or the approver.
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  type ActingAs,
  appraiseForDestruction,
  confirmHandover,
  createArchiveItem,
  createHandover,
  decideSealUse,
  decideTakeOut,
  destroyArchiveItem,
  lendArchiveItem,
  recordHandoverProblem,
  registerSeal,
  requestSealUse,
  requestTakeOut,
  returnArchiveItem,
  returnSeal,
  stampSeal,
  takeOut,
} from './archives/index.js';
import { writeAudit } from './audit.js';
import type { DatabaseHandle } from './client.js';
import { DEMO_LOCKED_PASSWORD, demoAdministrators } from './demo-accounts.js';
import { communities, users } from './schema.js';
import { archiveItems } from './schema-archives.js';

export const XIANGSHAN = '370305111007';
const JINSHAN = '370305111';
/** 全宗号 of the demo: assigned by the district archive in the demo's fiction. */
export const XIANGSHAN_FONDS = 'X007';

const LOCKED_PASSWORD = DEMO_LOCKED_PASSWORD;

const people = {
  li: { username: 'xs-liguilan', displayName: '李桂兰（档案、印章保管员）', jurisdictionCode: XIANGSHAN },
  wang: { username: 'xs-wangjianguo', displayName: '王建国（党委书记）', jurisdictionCode: XIANGSHAN },
  chen: { username: 'xs-chenhong', displayName: '陈红（居委会主任）', jurisdictionCode: XIANGSHAN },
  sun: { username: 'xs-sunli', displayName: '孙立（社区工作者）', jurisdictionCode: XIANGSHAN },
  zhao: { username: 'xs-zhaomin', displayName: '赵敏（接任保管员）', jurisdictionCode: XIANGSHAN },
  liu: { username: 'js-liuwei', displayName: '刘伟（金山镇纪委）', jurisdictionCode: JINSHAN },
} as const;
type Person = keyof typeof people;

export interface ArchivesDemoSummary {
  /** False when the community already had archive items, so nothing was written. */
  created: boolean;
}

export interface ArchivesDemoOptions {
  /**
   * An argon2 hash (the API's `hashPassword`) the demo accounts sign in with instead of the locked
   * placeholder, without a forced password change. For test servers only; never set in production.
   */
  demoPasswordHash?: string | undefined;
}

export async function seedArchivesDemo(
  handle: DatabaseHandle,
  options: ArchivesDemoOptions = {},
): Promise<ArchivesDemoSummary> {
  const { db } = handle;
  const [community] = await db
    .select({ code: communities.code })
    .from(communities)
    .where(eq(communities.code, XIANGSHAN));
  if (!community) return { created: false };
  const [existing] = await db
    .select({ id: archiveItems.id })
    .from(archiveItems)
    .where(eq(archiveItems.communityCode, XIANGSHAN))
    .limit(1);
  if (existing) return { created: false };

  await db
    .insert(users)
    .values(
      Object.values(people).map((p) => ({
        ...p,
        role: p.jurisdictionCode === JINSHAN ? ('auditor' as const) : ('communityWorker' as const),
        passwordHash: options.demoPasswordHash ?? LOCKED_PASSWORD,
        mustChangePassword: options.demoPasswordHash === undefined,
        createdAt: new Date('2026-01-04T08:00:00+08:00'),
      })),
    )
    .onConflictDoNothing();
  const rows = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(
      and(
        inArray(
          users.username,
          Object.values(people).map((p) => p.username),
        ),
      ),
    );
  const idOf = new Map(rows.map((row) => [row.username, row.id]));
  const id = (who: Person): string => {
    const found = idOf.get(people[who].username);
    if (!found) throw new Error(`demo account ${people[who].username} missing`);
    return found;
  };
  const as = (who: Person, at: string): ActingAs => ({
    actor: { id: id(who), username: people[who].username },
    ip: null,
    at: new Date(at),
  });

  // ── Filing ──
  const common = { communityCode: XIANGSHAN, fonds: XIANGSHAN_FONDS, custodianId: id('li') };
  const archiveRoom = (cabinet: string, shelf: string) => ({ room: '社区档案室', cabinet, shelf });
  const ledger = await createArchiveItem(db, as('li', '2026-01-05T09:10:00+08:00'), {
    ...common,
    category: 'WS',
    organisation: 'JWH',
    documentNumber: '象居字〔2025〕12号',
    issuer: '象山社区居民委员会',
    title: '象山社区2025年度工作台账',
    date: '2025-12-31',
    pages: 186,
    medium: 'paper',
    contentGroup: 'ledgers',
    retention: 'years30',
    location: archiveRoom('1号柜', '第2层'),
  });
  const roster = await createArchiveItem(db, as('li', '2026-01-05T09:20:00+08:00'), {
    ...common,
    category: 'WS',
    organisation: 'JWH',
    issuer: '象山社区居民委员会',
    title: '象山社区居民小组及网格员名册',
    date: '2025-03-10',
    pages: 24,
    medium: 'paper',
    contentGroup: 'organisations',
    retention: 'years10',
    location: archiveRoom('1号柜', '第3层'),
  });
  await createArchiveItem(db, as('li', '2026-01-05T09:30:00+08:00'), {
    ...common,
    category: 'SW',
    issuer: '中共临淄区金山镇委员会',
    title: '“金山镇先进基层党组织”奖牌',
    date: '2024-07-01',
    medium: 'physical',
    contentGroup: 'honours',
    retention: 'permanent',
    location: { room: '社区荣誉室', cabinet: '展柜A' },
  });
  await createArchiveItem(db, as('li', '2026-01-05T09:40:00+08:00'), {
    ...common,
    category: 'LX',
    issuer: '象山社区居民委员会',
    title: '2025年第三季度居民议事会会议录像',
    date: '2025-09-18',
    medium: 'audiovisual',
    contentGroup: 'information',
    retention: 'years10',
    location: archiveRoom('2号柜', '第1层'),
    notes: '光盘一张，时长 1 小时 42 分',
  });
  await createArchiveItem(db, as('li', '2026-01-05T09:50:00+08:00'), {
    ...common,
    category: 'WS',
    issuer: '象山社区居民委员会',
    title: '象山社区基础信息电子台账（2025年底）',
    date: '2026-01-04',
    medium: 'electronic',
    contentGroup: 'information',
    retention: 'years30',
  });
  const oldBrief = await createArchiveItem(db, as('li', '2026-01-05T10:00:00+08:00'), {
    ...common,
    category: 'WS',
    issuer: '象山社区居民委员会',
    title: '2014年社区环境整治工作简报',
    date: '2014-05-20',
    pages: 6,
    medium: 'paper',
    contentGroup: 'information',
    retention: 'years10',
    location: archiveRoom('3号柜', '第1层'),
  });

  // ── Seals ──
  const committeeSeal = await registerSeal(db, as('li', '2026-01-06T09:00:00+08:00'), {
    communityCode: XIANGSHAN,
    name: '象山社区居民委员会印章',
    owner: { kind: 'residents-committee', name: '象山社区居民委员会' },
    custodianId: id('li'),
    storagePlace: '社区办公室保险柜',
    approverIds: [id('chen'), id('wang')],
  });
  const partySeal = await registerSeal(db, as('li', '2026-01-06T09:10:00+08:00'), {
    communityCode: XIANGSHAN,
    name: '中共象山社区委员会印章',
    owner: { kind: 'party-organisation', name: '中共象山社区委员会' },
    custodianId: id('li'),
    storagePlace: '社区办公室保险柜',
    approverIds: [id('wang')],
  });

  // ── Appraisal and destruction of an item past its 10 years ──
  await appraiseForDestruction(db, as('li', '2026-02-10T15:00:00+08:00'), {
    itemId: oldBrief.id,
    decisionNumber: '象档鉴〔2026〕1号',
    decidedOn: '2026-02-10',
    opinion: '保管期限已满，内容已汇入年度工作台账，无继续保存价值，同意销毁',
    approvedBy: [id('wang'), id('chen')],
  });
  await destroyArchiveItem(db, as('li', '2026-02-20T10:00:00+08:00'), {
    itemId: oldBrief.id,
    method: '由两人监销，碎纸机粉碎',
  });

  // ── Loans ──
  await lendArchiveItem(db, as('li', '2026-03-02T14:00:00+08:00'), {
    itemId: roster.id,
    borrower: people.sun.displayName,
    borrowerId: id('sun'),
    purpose: '核对网格员调整名单',
    dueOn: '2026-03-16',
  });
  await returnArchiveItem(db, as('li', '2026-03-12T16:30:00+08:00'), { itemId: roster.id });

  // ── Seal uses ──
  const proof = await requestSealUse(db, as('sun', '2026-03-13T10:05:00+08:00'), {
    sealId: committeeSeal.id,
    purpose: '为居民出具居住证明（办理子女入学）',
    document: '居住证明',
    copies: 1,
  });
  await decideSealUse(db, as('chen', '2026-03-13T10:20:00+08:00'), {
    requestId: proof.id,
    decision: 'approve',
  });
  await stampSeal(db, as('li', '2026-03-13T10:30:00+08:00'), { requestId: proof.id });

  const transfer = await requestSealUse(db, as('sun', '2026-04-08T09:00:00+08:00'), {
    sealId: partySeal.id,
    purpose: '党员组织关系转出',
    document: '中国共产党党员组织关系介绍信',
    copies: 2,
  });
  await decideSealUse(db, as('wang', '2026-04-08T09:30:00+08:00'), {
    requestId: transfer.id,
    decision: 'approve',
  });
  await stampSeal(db, as('li', '2026-04-08T09:45:00+08:00'), { requestId: transfer.id });

  const blank = await requestSealUse(db, as('sun', '2026-04-15T14:00:00+08:00'), {
    sealId: committeeSeal.id,
    purpose: '预盖印章备用',
    document: '空白介绍信',
    copies: 5,
  });
  await decideSealUse(db, as('wang', '2026-04-15T14:20:00+08:00'), {
    requestId: blank.id,
    decision: 'refuse',
    reason: '不得在空白文书上用印',
  });

  // ── Taking the seal out, and back ──
  const removal = await requestTakeOut(db, as('sun', '2026-05-12T08:50:00+08:00'), {
    sealId: committeeSeal.id,
    reason: '到临淄区民政局办理居民委员会特别法人统一社会信用代码证换证，须现场用印',
    destination: '临淄区民政局',
    returnBy: new Date('2026-05-12T17:00:00+08:00'),
  });
  await decideTakeOut(db, as('chen', '2026-05-12T09:10:00+08:00'), {
    requestId: removal.id,
    decision: 'approve',
  });
  await takeOut(db, as('li', '2026-05-12T09:30:00+08:00'), { requestId: removal.id });
  await returnSeal(db, as('li', '2026-05-12T15:40:00+08:00'), { requestId: removal.id });

  // A loan still open when the custodian leaves: it passes to the successor with the item.
  await lendArchiveItem(db, as('li', '2026-05-20T10:00:00+08:00'), {
    itemId: ledger.id,
    borrower: people.sun.displayName,
    borrowerId: id('sun'),
    purpose: '准备年中工作总结',
    dueOn: '2026-06-03',
  });

  // ── 李桂兰 leaves; 赵敏 takes over under the town's discipline committee ──
  const handover = await createHandover(db, as('li', '2026-06-15T09:00:00+08:00'), {
    communityCode: XIANGSHAN,
    leaverId: id('li'),
    successorId: id('zhao'),
    supervisorId: id('liu'),
    supervisorBody: 'town-discipline-committee',
    dueOn: '2026-06-30',
    financeRecords: [{ ref: '2026年上半年财务账簿', description: '记账凭证 6 册、现金日记账 1 本' }],
  });
  const handoverId = handover.row.id;
  // The successor checks each item against the list before anyone signs.
  for (const item of handover.items) {
    await recordHandoverProblem(db, as('zhao', '2026-06-20T09:50:00+08:00'), {
      handoverId,
      itemId: item.id,
      condition: 'intact',
    });
  }
  await confirmHandover(db, as('li', '2026-06-20T10:00:00+08:00'), { handoverId, role: 'leaver' });
  await confirmHandover(db, as('zhao', '2026-06-20T10:05:00+08:00'), { handoverId, role: 'successor' });
  await confirmHandover(db, as('liu', '2026-06-22T15:00:00+08:00'), { handoverId, role: 'supervisor' });

  return { created: true };
}

export const demoArchivesPeople = people;

/**
 * Gives the demo accounts (the archive demo's people and the demo administrators of `demo-accounts.ts`)
 * that still hold the locked placeholder the password of `passwordHash`, for a test server started on a
 * database seeded earlier without one. Accounts whose password an administrator has set are left alone.
 * Returns the usernames changed; each change has its audit record.
 */
export async function unlockArchivesDemoAccounts(
  handle: DatabaseHandle,
  passwordHash: string,
  now = new Date(),
): Promise<string[]> {
  return handle.db.transaction(async (tx) => {
    const unlocked = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false })
      .where(
        and(
          inArray(users.username, [
            ...Object.values(people).map((p) => p.username),
            ...Object.values(demoAdministrators).map((p) => p.username),
          ]),
          eq(users.passwordHash, LOCKED_PASSWORD),
        ),
      )
      .returning({ id: users.id, username: users.username, jurisdictionCode: users.jurisdictionCode });
    for (const user of unlocked) {
      await writeAudit(tx, {
        actor: null,
        action: 'user.resetPassword',
        entityType: 'user',
        entityId: user.id,
        jurisdictionCode: user.jurisdictionCode,
        before: { locked: true },
        after: { source: 'SHEQU_DEMO_PASSWORD', mustChangePassword: false },
        ip: null,
        at: now,
      });
    }
    return unlocked.map((user) => user.username);
  });
}
