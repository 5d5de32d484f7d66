/**
 * Demo registers for 大行宫社区居委会 (320102002002, Nanjing) and 象山社区居委会 (370305111007, 金山镇):
 * a year of meetings, consultations, charters, disclosures and meetings imposed by higher levels, from
 * December 2025 to the end of 2026, and the residents' meeting of January 2025 that heard the yearly report. The records are fictional but keep to the procedures, with a few
 * slips a real year has (a notice given late, an accounts quarter missed), so the console and the
 * compliance page have something to show.
 */
import { addDays } from './dates.js';
import {
  type Charter,
  type CharterInput,
  type Consultation,
  type ConsultationInput,
  charter,
  consultation,
  type DeliberationBody,
  type DemocracyRegisters,
  type Disclosure,
  type DisclosureInput,
  deliberationBody,
  disclosure,
  type Election,
  type ElectionInput,
  election,
  type ImposedMeeting,
  imposedMeeting,
  type Meeting,
  type MeetingInput,
  meeting,
  type PublicContact,
  publicContact,
} from './records.js';

export const DAXINGGONG = '320102002002';
export const XIANGSHAN = '370305111007';

const months = [
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
  '2026-11',
] as const;

interface Setting {
  code: string;
  name: string;
  street: string;
  /** Late notice on one residents' meeting (held short of ten days), for the warning. */
  lateNoticeMeeting: boolean;
}

function meetingsOf(s: Setting): Meeting[] {
  const id = (suffix: string) => `${s.code}-m-${suffix}`;
  const out: MeetingInput[] = months.map((month) => ({
    id: id(`work-${month}`),
    communityCode: s.code,
    kind: 'monthly-work-meeting',
    title: `${month.slice(0, 4)}年${Number(month.slice(5))}月工作例会`,
    heldOn: `${month}-05`,
    agenda: ['上月工作小结', '本月重点工作安排', '居民诉求办理情况'],
    decisions: [{ text: '通过本月工作安排' }],
  }));
  out.push(
    {
      id: id('residents-2025-01'),
      communityCode: s.code,
      kind: 'residents-meeting',
      title: '2025年度第一次居民会议',
      noticeOn: '2025-01-06',
      heldOn: '2025-01-18',
      agenda: ['居委会成员述职述廉述法', '民主评议居委会成员'],
      attendance: { basis: 'households', eligible: 418, present: 259 },
      decisions: [
        { text: '通过2025年度社区工作计划', votes: { cast: 259, for: 240, against: 7, abstain: 12 } },
      ],
      annualReport: true,
    },
    {
      id: id('residents-2026-01'),
      communityCode: s.code,
      kind: 'residents-meeting',
      title: '2026年度第一次居民会议',
      noticeOn: '2026-01-08',
      heldOn: '2026-01-20',
      agenda: ['居委会成员述职述廉述法', '民主评议居委会成员', '审议2026年度工作计划'],
      attendance: { basis: 'households', eligible: 420, present: 268 },
      decisions: [
        { text: '通过2026年度社区工作计划', votes: { cast: 268, for: 251, against: 6, abstain: 11 } },
      ],
      annualReport: true,
      minutes: '会议由居委会主任主持，居委会成员逐一述职，到会户代表进行了民主评议。',
    },
    {
      id: id('residents-2026-07'),
      communityCode: s.code,
      kind: 'residents-meeting',
      title: '2026年度第二次居民会议',
      noticeOn: s.lateNoticeMeeting ? '2026-07-08' : '2026-07-01',
      heldOn: '2026-07-15',
      agenda: ['表决老旧小区加装电梯费用分摊方案', '通报上半年居务公开情况'],
      attendance: { basis: 'households', eligible: 420, present: 233 },
      decisions: [
        { text: '通过加装电梯费用分摊方案', votes: { cast: 233, for: 171, against: 40, abstain: 22 } },
      ],
      annualReport: false,
    },
    {
      id: id('representatives-2026-04'),
      communityCode: s.code,
      kind: 'representatives-meeting',
      title: '居民代表会议',
      noticeOn: '2026-04-03',
      heldOn: '2026-04-18',
      agenda: ['表决居民自治章程修订稿', '表决居民公约'],
      attendance: { basis: 'group-delegates', eligible: 64, present: 57 },
      decisions: [
        { text: '通过居民自治章程（修订）', votes: { cast: 57, for: 54, against: 1, abstain: 2 } },
        { text: '通过居民公约', votes: { cast: 57, for: 55, against: 0, abstain: 2 } },
      ],
    },
    {
      id: id('joint-2026-03'),
      communityCode: s.code,
      kind: 'joint-meeting',
      title: '两委联席会议',
      heldOn: '2026-03-12',
      agenda: ['研究确定年度协商议题'],
      decisions: [{ text: '确定停车管理、电梯加装、垃圾分类三项协商议题' }],
    },
    {
      id: id('residents-2026-12'),
      communityCode: s.code,
      kind: 'residents-meeting',
      title: '2026年度第三次居民会议',
      heldOn: '2026-12-18',
      agenda: ['通报全年协商成果落实情况'],
      decisions: [],
    },
  );
  return out.map((m) => meeting.parse(m));
}

