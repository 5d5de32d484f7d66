/**
 * Items 11, 12, 15, 16 and 19: notice periods, the filing deadline of charters and covenants, the
 * disclosure cadence, the monthly work meeting and the yearly report to the residents' meeting.
 * Only events on or after the guideline took effect, and not after `asOf`, are judged.
 */
import { check } from '../../engine/index.js';
import { addDays, daysAfter, lastCompletePeriod, monthsBefore, type Period, within } from './calendar.js';
import { cite, JIANGSU_IN_FORCE, jiangsuParameter } from './document.js';

const noticeQuote = '居民会议由社区居民委员会召集和主持。一般应提前十日发布公告告知全体居民。';
const consultationQuote =
  '协商的一般程序是:社区党组织、居民委员会在充分征求意见的基础上研究确认协商议题,确定参与协商的各类主体;通过书面及其他方式,向参与协商的各类主体提前通报协商内容和相关信息;';
const filingQuote =
  '社区党组织、居民委员会应于居民会议表决通过后十日内,将居民自治章程、居民公约报街道办事处(乡镇人民政府)备案,同时向社区居民公布。';
const disclosureQuote =
  '常规性事项一般每季度公开一次,重要事项一般每月公开一次。对群众关心的重大问题和普遍要求公开的内容随时予以公开,对涉及时间较长的事项分阶段公开。';
const monthlyMeetingQuote = '月度例会制度。每月召开1次工作例会。';
const annualReportQuote =
  '居民委员会成员每年向居民会议述职述廉述法,并接受对其履职情况的民主评议,评议结果应及时向居民公布。';

export const procedureParameters = [
  jiangsuParameter('residentsMeetingNoticeDays', '居民会议提前公告天数', '日', 10, '11（1）', noticeQuote),
  jiangsuParameter(
    'charterFilingDays',
    '居民自治章程、居民公约表决通过后备案期限',
    '日',
    10,
    '15（5）',
    filingQuote,
  ),
];

/**
 * Item 11 lets a residents' meeting be made of household or group representatives, while the
 * snapshot records `representatives-meeting` as a kind of its own.
 */
const meetingKinds = {
  id: 'jiangsu.residents-meeting-kinds',
  name: '“居民会议”是否包括由居民小组推选代表组成的居民代表会议',
  chosen: '仅 residents-meeting（居民会议）',
  alternative: 'residents-meeting 与 representatives-meeting（居民代表会议）都算',
} as const;

/** "每季度 / 每月 / 每年" in items 16 and 19. */
const calendarPeriods = {
  id: 'jiangsu.calendar-periods',
  name: '“每季度、每月、每年”按自然周期还是按评估日往前滚动计算',
  chosen: '按自然季度、自然月、自然年：评估日前最近一个已结束的周期内应有',
  alternative: '按滚动周期：评估日前3个月、1个月、12个月内应有',
} as const;

/**
 * 16（3） sorts what is disclosed into routine and important matters and names no third kind; the
 * accounts (财务收支), which Jinshan 第九条（三） has disclosed "定期" with no period, are kept as a
 * category of their own. Read as the routine matters they most resemble (recurring, not a single
 * decision), a quarter with the accounts disclosed has its routine disclosure; the alternative holds the
 * accounts a separate duty that does not stand in for the routine one.
 */
const accountsRoutine = {
  id: 'jiangsu.accounts-routine',
  name: '16（3）常规性事项是否包括财务收支（账目）的公开',
  chosen: '财务收支属常规性事项：公开账目即算一次常规性事项公开',
  alternative: '财务收支另行公开，不计入常规性事项的公开次数',
} as const;

/** Item 12 says "提前" and no period. */
const consultationAdvance = {
  id: 'jiangsu.consultation-advance',
  name: '协商内容“提前通报”：须早于协商当日还是当日会前亦可',
  chosen: '通报日早于协商日（至少提前1日）',
  alternative: '通报日不晚于协商日（当日会前通报也算提前）',
} as const;

