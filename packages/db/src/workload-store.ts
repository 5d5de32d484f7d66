/**
 * Storing and reading the work-item lists, the admission requests and the burdens register
 * (`@shequ/services` workload). Each write runs in one transaction with its audit record; what may be
 * written is decided by the callbacks the caller passes, which apply the package's rules to the rows
 * read inside the transaction.
 */
import type {
  AdmissionDecision,
  AdmissionRequest,
  Burden,
  Problem,
  WorkListVersion,
  WorkListVersionDraft,
} from '@shequ/services';
import { and, asc, desc, eq, inArray, like, sql } from 'drizzle-orm';
import { writeAudit } from './audit.js';
import type { Database, Transaction } from './client.js';
import { escapeLike } from './like.js';
import { markRegistersChanged } from './register-changes.js';
import { workAdmissions, workBurdens, workListVersions } from './schema-workload.js';
import { type ServicesActor, ServicesError } from './services-store.js';

type Db = Database | Transaction;

const invalid = (problem: Problem) => new ServicesError('invalid', problem.message, [problem]);

function versionFromRow(row: typeof workListVersions.$inferSelect): WorkListVersion {
  return {
    id: row.id,
    jurisdictionCode: row.jurisdictionCode,
    kind: row.kind,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    ...(row.effectiveUntil ? { effectiveUntil: row.effectiveUntil } : {}),
    items: (row.record as { items: WorkListVersion['items'] }).items,
    savedAt: row.savedAt.toISOString(),
  };
}

/** Every version kept by the given jurisdictions, oldest first. */
export async function workListVersionsOf(db: Db, codes: readonly string[]): Promise<WorkListVersion[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .select()
    .from(workListVersions)
    .where(inArray(workListVersions.jurisdictionCode, [...codes]))
    .orderBy(
      asc(workListVersions.jurisdictionCode),
      asc(workListVersions.kind),
      asc(workListVersions.version),
    );
  return rows.map(versionFromRow);
}

/**
 * A new version of a list, numbered after the ones kept; `check` sees the kept versions of the same
 * list (read under a lock on them) and returns the problem that refuses it.
 */
export async function saveWorkListVersion(
  db: Database,
  draft: WorkListVersionDraft,
  who: ServicesActor,
  check: (kept: WorkListVersion[]) => Problem | undefined,
): Promise<WorkListVersion> {
  return db.transaction(async (tx) => {
    // One writer per list at a time: the advisory lock covers the first version too, which has no row to lock.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`work-list:${draft.jurisdictionCode}:${draft.kind}`}))`,
    );
    const kept = (
      await tx
        .select()
        .from(workListVersions)
        .where(
          and(
            eq(workListVersions.jurisdictionCode, draft.jurisdictionCode),
            eq(workListVersions.kind, draft.kind),
          ),
        )
        .orderBy(asc(workListVersions.version))
    ).map(versionFromRow);
    const problem = check(kept);
    if (problem) throw invalid(problem);
    const [row] = await tx
      .insert(workListVersions)
      .values({
        jurisdictionCode: draft.jurisdictionCode,
        kind: draft.kind,
        version: (kept.at(-1)?.version ?? 0) + 1,
        effectiveFrom: draft.effectiveFrom,
        effectiveUntil: draft.effectiveUntil ?? null,
        record: { items: draft.items },
        savedByUserId: who.actor?.id ?? null,
        savedAt: who.at,
      })
      .returning();
    if (!row) throw new ServicesError('conflict', '保存失败，请重试');
    const saved = versionFromRow(row);
    await writeAudit(tx, {
      actor: who.actor,
      action: 'workload.list.save',
      entityType: 'workload.list',
      entityId: saved.id,
      jurisdictionCode: draft.jurisdictionCode,
      before: null,
      after: saved,
      ip: who.ip,
      at: who.at,
    });
    return saved;
  });
}

function admissionFromRow(row: typeof workAdmissions.$inferSelect): AdmissionRequest {
  return { ...(row.record as Omit<AdmissionRequest, 'id'>), id: row.id };
}

