import { fieldErrors, layDerivedFacts } from '@shequ/domain';
import { describe, expect, it } from 'vitest';
import { emptyRegisters, representative } from './registers.js';
import { deriveSnapshotFacts } from './snapshot.js';

const code = '370305111007';
const rep = (id: string, from: string, to?: string) =>
  representative.parse({ id, communityCode: code, name: `居民代表${id}`, from, ...(to ? { to } : {}) });

describe('resident representatives from the register', () => {
  const registers = {
    ...emptyRegisters(code),
    representatives: [rep('1', '2021-06-01', '2026-05-31'), rep('2', '2026-06-01'), rep('3', '2026-06-01')],
  };

  it('counts those serving on the snapshot date, term ends included', () => {
    expect(deriveSnapshotFacts(registers, '2026-05-31').facts.representatives).toBe(1);
    expect(deriveSnapshotFacts(registers, '2026-06-01').facts.representatives).toBe(2);
  });

  it('derives nothing before anyone’s term began, so a typed count stays', () => {
    const before = deriveSnapshotFacts(registers, '2020-01-01');
    expect(before.fields).not.toContain('representatives');
    expect(layDerivedFacts({ representatives: 30 }, [before]).facts.representatives).toBe(30);
    const after = deriveSnapshotFacts(registers, '2026-07-01');
    expect(after.fields).toContain('representatives');
    expect(layDerivedFacts({ representatives: 30 }, [after]).facts.representatives).toBe(2);
  });

  it('refuses a term that ends before it starts, naming the field', () => {
    const parsed = representative.safeParse({
      id: 'x',
      communityCode: code,
      name: '某',
      from: '2026-06-01',
      to: '2026-01-01',
    });
    expect(parsed.success ? [] : fieldErrors(parsed.error)).toEqual([
      { path: 'to', message: '任期结束日期不能早于开始日期' },
    ]);
  });
});