/** Recorded filings are the facts; a charter without `filedOn` is not known to be unfiled. */
const unrecordedFiling = {
  id: 'jiangsu.unrecorded-filing',
  name: '备案期限已过而没有备案日期：未备案还是未记录',
  chosen: '视为未记录，无法判断',
  alternative: '视为未备案，不符合',
} as const;

const meetingLabel: Record<string, string> = {
  'residents-meeting': '居民会议',
  'representatives-meeting': '居民代表会议',
  'consultation-meeting': '协商会',
  'monthly-work-meeting': '工作例会',
};

interface Held {
  kind: string;
  heldOn: string;
  noticeOn?: string;
}

const judged = (date: string, asOf: string) => date >= JIANGSU_IN_FORCE && date <= asOf;

const residentsMeetingKinds = (alternative: (id: string) => boolean): ReadonlySet<string> =>
  new Set(
    alternative(meetingKinds.id) ? ['residents-meeting', 'representatives-meeting'] : ['residents-meeting'],
  );

/** The period a "每月/每季度/每年" cadence is judged on, or why there is none yet. */
function cadencePeriod(
  asOf: string,
  months: 1 | 3 | 12,
  rolling: boolean,
): { period: Period; label: string } | { notApplicable: string } {
  const period = rolling
    ? { from: addDays(monthsBefore(asOf, months), 1), to: asOf }
    : lastCompletePeriod(asOf, months);
  if (period.from < JIANGSU_IN_FORCE) {
    return { notApplicable: `考察期${period.from}至${period.to}始于指引施行（${JIANGSU_IN_FORCE}）之前` };
  }
  return { period, label: `${period.from}至${period.to}` };
}