export async function insertAdmission(
  db: Database,
  request: AdmissionRequest,
  who: ServicesActor,
): Promise<AdmissionRequest> {
  return db.transaction(async (tx) => {
    const { id, ...record } = request;
    await tx.insert(workAdmissions).values({
      id,
      streetCode: request.streetCode,
      kind: request.kind,
      status: 'pending',
      appliedOn: request.appliedOn,
      record,
    });
    await writeAudit(tx, {
      actor: who.actor,
      action: 'workload.admission.apply',
      entityType: 'workload.admission',
      entityId: id,
      jurisdictionCode: request.streetCode,
      before: null,
      after: request,
      ip: who.ip,
      at: who.at,
    });
    return request;
  });
}

export async function findAdmission(db: Db, id: string): Promise<AdmissionRequest | undefined> {
  const [row] = await db.select().from(workAdmissions).where(eq(workAdmissions.id, id)).limit(1);
  return row ? admissionFromRow(row) : undefined;
}

/** The requests of the streets under a node (`prefix` of their codes; '' for all), newest first. */
export async function listAdmissions(db: Db, prefix: string, limit = 200): Promise<AdmissionRequest[]> {
  const rows = await db
    .select()
    .from(workAdmissions)
    .where(prefix === '' ? undefined : like(workAdmissions.streetCode, `${escapeLike(prefix)}%`))
    .orderBy(desc(workAdmissions.appliedOn), asc(workAdmissions.id))
    .limit(limit);
  return rows.map(admissionFromRow);
}

/** The approved requests covering a community (the work admitted there). */
export async function approvedAdmissionsFor(db: Db, community: string): Promise<AdmissionRequest[]> {
  const rows = await db
    .select()
    .from(workAdmissions)
    .where(and(eq(workAdmissions.streetCode, community.slice(0, 9)), eq(workAdmissions.status, 'approved')));
  return rows.map(admissionFromRow).filter((r) => r.communityCodes.includes(community));
}

/** The decision on a request, made by `decide` on the row read under a lock. */
export async function decideStoredAdmission(
  db: Database,
  id: string,
  decide: (
    request: AdmissionRequest,
  ) => { ok: true; value: AdmissionDecision } | { ok: false; issues: Problem[] },
  who: ServicesActor,
): Promise<AdmissionRequest> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(workAdmissions).where(eq(workAdmissions.id, id)).for('update');
    if (!row) throw new ServicesError('not-found', '没有这个准入申请');
    const before = admissionFromRow(row);
    const outcome = decide(before);
    if (!outcome.ok)
      throw new ServicesError('invalid', outcome.issues.map((i) => i.message).join('；'), outcome.issues);
    const after: AdmissionRequest = { ...before, decision: outcome.value };
    const { id: _id, ...record } = after;
    await tx
      .update(workAdmissions)
      .set({
        status: outcome.value.outcome,
        decidedOn: outcome.value.on,
        fundingFen: outcome.value.funding?.amountFen ?? null,
        record,
        updatedAt: who.at,
      })
      .where(eq(workAdmissions.id, id));
    await writeAudit(tx, {
      actor: who.actor,
      action: 'workload.admission.decide',
      entityType: 'workload.admission',
      entityId: id,
      jurisdictionCode: before.streetCode,
      before,
      after,
      ip: who.ip,
      at: who.at,
    });
    return after;
  });
}

function burdenFromRow(row: typeof workBurdens.$inferSelect): Burden {
  return {
    ...(row.record as Omit<Burden, 'id' | 'communityCode'>),
    ...(row.endedOn ? { endedOn: row.endedOn } : {}),
    id: row.id,
    communityCode: row.communityCode,
  };
}

