/**
 * Demo service cases: some months of a community's work, built through `openCase` and `applyStep`
 * as a worker's would be, so every demo case passes the same rules. Deterministic: the same inputs
 * give the same cases. Residents are fictional; identity numbers carry a valid check digit.
 */
import { fictionalIdNumber } from '@shequ/people';
import { applyStep, type CaseActor, openCase, type ServiceCase, type StepInput } from './cases.js';
import type { Visit, VisitTarget, VisitTargetKind } from './visits.js';
import { defaultWindows, type ServiceCategory } from './windows.js';

/** 象山社区 (金山镇) and 大湾社区 (鄂州市华容区), the communities the demo fills. */
export const DEMO_SERVICE_COMMUNITIES = { xiangshan: '370305111007', ezhou: '420703101006' } as const;

interface Template {
  category: ServiceCategory;
  subject: string;
  channel: 'window' | 'hotline' | 'home-visit';
  agency?: string;
  result: string;
}

const templates: readonly Template[] = [
  {
    category: 'assistance-welfare',
    subject: '申请临时救助',
    channel: 'window',
    result: '已报街道审批并发放',
  },
  {
    category: 'employment-social-security',
    subject: '咨询灵活就业社保缴费',
    channel: 'window',
    result: '已解答并协助登记',
  },
  {
    category: 'health-disability',
    subject: '办理残疾人护理补贴',
    channel: 'home-visit',
    result: '已上门采集材料并报送',
  },
  {
    category: 'property-environment',
    subject: '反映楼道堆放杂物',
    channel: 'hotline',
    result: '已协调物业清理',
  },
  {
    category: 'complaint',
    subject: '投诉小区路灯损坏未修',
    channel: 'hotline',
    result: '已督促物业维修并回访',
  },
  {
    category: 'agency',
    subject: '代办高龄津贴认证',
    channel: 'home-visit',
    agency: '区民政局',
    result: '认证通过',
  },
  { category: 'marriage-funeral', subject: '开具婚育情况证明', channel: 'window', result: '当场开具' },
  { category: 'public-order', subject: '邻里噪音纠纷调解', channel: 'window', result: '双方达成调解协议' },
  { category: 'party', subject: '党员组织关系转入', channel: 'window', result: '已办理转入' },
  { category: 'education-culture', subject: '报名老年大学书法班', channel: 'window', result: '已报名' },
];

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const givenNames = ['秀英', '桂兰', '建国', '志强', '海燕', '玉兰', '国华', '淑珍'];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A China-time working hour of a date as an instant. */
const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/**
 * `count` cases received between `from` and `to` (dates), spread evenly, handled by `workers` in turn.
 * Cases received more than their promised days before `to` are mostly closed (a few late); the rest
 * stay open, some past their promised date. The ids are `${prefix}-${n}`.
 */
