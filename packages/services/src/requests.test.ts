import { describe, expect, it } from 'vitest';
import { creditHours, maySignUp, pointsForMinutes } from './activities.js';
import { openCase } from './cases.js';
import { erasedCase, erasureProblems } from './personal-data.js';
import { EZHOU_WINDOWS, ONE_WINDOW, windowsFor } from './windows.js';

const activity = {
  id: 'a',
  communityCode: '370305111007',
  title: '助老理发',
  on: '2026-03-02',
  place: '活动室',
  capacity: 2,
  pointsPerHour: 10,
};

describe('volunteer activities', () => {
  it('refuses a second sign-up, a full activity, another community and a past day', () => {
    const v = { id: 'v1', communityCode: '370305111007' };
    expect(maySignUp(activity, v, [], '2026-03-01')).toEqual({ ok: true });
    expect(maySignUp(activity, v, [{ volunteerId: 'v1', minutes: null }], '2026-03-01').ok).toBe(false);
    const full = [
      { volunteerId: 'x', minutes: null },
      { volunteerId: 'y', minutes: null },
    ];
    expect(maySignUp(activity, v, full, '2026-03-01')).toMatchObject({ ok: false });
    expect(maySignUp(activity, { ...v, communityCode: '370305111006' }, [], '2026-03-01').ok).toBe(false);
    expect(maySignUp(activity, v, [], '2026-03-03').ok).toBe(false);
  });

  it('credits whole points for the minutes served, once, and not before the day (R-SVC-6)', () => {
    expect(pointsForMinutes(90, 10)).toBe(15);
    expect(pointsForMinutes(50, 10)).toBe(8);
    const signUp = { volunteerId: 'v1', minutes: null };
    expect(creditHours(activity, signUp, { minutes: 50 }, '2026-03-02')).toEqual({
      ok: true,
      minutes: 50,
      points: 8,
    });
    expect(creditHours(activity, signUp, { minutes: 50 }, '2026-03-01').ok).toBe(false);
    expect(creditHours(activity, { ...signUp, minutes: 30 }, { minutes: 50 }, '2026-03-02').ok).toBe(false);
    expect(creditHours(activity, signUp, { minutes: 0 }, '2026-03-02')).toMatchObject({
      ok: false,
      issues: [{ path: 'minutes' }],
    });
  });
});

describe('windows per jurisdiction', () => {
  it('takes the nearest configured jurisdiction, else the default', () => {
    const custom = [{ ...ONE_WINDOW[0], key: 'all', name: '综合窗口' }] as typeof ONE_WINDOW;
    expect(windowsFor('370305111007', new Map()).from).toBeNull();
    expect(windowsFor('420703001001', new Map()).windows).toBe(EZHOU_WINDOWS);
    const setups = new Map([
      ['370305', custom],
      ['370305111', EZHOU_WINDOWS],
    ]);
    expect(windowsFor('370305111007', setups).from).toBe('370305111');
    expect(windowsFor('370305112001', setups)).toEqual({ windows: custom, from: '370305' });
  });
});

describe("a resident's data on request", () => {
  const opened = openCase(
    {
      communityCode: '370305111007',
      channel: 'window',
      category: 'other',
      subject: '开具证明',
      detail: '王大爷说明家中情况',
      resident: { name: '王大爷', phone: '13800001111', address: '象山小区', conditions: ['elderly'] },
    },
    {
      id: 'c1',
      at: new Date('2026-03-02T02:00:00Z'),
      by: { userId: 'u', name: '孙丽' },
      windows: ONE_WINDOW,
    },
  );
  if (!opened.ok) throw new Error('case not opened');
  const c = opened.case;

  it('refuses erasure while a case is open (R-SVC-7) and keeps the record anonymised', () => {
    expect(erasureProblems([c])[0]?.message).toContain('开具证明');
    const kept = erasedCase(c);
    expect(kept.resident).toEqual({ name: '（已删除）', conditions: ['elderly'] });
    expect(kept.detail).toBeUndefined();
    expect(kept.steps).toEqual(c.steps);
  });
});