export async function insertBurden(db: Database, burden: Burden, who: ServicesActor): Promise<Burden> {
  return db.transaction(async (tx) => {
    const { id, communityCode, ...record } = burden;
    await tx.insert(workBurdens).values({
      id,
      communityCode,
      streetCode: communityCode.slice(0, 9),
      kind: burden.kind,
      imposedOn: burden.imposedOn,
      endedOn: burden.endedOn ?? null,
      record,
    });
    await writeAudit(tx, {
      actor: who.actor,
      action: 'workload.burden.record',
      entityType: 'workload.burden',
      entityId: id,
      jurisdictionCode: communityCode,
      before: null,
      after: burden,
      ip: who.ip,
      at: who.at,
    });
    // The burdens determine the snapshot's other signboards: the dashboards must not reuse an older evaluation.
    await markRegistersChanged(tx, communityCode, who.at);
    return burden;
  });
}

export async function findBurden(db: Db, id: string): Promise<Burden | undefined> {
  const [row] = await db.select().from(workBurdens).where(eq(workBurdens.id, id)).limit(1);
  return row ? burdenFromRow(row) : undefined;
}

/** The day a burden stopped; `check` sees the stored burden and refuses with a problem. */
export async function endBurden(
  db: Database,
  id: string,
  endedOn: string,
  who: ServicesActor,
  check: (burden: Burden) => Problem | undefined,
): Promise<Burden> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(workBurdens).where(eq(workBurdens.id, id)).for('update');
    if (!row) throw new ServicesError('not-found', '没有这条负担记录');
    const before = burdenFromRow(row);
    const problem = check(before);
    if (problem) throw invalid(problem);
    const after: Burden = { ...before, endedOn };
    await tx.update(workBurdens).set({ endedOn }).where(eq(workBurdens.id, id));
    await writeAudit(tx, {
      actor: who.actor,
      action: 'workload.burden.end',
      entityType: 'workload.burden',
      entityId: id,
      jurisdictionCode: before.communityCode,
      before,
      after,
      ip: who.ip,
      at: who.at,
    });
    await markRegistersChanged(tx, before.communityCode, who.at);
    return after;
  });
}

/** The burdens of the communities under a node (`prefix`; '' for all), newest first. */
export async function listBurdens(db: Db, prefix: string, limit = 500): Promise<Burden[]> {
  const rows = await db
    .select()
    .from(workBurdens)
    .where(prefix === '' ? undefined : like(workBurdens.communityCode, `${escapeLike(prefix)}%`))
    .orderBy(desc(workBurdens.imposedOn), asc(workBurdens.id))
    .limit(limit);
  return rows.map(burdenFromRow);
}

/** Each community's burdens, for the snapshot (one query per batch). */
export async function loadBurdenRegisters(db: Db, codes: readonly string[]): Promise<Map<string, Burden[]>> {
  const out = new Map<string, Burden[]>();
  if (codes.length === 0) return out;
  const rows = await db
    .select()
    .from(workBurdens)
    .where(inArray(workBurdens.communityCode, [...codes]));
  for (const row of rows) {
    const list = out.get(row.communityCode);
    if (list) list.push(burdenFromRow(row));
    else out.set(row.communityCode, [burdenFromRow(row)]);
  }
  return out;
}

const DEMO_DISTRICT = '370305';
const DEMO_STREET = '370305111';
const DEMO_COMMUNITY = '370305111007';
/** 玄武区, 梅园新村街道 and its 大行宫社区 (Nanjing), the Jiangsu half of the demo. */
const NANJING_DISTRICT = '320102';
const NANJING_STREET = '320102002';
const DAXINGGONG = '320102002002';
const MEIYUAN = '320102002001';

