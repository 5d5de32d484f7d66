import { describe, expect, it } from 'vitest';
import { arrangeParts } from './arrange.js';

describe('arrangeParts', () => {
  it('puts the sections with entries first, in their order, and folds the empty ones', () => {
    const { filled, empty } = arrangeParts([
      { filled: false, part: '我的服务事项' },
      { filled: false, part: '待我审批' },
      { filled: true, part: '待我审批的事项准入申请' },
      { filled: false, part: '逾期未还' },
      { filled: true, part: '有不通过检查项的社区' },
      { filled: true, part: '清单外负担' },
    ]);
    expect(filled).toEqual(['待我审批的事项准入申请', '有不通过检查项的社区', '清单外负担']);
    expect(empty).toEqual(['我的服务事项', '待我审批', '逾期未还']);
  });

  it('keeps everything in order when nothing is empty, and nothing when all are', () => {
    expect(
      arrangeParts([
        { filled: true, part: 1 },
        { filled: true, part: 2 },
      ]),
    ).toEqual({
      filled: [1, 2],
      empty: [],
    });
    expect(arrangeParts([{ filled: false, part: 1 }])).toEqual({ filled: [], empty: [1] });
  });
});