function consultationsOf(s: Setting): Consultation[] {
  const id = (suffix: string) => `${s.code}-c-${suffix}`;
  const list: ConsultationInput[] = [
    {
      id: id('parking'),
      communityCode: s.code,
      topic: '小区夜间停车秩序',
      parties: ['居民代表', '物业服务企业', '业主委员会', '社区民警'],
      noticeOn: '2026-03-20',
      heldOn: '2026-03-27',
      outcomes: [
        {
          text: '施划夜间临时停车位',
          owner: '物业服务企业',
          dueOn: '2026-05-31',
          doneOn: '2026-05-20',
          disclosedOn: '2026-05-25',
        },
        {
          text: '建立车辆挪车联系群',
          owner: '居委会',
          dueOn: '2026-04-30',
          doneOn: '2026-04-10',
          disclosedOn: '2026-04-15',
        },
      ],
      contested: false,
    },
    {
      id: id('elevator'),
      communityCode: s.code,
      topic: '老旧小区加装电梯费用分摊',
      parties: ['相关楼栋居民', '街道城建科', '设计单位'],
      noticeOn: '2026-05-28',
      heldOn: '2026-06-06',
      outcomes: [
        {
          text: '形成费用分摊方案提交居民会议',
          owner: '居委会',
          dueOn: '2026-07-15',
          doneOn: '2026-07-15',
          disclosedOn: '2026-07-20',
        },
      ],
      contested: true,
      submittedToMeetingId: `${s.code}-m-residents-2026-07`,
    },
    {
      id: id('waste'),
      communityCode: s.code,
      topic: '垃圾分类投放点调整',
      parties: ['居民代表', '环卫所', '物业服务企业'],
      noticeOn: '2026-09-01',
      heldOn: '2026-09-09',
      outcomes: [
        { text: '撤并两处投放点并加装洗手池', owner: '环卫所', dueOn: '2026-11-30', doneOn: '2026-11-18' },
        { text: '设置定时定点督导员', owner: '居委会', dueOn: '2026-12-31' },
      ],
      contested: false,
    },
  ];
  return list.map((c) => consultation.parse(c));
}

function chartersOf(s: Setting): Charter[] {
  const list: CharterInput[] = [
    {
      id: `${s.code}-charter`,
      communityCode: s.code,
      kind: 'autonomy-charter',
      title: `${s.name}居民自治章程`,
      versions: [
        {
          version: 1,
          text: '第一条 为保障居民依法自治，根据《中华人民共和国城市居民委员会组织法》，制定本章程。',
          draftedOn: '2021-03-01',
          reviewedOn: '2021-03-20',
          adoptedOn: '2021-04-10',
          filedOn: '2021-04-16',
          publishedOn: '2021-04-16',
        },
        {
          version: 2,
          text: '第一条 为保障居民依法自治，根据《中华人民共和国城市居民委员会组织法》，制定本章程。\n第二条 居民会议每年至少召开两次。',
          draftedOn: '2026-02-10',
          consultedOn: '2026-03-01',
          reviewedOn: '2026-03-25',
          adoptedOn: '2026-04-18',
          filedOn: '2026-04-24',
          publishedOn: '2026-04-24',
        },
      ],
    },
    {
      id: `${s.code}-covenant`,
      communityCode: s.code,
      kind: 'residents-covenant',
      title: `${s.name}居民公约`,
      versions: [
        {
          version: 1,
          text: '爱党爱国，遵纪守法；邻里和睦，互帮互助；爱护环境，垃圾分类；文明养犬，规范停车。',
          draftedOn: '2026-02-10',
          consultedOn: '2026-03-01',
          reviewedOn: '2026-03-25',
          adoptedOn: '2026-04-18',
          filedOn: '2026-04-27',
          publishedOn: '2026-04-27',
        },
      ],
    },
  ];
  return list.map((c) => charter.parse(c));
}