/** Inserts demo rows directly (no audit records: the demo is history, not someone's act). */
async function insertDemoWorkload(
  db: Database,
  district: string,
  lists: Record<WorkListVersion['kind'], string[]>,
  requests: AdmissionRequest[],
  burdens: Burden[],
): Promise<number> {
  const [existing] = await db
    .select({ id: workListVersions.id })
    .from(workListVersions)
    .where(eq(workListVersions.jurisdictionCode, district))
    .limit(1);
  if (existing) return 0;
  const at = new Date('2026-01-05T09:00:00+08:00');
  await db.insert(workListVersions).values(
    Object.entries(lists).map(([kind, titles]) => ({
      jurisdictionCode: district,
      kind: kind as WorkListVersion['kind'],
      version: 1,
      effectiveFrom: '2026-01-01',
      record: { items: titles.map((title) => ({ title })) },
      savedAt: at,
    })),
  );
  for (const r of requests) {
    const { id, ...record } = r;
    await db.insert(workAdmissions).values({
      id,
      streetCode: r.streetCode,
      kind: r.kind,
      status: r.decision?.outcome ?? 'pending',
      appliedOn: r.appliedOn,
      decidedOn: r.decision?.on ?? null,
      fundingFen: r.decision?.funding?.amountFen ?? null,
      record,
    });
  }
  for (const b of burdens) {
    const { id, communityCode, ...record } = b;
    await db.insert(workBurdens).values({
      id,
      communityCode,
      streetCode: communityCode.slice(0, 9),
      kind: b.kind,
      imposedOn: b.imposedOn,
      endedOn: b.endedOn ?? null,
      record,
    });
  }
  return burdens.length;
}

/**
 * The demo's lists (临淄区 and 玄武区, the four kinds each), admission requests of 金山镇 and of
 * 梅园新村街道 (one approved with its funding and one pending each) and the burdens 象山社区 and
 * 大行宫社区 have recorded. Once per district: a second call adds nothing. Returns the burdens added.
 */
export async function seedWorkloadDemo(handle: { db: Database }): Promise<number> {
  return (await seedJinshanWorkload(handle.db)) + (await seedNanjingWorkload(handle.db));
}

async function seedJinshanWorkload(db: Database): Promise<number> {
  const lists: Record<WorkListVersion['kind'], string[]> = {
    party: ['组织开展“三会一课”', '发展党员和党员教育管理', '党组织换届选举'],
    statutory: ['召集居民会议、居民代表会议', '调解民间纠纷', '公开居务、财务'],
    'assist-government': ['人口普查入户登记', '城乡居民医疗保险参保登记', '高龄津贴申领初审'],
    convenience: ['代办居住证明材料', '为行动不便居民上门代办', '便民维修服务信息发布'],
  };
  const applicant = { userId: 'demo-jinshan-office', name: '金山镇党政办' };
  const approved: AdmissionRequest = {
    id: 'demo-admission-gas',
    streetCode: DEMO_STREET,
    communityCodes: [DEMO_COMMUNITY],
    kind: 'assist-government',
    title: '冬季燃气安全入户排查',
    requestedBy: '区住房和城乡建设局',
    reason: '入冬前排查老旧小区燃气管线，需社区协助入户',
    startsOn: '2026-11-01',
    endsOn: '2026-12-31',
    appliedBy: applicant,
    appliedOn: '2026-10-12',
    decision: {
      outcome: 'approved',
      approvingBody: 'civil-affairs',
      by: { userId: 'demo-linzi-civil', name: '临淄区民政局' },
      on: '2026-10-20',
      funding: { amountFen: 1_800_000, source: '区财政购买服务资金' },
      filedWith: { cityCode: '370300', body: 'civil-affairs' },
    },
  };
  const pending: AdmissionRequest = {
    id: 'demo-admission-party',
    streetCode: DEMO_STREET,
    communityCodes: [DEMO_COMMUNITY],
    kind: 'party',
    title: '红色物业示范点创建',
    requestedBy: '区委组织部',
    reason: '在象山社区创建红色物业示范点',
    startsOn: '2027-01-01',
    appliedBy: applicant,
    appliedOn: '2026-11-25',
    funding: { amountFen: 500_000, source: '区级党建经费' },
  };
  const recorder = { userId: 'demo-xs', name: '象山社区居委会' };
  const burdens: Burden[] = [
    {
      id: 'demo-burden-1',
      communityCode: DEMO_COMMUNITY,
      kind: 'task',
      title: '创城迎检材料报送',
      imposedBy: '区文明办',
      imposedOn: '2026-05-10',
      recordedBy: recorder,
    },
    {
      id: 'demo-burden-2',
      communityCode: DEMO_COMMUNITY,
      kind: 'evaluation',
      title: '垃圾分类示范社区评比',
      imposedBy: '区城管局',
      imposedOn: '2026-04-02',
      recordedBy: recorder,
    },
    {
      id: 'demo-burden-3',
      communityCode: DEMO_COMMUNITY,
      kind: 'evaluation',
      title: '平安社区专项考核',
      imposedBy: '区政法委',
      imposedOn: '2026-09-15',
      recordedBy: recorder,
    },
    {
      id: 'demo-burden-4',
      communityCode: DEMO_COMMUNITY,
      kind: 'signboard',
      title: '食品安全宣传站',
      imposedBy: '区市场监管局',
      imposedOn: '2026-03-01',
      endedOn: '2026-08-01',
      recordedBy: recorder,
    },
  ];
  return insertDemoWorkload(db, DEMO_DISTRICT, lists, [approved, pending], burdens);
}