export const procedureRules = [
  // "一般应提前十日": the hedge "一般" governs "应", so a short notice warns. Ten days are counted
  // without the notice day (民法典第二百零一条): notice on the 1st, meeting on the 11th or later.
  check({
    id: 'jiangsu.residents-meeting-notice',
    title: '居民会议一般应提前十日发布公告告知全体居民',
    citation: cite('11（1）', noticeQuote),
    binding: 'guiding',
    facts: { meetings: 'meetings' },
    params: ['residentsMeetingNoticeDays'],
    interpretations: [meetingKinds],
    evaluate: ({ facts, params, asOf, alternative }) => {
      const kinds = residentsMeetingKinds(alternative);
      const meetings: Held[] = facts.meetings.filter((m) => kinds.has(m.kind) && judged(m.heldOn, asOf));
      if (meetings.length === 0) return { notApplicable: `指引施行以来至${asOf}没有居民会议记录` };
      const expected = `会议日前至少${params.residentsMeetingNoticeDays}日公告`;
      const late = meetings.filter(
        (m) =>
          m.noticeOn !== undefined && daysAfter(m.noticeOn, m.heldOn) < params.residentsMeetingNoticeDays,
      );
      if (late.length > 0) {
        return {
          holds: false,
          expected,
          actual: late
            .map((m) => `${m.heldOn}${meetingLabel[m.kind]}提前${daysAfter(m.noticeOn!, m.heldOn)}日公告`)
            .join('；'),
        };
      }
      const unrecorded = meetings.filter((m) => m.noticeOn === undefined);
      if (unrecorded.length > 0) {
        return { unknown: `${unrecorded.map((m) => m.heldOn).join('、')}的会议未记录公告日期（noticeOn）` };
      }
      return { holds: true, expected, actual: `${meetings.length}次会议均按期公告` };
    },
  }),
  // Item 12（4） describes "协商的一般程序", so a miss warns.
  check({
    id: 'jiangsu.consultation-notice',
    title: '协商前向参与协商的各类主体提前通报协商内容和相关信息',
    citation: cite('12（4）', consultationQuote),
    binding: 'guiding',
    facts: { meetings: 'meetings' },
    interpretations: [consultationAdvance],
    evaluate: ({ facts, asOf, alternative }) => {
      const meetings: Held[] = facts.meetings.filter(
        (m) => m.kind === 'consultation-meeting' && judged(m.heldOn, asOf),
      );
      if (meetings.length === 0) return { notApplicable: `指引施行以来至${asOf}没有协商会记录` };
      const sameDayCounts = alternative(consultationAdvance.id);
      const expected = sameDayCounts ? '不晚于协商当日通报' : '至少提前1日通报';
      const late = meetings.filter(
        (m) => m.noticeOn !== undefined && (sameDayCounts ? m.noticeOn > m.heldOn : m.noticeOn >= m.heldOn),
      );
      if (late.length > 0) {
        return {
          holds: false,
          expected,
          actual: late.map((m) => `${m.heldOn}协商会于${m.noticeOn}通报`).join('；'),
        };
      }
      const unrecorded = meetings.filter((m) => m.noticeOn === undefined);
      if (unrecorded.length > 0) {
        return { unknown: `${unrecorded.map((m) => m.heldOn).join('、')}的协商会未记录通报日期（noticeOn）` };
      }
      return { holds: true, expected, actual: `${meetings.length}次协商会均提前通报` };
    },
  }),
  // "十日内" includes the tenth day after adoption (民法典第一千二百五十九条、第二百零一条).
  check({
    id: 'jiangsu.charter-filing',
    title: '居民自治章程、居民公约应于居民会议表决通过后十日内报街道办事处（乡镇人民政府）备案',
    citation: cite('15（5）', filingQuote),
    binding: 'binding',
    facts: { charters: 'charters' },
    params: ['charterFilingDays'],
    interpretations: [unrecordedFiling],
    evaluate: ({ facts, params, asOf, alternative }) => {
      const days = params.charterFilingDays;
      const charters = facts.charters.filter((c) => judged(c.adoptedOn, asOf));
      if (charters.length === 0)
        return { notApplicable: `指引施行以来至${asOf}没有表决通过的居民自治章程或居民公约` };
      const label = (kind: string) => (kind === 'autonomy-charter' ? '居民自治章程' : '居民公约');
      const expected = `表决通过后${days}日内备案`;
      const overdue: string[] = [];
      const unrecorded: string[] = [];
      const inconsistent: string[] = [];
      for (const c of charters) {
        const name = `${c.adoptedOn}通过的${label(c.kind)}`;
        if (c.filedOn === undefined) {
          if (daysAfter(c.adoptedOn, asOf) <= days) continue;
          if (alternative(unrecordedFiling.id)) overdue.push(`${name}逾期未备案`);
          else unrecorded.push(name);
        } else if (c.filedOn < c.adoptedOn) {
          inconsistent.push(`${name}的备案日期${c.filedOn}早于通过日期`);
        } else if (daysAfter(c.adoptedOn, c.filedOn) > days) {
          overdue.push(`${name}于第${daysAfter(c.adoptedOn, c.filedOn)}日备案`);
        }
      }
      if (overdue.length > 0) return { holds: false, expected, actual: overdue.join('；') };
      if (inconsistent.length > 0) return { unknown: inconsistent.join('；') };
      if (unrecorded.length > 0)
        return { unknown: `${unrecorded.join('、')}已过备案期限，未记录备案日期（filedOn）` };
      return { holds: true, expected, actual: `${charters.length}份均按期备案或仍在期限内` };
    },
  }),
  // "重要事项一般每月公开一次" is read as a monthly disclosure of important matters; whether a month
  // had any important matter the snapshot cannot say, which is one more reason this only warns.
  ...(
    [
      { kind: 'routine', months: 3, label: '常规性事项', cadence: '每季度', accounts: true },
      { kind: 'important', months: 1, label: '重要事项', cadence: '每月', accounts: false },
    ] as const
  ).map((d) =>
    check({
      id: `jiangsu.${d.kind}-disclosure`,
      title: `居务公开：${d.label}一般${d.cadence}公开一次`,
      citation: cite('16（3）', disclosureQuote),
      binding: 'guiding',
      facts: { disclosures: 'disclosures' },
      interpretations: d.accounts ? [calendarPeriods, accountsRoutine] : [calendarPeriods],
      evaluate: ({ facts, asOf, alternative }) => {
        const judgedOn = cadencePeriod(asOf, d.months, alternative(calendarPeriods.id));
        if ('notApplicable' in judgedOn) return judgedOn;
        const accountsCount = d.accounts && !alternative(accountsRoutine.id);
        const count = facts.disclosures.filter(
          (x) =>
            (x.kind === d.kind || (accountsCount && x.kind === 'finance')) && within(x.on, judgedOn.period),
        ).length;
        return {
          holds: count > 0,
          expected: `${judgedOn.label}至少公开一次${d.label}`,
          actual: `${judgedOn.label}公开${count}次`,
        };
      },
    }),
  ),
  // A bare "每月召开1次" in the list of the committee's working rules states the rule itself, with
  // no hedge, so a month without a work meeting fails. More than one meeting is not a breach.
  check({
    id: 'jiangsu.monthly-work-meeting',
    title: '居民委员会每月召开1次工作例会',
    citation: cite('19（3）', monthlyMeetingQuote),
    binding: 'binding',
    facts: { meetings: 'meetings' },
    interpretations: [calendarPeriods],
    evaluate: ({ facts, asOf, alternative }) => {
      const judgedOn = cadencePeriod(asOf, 1, alternative(calendarPeriods.id));
      if ('notApplicable' in judgedOn) return judgedOn;
      const count = facts.meetings.filter(
        (m) => m.kind === 'monthly-work-meeting' && within(m.heldOn, judgedOn.period),
      ).length;
      return { holds: count > 0, expected: `${judgedOn.label}召开工作例会`, actual: `召开${count}次` };
    },
  }),
  // The report is made to the residents' meeting, so a year without one is a breach. A meeting
  // held does not show the report was made: the rule passes when a meeting records that it heard
  // the report (`annualReport`), fails when every meeting records that it did not, else is unknown.
  check({
    id: 'jiangsu.annual-report',
    title: '居民委员会成员每年向居民会议述职述廉述法并接受民主评议',
    citation: cite('19（7）', annualReportQuote),
    binding: 'binding',
    facts: { meetings: 'meetings' },
    interpretations: [meetingKinds, calendarPeriods],
    evaluate: ({ facts, asOf, alternative }) => {
      const judgedOn = cadencePeriod(asOf, 12, alternative(calendarPeriods.id));
      if ('notApplicable' in judgedOn) return judgedOn;
      const kinds = residentsMeetingKinds(alternative);
      const held = facts.meetings.filter((m) => kinds.has(m.kind) && within(m.heldOn, judgedOn.period));
      if (held.length === 0) {
        return {
          holds: false,
          expected: `${judgedOn.label}召开居民会议听取述职述廉述法`,
          actual: '该期间未召开居民会议',
        };
      }
      const expected = `${judgedOn.label}召开居民会议听取述职述廉述法`;
      const reported = held.filter((m) => m.annualReport === true);
      if (reported.length > 0)
        return {
          holds: true,
          expected,
          actual: `${reported.map((m) => m.heldOn).join('、')}的居民会议听取了述职述廉述法`,
        };
      if (held.every((m) => m.annualReport === false))
        return { holds: false, expected, actual: `${held.length}次居民会议均未安排述职述廉述法` };
      return {
        unknown: `${judgedOn.label}召开了${held.length}次居民会议，未记录是否述职述廉述法并接受评议（meetings[].annualReport）`,
      };
    },
  }),
];
