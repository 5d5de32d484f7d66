import { describe, expect, it } from 'vitest';
import { importTitle } from './SpreadsheetActions.js';

describe('the import dialog’s title', () => {
  it('calls a passed check a check, with nothing written', () => {
    expect(importTitle({ outcome: { ok: true }, dryRun: true })).toBe('检查通过，未写入');
    expect(importTitle({ outcome: { ok: false }, dryRun: true })).not.toContain('导入未成功');
  });
  it('reports an import as done or refused', () => {
    expect(importTitle({ outcome: { ok: true }, dryRun: false })).toBe('导入完成');
    expect(importTitle({ outcome: { ok: false }, dryRun: false })).toContain('导入未成功');
  });
});