function disclosuresOf(s: Setting): Disclosure[] {
  const list: DisclosureInput[] = [];
  const id = (suffix: string) => `${s.code}-d-${suffix}`;
  for (const month of months) {
    list.push({
      id: id(`important-${month}`),
      communityCode: s.code,
      category: 'important',
      title: `${month.slice(0, 4)}年${Number(month.slice(5))}月重要事项公开`,
      body: '低保、临时救助发放名单（已隐去身份证号）；本月居民会议决定事项及实施情况。',
      on: `${month}-10`,
    });
  }
  for (const [quarter, on] of [
    ['2025Q4', '2025-12-15'],
    ['2026Q1', '2026-03-16'],
    ['2026Q2', '2026-06-15'],
    ['2026Q3', '2026-09-15'],
  ] as const) {
    list.push({
      id: id(`routine-${quarter}`),
      communityCode: s.code,
      category: 'routine',
      title: `${quarter.slice(0, 4)}年第${quarter.slice(5)}季度常规事项公开`,
      body: '居委会年度工作计划执行情况；下属委员会工作开展情况；社区服务项目实施情况。',
      on,
    });
    list.push({
      id: id(`finance-${quarter}`),
      communityCode: s.code,
      category: 'finance',
      title: `${quarter.slice(0, 4)}年第${quarter.slice(5)}季度收支账目公开`,
      body: '工作经费、党组织服务群众经费收支明细。',
      on: addDays(on, 5),
    });
  }
  return list.map((d) => disclosure.parse(d));
}

/** Weekly street work meetings on Mondays, two district meetings, the street's other meetings monthly (twice in June). */
function imposedOf(s: Setting): ImposedMeeting[] {
  const list: ImposedMeeting[] = [];
  for (let monday = '2026-01-05'; monday <= '2026-11-30'; monday = addDays(monday, 7)) {
    list.push({
      id: `${s.code}-i-work-${monday}`,
      communityCode: s.code,
      level: 'street-work',
      organiser: s.street,
      title: '街道社区书记、主任周例会',
      heldOn: monday,
    });
  }
  for (const [on, title] of [
    ['2026-02-26', '全区基层治理工作会议'],
    ['2026-08-20', '全区民政工作推进会'],
  ] as const)
    list.push({
      id: `${s.code}-i-district-${on}`,
      communityCode: s.code,
      level: 'district',
      organiser: '区民政局',
      title,
      heldOn: on,
    });
  for (const on of ['2026-03-18', '2026-06-10', '2026-06-24', '2026-09-16']) {
    list.push({
      id: `${s.code}-i-street-${on}`,
      communityCode: s.code,
      level: 'street-other',
      organiser: s.street,
      title: '街道专项工作部署会',
      heldOn: on,
    });
  }
  return list.map((m) => imposedMeeting.parse(m));
}

