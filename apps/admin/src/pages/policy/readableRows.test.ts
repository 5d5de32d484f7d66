import { describe, expect, it } from 'vitest';
import { readableRows } from './index.js';

type Row = Parameters<typeof readableRows>[0][number];
const side = (title: string) => ({ title }) as unknown as NonNullable<Row['a']>;

describe('政策对比 rows', () => {
  it('shows a requirement a pack states as two rules once, with the figures of both', () => {
    const rows = [
      {
        topic: 'funds-quota',
        state: 'onlyB',
        b: side('经费每千户不少于3.6万元'),
        parameters: [{ name: 'perThousand', label: '每千户', unit: '元', b: 36000 }],
      },
      { topic: 'funds-check', state: 'onlyB', b: side('经费每千户不少于3.6万元'), parameters: [] },
      {
        topic: 'staff',
        state: 'same',
        a: side('工作人员不少于5人'),
        b: side('工作人员不少于5人'),
        parameters: [],
      },
    ] as unknown as Row[];
    const shown = readableRows(rows);
    expect(shown.map((r) => r.topic)).toEqual(['funds-quota', 'staff']);
    expect(shown[0]?.parameters.map((p) => p.name)).toEqual(['perThousand']);
  });
});
