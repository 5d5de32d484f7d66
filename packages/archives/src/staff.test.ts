import { describe, expect, it } from 'vitest';
import { staffOfScope } from './staff.js';

describe('the people a change names', () => {
  const accounts = new Map([
    ['u-li', { jurisdictionCode: '370305111007', active: true }],
    ['u-gone', { jurisdictionCode: '370305111007', active: false }],
    ['u-far', { jurisdictionCode: '370305111008', active: true }],
    ['u-town', { jurisdictionCode: '370305111', active: true }],
  ]);
  const community = { level: 'community', code: '370305111007' } as const;
  const town = { level: 'town', code: '370305111' } as const;
  it.each([
    [{ custodianId: 'u-li' }, community, null],
    [{ custodianId: 'u-li', borrowerId: undefined }, community, null],
    [{ custodianId: 'u-gone' }, community, 'custodianId: 不是本社区的在职账号'],
    [{ 'approverIds.0': 'u-li', 'approverIds.1': 'u-far' }, community, 'approverIds.1: 不是本社区的在职账号'],
    [{ custodianId: 'nobody' }, community, 'custodianId: 不是本社区的在职账号'],
    [{ supervisorId: 'u-town' }, town, null],
    [{ supervisorId: 'u-li' }, town, 'supervisorId: 不是本镇（街道）的在职账号'],
  ] as const)('%o within %o: %s', (named, scope, refusal) => {
    const outcome = staffOfScope(named, accounts, scope);
    if (refusal === null) return expect(outcome.ok).toBe(true);
    expect(outcome).toMatchObject({
      ok: false,
      reason: refusal,
      field: refusal.split(':')[0],
      basis: '本系统规则 R-STF-1',
    });
  });
});