/** The elections of the current term (2021–2026), held in the spring of 2021. */
function electionsOf(s: Setting): Election[] {
  const list: ElectionInput[] = [
    {
      id: `${s.code}-e-committee-2021`,
      communityCode: s.code,
      kind: 'committee',
      heldOn: '2021-05-16',
      termEndsOn: '2026-05-31',
      seats: 5,
      votesCast: 1260,
      secretBallot: true,
      candidates: [
        { name: '陈主任', post: 'chair', votes: 1102, elected: true },
        { name: '刘副主任', post: 'vice-chair', votes: 987, elected: true },
        { name: '张委员', post: 'member', votes: 921, elected: true },
        { name: '李委员', post: 'member', votes: 876, elected: true },
        { name: '周委员', post: 'member', votes: 812, elected: true },
        { name: '吴候选人', post: 'member', votes: 433, elected: false },
      ],
    },
    {
      id: `${s.code}-e-supervision-2021`,
      communityCode: s.code,
      kind: 'supervision',
      heldOn: '2021-05-16',
      termEndsOn: '2026-05-31',
      seats: 3,
      votesCast: 1260,
      secretBallot: true,
      candidates: [
        { name: '郑主任', post: 'chair', votes: 1015, elected: true },
        { name: '王委员', post: 'member', votes: 968, elected: true },
        { name: '冯委员', post: 'member', votes: 902, elected: true },
      ],
    },
  ];
  // The term was renewed in the 2026 elections.
  const renewed: ElectionInput[] = list.map((e) => ({
    ...e,
    id: e.id.replace('2021', '2026'),
    heldOn: '2026-05-24',
    termEndsOn: '2031-05-31',
    votesCast: 1302,
    candidates: e.candidates.map((c) => ({ ...c, votes: Math.min(1302, c.votes + 40) })),
  }));
  // The first resident group chose its leader for the new term a month later (Ezhou 第七条（二））.
  renewed.push({
    id: `${s.code}-e-group-1-2026`,
    communityCode: s.code,
    kind: 'resident-group',
    residentGroupName: '第一居民小组',
    heldOn: '2026-06-20',
    termEndsOn: '2031-05-31',
    seats: 1,
    votesCast: 214,
    secretBallot: false,
    candidates: [{ name: '何玉兰', post: 'group-leader', votes: 187, elected: true }],
  });
  return [...list, ...renewed].map((e) => election.parse(e));
}

/**
 * The deliberation body (2013 city regulation 第十七、十八条): set up in 2019 with members of each
 * sector; 大行宫 adopted its rules, 象山 has not yet, so the pack has a pass and a fail to show.
 */
function deliberationBodiesOf(s: Setting): DeliberationBody[] {
  return [
    deliberationBody.parse({
      id: `${s.code}-d-body`,
      communityCode: s.code,
      name: `${s.name}议事协商委员会`,
      establishedOn: '2019-03-15',
      members: [
        { name: '陈主任', sector: 'committee-head', selection: 'recommendation' },
        { name: '孙居民', sector: 'resident', selection: 'application' },
        { name: '钱居民', sector: 'resident', selection: 'recommendation' },
        { name: '物业公司代表', sector: 'unit', selection: 'recommendation' },
        { name: '志愿者协会代表', sector: 'organisation', selection: 'application' },
      ],
      ...(s.lateNoticeMeeting
        ? {
            rulesAdoptedOn: '2019-04-10',
            rules:
              '一、议事范围：涉及本社区居民利益的公共事务。\n二、议事程序：提出议题、通报内容、协商讨论、形成意见、公开结果。',
          }
        : {}),
    }),
  ];
}

function registersOf(s: Setting): DemocracyRegisters {
  return {
    meetings: meetingsOf(s),
    imposedMeetings: imposedOf(s),
    consultations: consultationsOf(s),
    charters: chartersOf(s),
    disclosures: disclosuresOf(s),
    elections: electionsOf(s),
    deliberationBodies: deliberationBodiesOf(s),
  };
}

/** The demo registers by community code. */
export function demoDemocracyRegisters(): Map<string, DemocracyRegisters> {
  return new Map([
    [
      DAXINGGONG,
      registersOf({
        code: DAXINGGONG,
        name: '大行宫社区',
        street: '新街口街道办事处',
        lateNoticeMeeting: true,
      }),
    ],
    [
      XIANGSHAN,
      registersOf({ code: XIANGSHAN, name: '象山社区', street: '金山镇人民政府', lateNoticeMeeting: false }),
    ],
  ]);
}

/** The offices' public contacts of the two demo communities (fictional numbers). */
export function demoPublicContacts(): PublicContact[] {
  return [
    {
      communityCode: DAXINGGONG,
      address: '南京市玄武区新街口街道大行宫社区党群服务中心一楼',
      officePhone: '025-84651234',
      hours: '周一至周五 8:30—12:00，14:00—17:30；周六上午值班',
    },
    {
      communityCode: XIANGSHAN,
      address: '淄博市临淄区金山镇象山社区党群服务中心',
      officePhone: '0533-7281234',
      hours: '周一至周五 8:30—11:30，13:30—17:30',
    },
  ].map((c) => publicContact.parse(c));
}