export function demoCases(options: {
  communityCode: string;
  region: string;
  workers: readonly CaseActor[];
  from: string;
  to: string;
  count: number;
  prefix: string;
}): ServiceCase[] {
  const { communityCode, workers, from, to, count } = options;
  const span = Math.max(1, (Date.parse(to) - Date.parse(from)) / 86_400_000);
  const out: ServiceCase[] = [];
  for (let n = 0; n < count; n++) {
    const template = templates[n % templates.length] as Template;
    const by = workers[n % workers.length] as CaseActor;
    const receivedOn = addDays(from, Math.floor((n * span) / count));
    const birthYear = 1940 + ((n * 7) % 50);
    const elderly = birthYear < 1960;
    const resident = {
      name: `${surnames[n % surnames.length]}${givenNames[n % givenNames.length]}`,
      idNumber: fictionalIdNumber(options.region, `${birthYear}-0${(n % 9) + 1}-1${n % 9}`, (n % 400) + 1),
      phone: `1370000${String(2000 + n).padStart(4, '0')}`,
      address: `${(n % 12) + 1}号楼${(n % 4) + 1}单元${(n % 6) + 1}0${(n % 2) + 1}室`,
      conditions: elderly ? ['elderly' as const] : [],
    };
    const opened = openCase(
      {
        communityCode,
        channel: template.channel,
        ...(template.channel === 'hotline'
          ? { hotlineTicket: `12345-${receivedOn.replaceAll('-', '')}-${n}` }
          : {}),
        category: template.category,
        subject: template.subject,
        resident,
        homeService: template.channel === 'home-visit',
        ...(template.agency ? { agency: template.agency } : {}),
      },
      {
        id: `${options.prefix}-${n + 1}`,
        at: at(receivedOn, 9 + (n % 7)),
        by,
        windows: defaultWindows(communityCode),
      },
    );
    if (!opened.ok) throw new Error(`demo case ${n}: ${opened.issues.map((i) => i.message).join('；')}`);
    let c = opened.case;
    const step = (input: StepInput, on: string, who: CaseActor = by) => {
      const next = applyStep(c, input, at(on, 15), who);
      if (!next.ok) throw new Error(`demo case ${n}: ${next.issues.map((i) => i.message).join('；')}`);
      c = next.case;
    };
    const other = workers[(n + 1) % workers.length] as CaseActor;
    if (n % 5 === 2 && other.userId !== by.userId)
      step({ kind: 'transfer', input: { to: other, reason: '属其分管条线' } }, receivedOn);
    // Every ninth case runs late; the last few received stay open.
    const late = n % 9 === 4;
    const closeOn = late ? addDays(c.promisedOn, 2) : addDays(receivedOn, Math.max(0, (n % 3) - 1));
    if (closeOn < to && n < count - 4) {
      if (template.agency) {
        step({ kind: 'agency-submitted', input: { agency: template.agency, on: receivedOn } }, receivedOn);
        step({ kind: 'agency-answered', input: { answer: template.result, on: closeOn } }, closeOn);
      }
      step(
        {
          kind: 'close',
          input: { result: template.result, toldOn: closeOn, toldHow: n % 2 ? 'phone' : 'in-person' },
        },
        closeOn,
      );
    }
    out.push(c);
  }
  return out;
}

const demoTargets: readonly { kind: VisitTargetKind; name: string; address?: string; sinceOffset: number }[] =
  [
    { kind: 'lonely-elderly', name: '刘秀英（独居）', address: '3号楼2单元101室', sinceOffset: 0 },
    { kind: 'poor-family', name: '张志强家（低保）', address: '5号楼1单元302室', sinceOffset: 0 },
    { kind: 'seriously-ill', name: '陈国华（尿毒症）', address: '8号楼3单元201室', sinceOffset: 30 },
    { kind: 'left-behind', name: '杨海燕（留守）', address: '1号楼1单元502室', sinceOffset: 60 },
    { kind: 'released-prisoner', name: '吴某（刑满释放）', address: '11号楼2单元402室', sinceOffset: 90 },
    { kind: 'family-dispute', name: '9号楼赡养纠纷', sinceOffset: 120 },
    { kind: 'emergency', name: '6号楼水管爆裂', sinceOffset: 170 },
  ];

/**
 * A community's 「三必到、五必访」 register from `from`, with monthly visits to most households until
 * `to` (the seriously ill one missed lately, the last event not yet attended), so the coverage shows
 * both kept and missed visits. Ids are `${prefix}-t${n}` and `${prefix}-v${n}`.
 */
export function demoVisits(options: {
  communityCode: string;
  workers: readonly CaseActor[];
  from: string;
  to: string;
  prefix: string;
}): { targets: VisitTarget[]; visits: Visit[] } {
  const targets: VisitTarget[] = demoTargets.map((t, i) => ({
    id: `${options.prefix}-t${i + 1}`,
    communityCode: options.communityCode,
    kind: t.kind,
    name: t.name,
    ...(t.address ? { address: t.address } : {}),
    since: addDays(options.from, t.sinceOffset),
  }));
  const visits: Visit[] = [];
  for (const [i, t] of targets.entries()) {
    const by = options.workers[i % options.workers.length] as CaseActor;
    const add = (on: string) =>
      visits.push({
        id: `${options.prefix}-v${visits.length + 1}`,
        targetId: t.id,
        on,
        by,
        summary: '上门走访，了解近况',
      });
    if (t.kind === 'emergency') continue;
    if (t.kind === 'family-dispute') {
      add(t.since);
      continue;
    }
    // Every 25 days; the seriously ill resident's visits stop two months before the end.
    const stop = t.kind === 'seriously-ill' ? addDays(options.to, -60) : options.to;
    for (let on = addDays(t.since, 3); on <= stop; on = addDays(on, 25)) add(on);
  }
  return { targets, visits };
}