async function seedNanjingWorkload(db: Database): Promise<number> {
  const lists: Record<WorkListVersion['kind'], string[]> = {
    party: ['组织开展“三会一课”', '党员发展和教育管理', '社区“大党委”联席会议'],
    statutory: ['召集居民会议、居民代表会议', '人民调解', '居务公开'],
    'assist-government': ['城乡居民医疗保险参保登记', '退役军人信息采集', '老年人优待证申领初审'],
    convenience: ['代办居住证明材料', '老年助餐点运营协调', '便民服务信息发布'],
  };
  const applicant = { userId: 'demo-meiyuan-office', name: '梅园新村街道党工委办公室' };
  const approved: AdmissionRequest = {
    id: 'demo-admission-elevator',
    streetCode: NANJING_STREET,
    communityCodes: [DAXINGGONG, MEIYUAN],
    kind: 'assist-government',
    title: '既有住宅加装电梯意愿摸底',
    requestedBy: '区住房和城乡建设局',
    reason: '老旧小区加装电梯前须逐户了解居民意愿，需社区协助入户',
    startsOn: '2026-04-01',
    endsOn: '2026-06-30',
    appliedBy: applicant,
    appliedOn: '2026-03-02',
    decision: {
      outcome: 'approved',
      approvingBody: 'civil-affairs',
      by: { userId: 'demo-xuanwu-civil', name: '玄武区民政局' },
      on: '2026-03-16',
      funding: { amountFen: 1_200_000, source: '区财政购买服务资金' },
      filedWith: { cityCode: '320100', body: 'civil-affairs' },
    },
  };
  const pending: AdmissionRequest = {
    id: 'demo-admission-flood',
    streetCode: NANJING_STREET,
    communityCodes: [DAXINGGONG],
    kind: 'assist-government',
    title: '汛期地下空间隐患排查',
    requestedBy: '区应急管理局',
    reason: '汛期前排查地下车库、人防工程积水隐患，需社区协助通知和入户',
    startsOn: '2027-05-01',
    endsOn: '2027-09-30',
    appliedBy: applicant,
    appliedOn: '2026-11-20',
    funding: { amountFen: 600_000, source: '区应急管理专项经费' },
  };
  const recorder = { userId: 'demo-dxg', name: '大行宫社区居委会' };
  const burdens: Burden[] = [
    {
      id: 'demo-burden-dxg-1',
      communityCode: DAXINGGONG,
      kind: 'task',
      title: '文明城市测评问卷入户发放',
      imposedBy: '区文明办',
      imposedOn: '2026-06-08',
      recordedBy: recorder,
    },
    {
      id: 'demo-burden-dxg-2',
      communityCode: DAXINGGONG,
      kind: 'evaluation',
      title: '“美丽庭院”示范社区评比',
      imposedBy: '区妇联',
      imposedOn: '2026-05-12',
      recordedBy: recorder,
    },
    {
      id: 'demo-burden-dxg-3',
      communityCode: DAXINGGONG,
      kind: 'evaluation',
      title: '消防安全示范社区考核',
      imposedBy: '区消防救援大队',
      imposedOn: '2026-10-09',
      recordedBy: recorder,
    },
  ];
  return insertDemoWorkload(db, NANJING_DISTRICT, lists, [approved, pending], burdens);
}
