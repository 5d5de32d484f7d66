import { demoRegisters, fictionalIdNumber } from '@shequ/people';
import { describe, expect, it } from 'vitest';
import {
  type Cell,
  exportWorkbook,
  parseWorkerTable,
  readTable,
  workerColumns,
  workerExportColumns,
} from '../src/index.js';

const headers = workerColumns.map((c) => c.header);
const idNumber = fictionalIdNumber('370305', '1990-01-02', 21);

/** A sheet row with the given cells by header, blank elsewhere. */
function row(cells: Record<string, Cell>): Cell[] {
  return headers.map((h) => cells[h] ?? null);
}

const good = {
  社区代码: '370305111007',
  姓名: '新网格员',
  性别: '男',
  出生日期: '1990-01-02',
  身份证号码: idNumber,
  手机号码: '13912345678',
  岗位: '网格员',
  用人单位: '金山镇社区工作服务中心',
  合同起始日期: '2026-09-01',
  '年薪（元）': 50000,
  培训记录: '2026-10-10 县级以上 社区工作者集中轮训\n2026-11-01 街道 网格员业务培训',
  入职日期: '2026-09-01',
};

describe('the roster sheet', () => {
  it('reads a row under Chinese headers into a roster entry', () => {
    const result = parseWorkerTable([headers, row(good)]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.workers).toHaveLength(1);
    expect(result.workers[0]).toMatchObject({
      row: 2,
      worker: {
        communityCode: '370305111007',
        sex: 'male',
        post: 'grid-worker',
        fullTime: true,
        contract: { employer: '金山镇社区工作服务中心', from: '2026-09-01' },
        trainings: [
          { on: '2026-10-10', level: 'county-or-above', title: '社区工作者集中轮训' },
          { on: '2026-11-01', level: 'street', title: '网格员业务培训' },
        ],
      },
    });
  });

  it('names the row and column of every problem, and returns no entries', () => {
    const wrongDigit = `${idNumber.slice(0, 17)}${idNumber[17] === '1' ? '2' : '1'}`;
    const result = parseWorkerTable([
      headers,
      row(good),
      row({ ...good, 姓名: '校验位错', 身份证号码: wrongDigit }),
      row({ ...good, 姓名: '重复的人' }),
      row({
        ...good,
        身份证号码: fictionalIdNumber('370305', '1990-01-02', 23),
        岗位: '主任',
        入职日期: '九月',
      }),
      row({ ...good, 身份证号码: fictionalIdNumber('370305', '1990-01-02', 25), 合同终止日期: '2025-01-01' }),
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        { row: 3, column: '身份证号码', message: '身份证号码校验位不正确，请核对' },
        { row: 4, column: '身份证号码', message: '与第2行是同一人，任职时间重叠，不能重复登记' },
        { row: 5, column: '岗位', message: '应为以下之一：两委成员、社区专干、专职工作者、网格员（主任）' },
        { row: 5, column: '入职日期', message: '应为日期，格式 YYYY-MM-DD（九月）' },
        { row: 6, column: '合同终止日期', message: '合同终止日期不能早于起始日期' },
      ],
    });
  });

  it('refuses unknown and missing columns before reading any row', () => {
    const result = parseWorkerTable([
      ['社区代码', '姓名', '工号'],
      ['370305111007', '某人', '1'],
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({ row: 1, column: '工号', message: '未知的列标题（第3列）' });
    expect(result.problems).toContainEqual({ row: 1, column: '身份证号码', message: '缺少必需的列' });
  });

  it('reads an exported roster back unchanged', async () => {
    const [xiangshan] = demoRegisters();
    if (!xiangshan) throw new Error('demo registers missing');
    const bytes = await exportWorkbook(workerExportColumns(), xiangshan.workers, '花名册');
    const result = parseWorkerTable(await readTable(bytes, 'xlsx'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.workers.map((w) => w.worker)).toEqual(
      xiangshan.workers.map(({ id: _id, ...rest }) => rest),
    );
  });

  it('exports masked numbers when asked to', async () => {
    const [xiangshan] = demoRegisters();
    const first = xiangshan?.workers[0];
    if (!first) throw new Error('demo registers missing');
    const bytes = await exportWorkbook(
      workerExportColumns(() => ({ idNumber: '3703**********0035', phone: '139****1000' })),
      [first],
    );
    const [, cells] = await readTable(bytes, 'xlsx');
    expect(cells?.[headers.indexOf('身份证号码')]).toBe('3703**********0035');
  });
});
