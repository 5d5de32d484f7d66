import { fictionalIdNumber } from '@shequ/people';
import { describe, expect, it } from 'vitest';
import {
  committeeColumns,
  committeeExportColumns,
  committeeSheetRows,
  exportWorkbook,
  parseCommitteeTable,
  readTable,
} from '../src/index.js';

const code = '370305111007';
const idNumber = fictionalIdNumber('370305', '1990-03-07', 1);
const header = committeeColumns.map((c) => c.header);
// 社区代码 委员会类别 下属委员会类别 任期开始日期 任期届满日期 成员姓名 成员身份证号码 职务 任职开始日期 任职结束日期
const row = (cells: Partial<Record<string, string>>) => header.map((h) => cells[h] ?? null);
const residents = {
  社区代码: code,
  委员会类别: '居民委员会',
  任期开始日期: '2026-06-01',
  任期届满日期: '2031-05-31',
};

describe('the committee sheet', () => {
  it('groups rows of one committee, a row a member, the member’s start defaulting to the term’s', () => {
    const result = parseCommitteeTable([
      header,
      row({ ...residents, 成员姓名: '李主任', 职务: '主任（书记）', 成员身份证号码: idNumber.toLowerCase() }),
      row({ ...residents, 成员姓名: '张委员', 职务: '委员', 任职开始日期: '2027-01-01' }),
      row({ ...residents, 委员会类别: '居务监督委员会' }),
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.committees).toHaveLength(2);
    expect(result.committees[0]).toEqual({
      row: 2,
      committee: {
        communityCode: code,
        kind: 'residents',
        termFrom: '2026-06-01',
        termTo: '2031-05-31',
        members: [
          { name: '李主任', role: 'chair', from: '2026-06-01' },
          { name: '张委员', role: 'member', from: '2027-01-01' },
        ],
      },
      members: [{ row: 2, idNumber }, { row: 3 }],
    });
    expect(result.committees[1]?.committee.members).toEqual([]);
  });

  it('names every bad cell and each committee problem on its member’s row', () => {
    expect(
      parseCommitteeTable([
        header,
        row({ ...residents, 委员会类别: '业主委员会' }),
        row({ ...residents, 任期届满日期: '2020-01-01', 成员姓名: '甲', 职务: '委员' }),
        row({ ...residents, 委员会类别: '下属委员会', 成员姓名: '乙', 职务: '委员' }),
        row({ ...residents, 成员姓名: '丙' }),
        row({ ...residents, 成员姓名: '丁', 职务: '委员', 任职开始日期: '2032-01-01' }),
      ]),
    ).toEqual({
      ok: false,
      problems: [
        { row: 2, column: '委员会类别', message: expect.stringContaining('应为以下之一') },
        { row: 3, column: '任期届满日期', message: '任期届满日期应晚于任期开始日期' },
        { row: 4, column: '下属委员会类别', message: '下属委员会须注明类别' },
        { row: 5, column: '职务', message: '必填' },
      ],
    });
    expect(
      parseCommitteeTable([
        header,
        row({ ...residents, 成员姓名: '丁', 职务: '委员', 任职开始日期: '2032-01-01' }),
        row({ ...residents, 成员姓名: '甲', 职务: '主任（书记）' }),
        row({ ...residents, 成员姓名: '乙', 职务: '主任（书记）' }),
      ]),
    ).toEqual({
      ok: false,
      problems: [
        { row: 2, column: '任职开始日期', message: '任职开始日期应在本届任期内' },
        { row: 4, column: '职务', message: '同一时间只能有一名主任（书记）' },
      ],
    });
  });

  it('exports stored committees under the same headers, so the file reads back', async () => {
    const rows = committeeSheetRows(
      {
        id: 'c1',
        communityCode: code,
        kind: 'sub',
        subKind: '人民调解委员会',
        termFrom: '2026-07-01',
        termTo: '2031-05-31',
        members: [{ workerId: 'w1', name: '张委员', role: 'chair', from: '2026-07-01' }],
      },
      () => idNumber,
    );
    const file = await exportWorkbook(committeeExportColumns(), rows, '委员会及成员');
    const back = parseCommitteeTable(await readTable(Buffer.from(file), 'xlsx'));
    expect(back.ok && back.committees[0]?.members).toEqual([{ row: 2, idNumber }]);
    expect(back.ok && back.committees[0]?.committee.subKind).toBe('人民调解委员会');
    expect(back.ok && back.committees[0]?.committeeId).toBe('c1');
  });

  it('reads and writes back what a supervision member knows and a resident chair’s county training (Jiangsu 17（5）、19（8）)', async () => {
    const supervision = { ...residents, 委员会类别: '居务监督委员会' };
    const result = parseCommitteeTable([
      header,
      row({
        ...supervision,
        成员姓名: '许监委主任',
        职务: '主任（书记）',
        财会管理知识: '管理',
        '县级以上培训日期（非花名册成员）': '2026-05-26、2026/9/1',
      }),
      row({ ...supervision, 成员姓名: '何监委委员', 职务: '委员', 财会管理知识: '财会、管理' }),
      row({ ...supervision, 成员姓名: '吕监委委员', 职务: '委员', 财会管理知识: '无' }),
      row({ ...supervision, 成员姓名: '未填者', 职务: '委员' }),
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const members = result.committees[0]?.committee.members ?? [];
    expect(members.map((m) => m.knowledge)).toEqual([
      ['management'],
      ['finance', 'management'],
      [],
      undefined,
    ]);
    expect(members[0]?.trainings).toEqual([
      { on: '2026-05-26', title: '县级以上集中培训', level: 'county-or-above' },
      { on: '2026-09-01', title: '县级以上集中培训', level: 'county-or-above' },
    ]);
    const rows = committeeSheetRows(
      {
        id: 'sc1',
        communityCode: code,
        kind: 'supervision',
        termFrom: '2026-06-01',
        termTo: '2031-05-31',
        members,
      },
      () => undefined,
    );
    const file = await exportWorkbook(committeeExportColumns(), rows, '委员会及成员');
    const back = parseCommitteeTable(await readTable(Buffer.from(file), 'xlsx'));
    expect(back.ok && back.committees[0]?.committee.members).toEqual(members);
  });

  it('names an unknown kind of knowledge and an unreadable training date on their cells', () => {
    expect(
      parseCommitteeTable([
        header,
        row({ ...residents, 成员姓名: '甲', 职务: '委员', 财会管理知识: '法律' }),
        row({ ...residents, 成员姓名: '乙', 职务: '委员', '县级以上培训日期（非花名册成员）': '五月' }),
        row({ ...residents, 成员姓名: '丙', 职务: '委员', 财会管理知识: '财会、财会' }),
      ]),
    ).toEqual({
      ok: false,
      problems: [
        { row: 2, column: '财会管理知识', message: '应为财会、管理或无（法律）' },
        { row: 3, column: '县级以上培训日期（非花名册成员）', message: '应为日期，格式 YYYY-MM-DD（五月）' },
        { row: 4, column: '财会管理知识', message: '财会、管理知识不能重复填写' },
      ],
    });
  });
});
