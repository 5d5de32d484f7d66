import { describe, expect, it } from 'vitest';
import { factCellOf, factColumns, parseFactsTable } from '../src/index.js';

describe('factCellOf', () => {
  it('writes every template column so the row reads back as the same snapshot', () => {
    const header = factColumns.map((c) => c.header);
    const first = parseFactsTable([header, factColumns.map((c) => c.example)]);
    if (!first.ok) throw new Error(JSON.stringify(first.problems));
    const [snapshot] = first.snapshots;
    const exported = factColumns.map((c) => factCellOf(c, snapshot as Record<string, unknown>));
    expect(exported).toContain('是');
    expect(exported).toContain('便民服务大厅、党员活动、卫生健康服务');
    const again = parseFactsTable([header, exported]);
    expect(again.ok && again.snapshots).toEqual([snapshot]);
  });
});
