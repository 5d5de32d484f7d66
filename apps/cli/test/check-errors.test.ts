/**
 * Input errors of `shequ check` (docs/interfaces.md §3): status 2, nothing on stdout, and one
 * stderr line per problem naming the field, in zh-CN.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shequ } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'shequ-check-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const valid = { code: '420702001001', name: '测试社区居委会', asOf: '2024-06-30', households: 3200 };

function lines(stderr: string): string[] {
  return stderr.trim().split('\n');
}

describe('shequ check input errors', () => {
  it('names every bad field of the snapshot, an unknown field included, one per line', () => {
    const result = shequ(['check', '-'], {
      input: JSON.stringify({ ...valid, households: -3, facility: { totalArea: 'big' }, houshold: 1 }),
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toEqual(
      expect.arrayContaining([
        'households: 应为非负整数',
        'facility.totalArea: 应为非负数（平方米）',
        'houshold: 不允许的字段：houshold',
      ]),
    );
    expect(lines(result.stderr)).toHaveLength(3);
  });

  it('says when the input is not JSON at all, and when the file is missing', () => {
    const notJson = shequ(['check', '-'], { input: '{\n  "code": "420702001001",\n  households: 3\n}' });
    expect(notJson.status).toBe(2);
    expect(notJson.stdout).toBe('');
    expect(notJson.stderr.trim()).toBe('FILE: 标准输入 不是有效的 JSON（第3行第3列附近有语法错误）');

    const missing = shequ(['check', join(dir, 'nowhere.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^FILE: 文件不存在/);
  });

  it('refuses an unknown --jurisdiction, a bad --as-of and an unknown parameter in --params, all at once', () => {
    const snapshot = join(dir, 'valid.json');
    writeFileSync(snapshot, JSON.stringify(valid));
    const result = shequ(['check', '--jurisdiction', '999999', '--as-of', '2024-02-30', snapshot]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(/^--jurisdiction: 没有代码为 999999 的政策包/),
      expect.stringMatching(/^--as-of: 应为有效日期/),
    ]);

    const params = join(dir, 'params.json');
    writeFileSync(params, JSON.stringify({ cityAverageWage: 80000, averageWage: 1 }));
    const unknownParameter = shequ(['check', '--params', params, snapshot]);
    expect(unknownParameter.status).toBe(2);
    expect(unknownParameter.stdout).toBe('');
    expect(lines(unknownParameter.stderr)).toEqual(['params.averageWage: 政策包组合中没有此参数']);
  });

  it('refuses a usage without a file, and an unknown option', () => {
    const noFile = shequ(['check']);
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toMatch(/^FILE: /);
    const unknownOption = shequ(['check', '--jurisdicton', '420700', '-'], { input: JSON.stringify(valid) });
    expect(unknownOption.status).toBe(2);
    expect(unknownOption.stdout).toBe('');
    expect(unknownOption.stderr).toContain('未知选项：--jurisdicton');
  });
});
