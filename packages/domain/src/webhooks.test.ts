import { describe, expect, it } from 'vitest';
import {
  WEBHOOK_MAX_ATTEMPTS,
  webhookCandidateCodes,
  webhookConfigRefusal,
  webhookRetryDelayMs,
  webhookUrlProblem,
} from './webhooks.js';

describe('webhook rules (R-HOOK-1)', () => {
  it('accepts https anywhere and http only to this machine', () => {
    expect(webhookUrlProblem('https://hooks.example.cn/shequ')).toBeUndefined();
    expect(webhookUrlProblem('http://127.0.0.1:8080/x')).toBeUndefined();
    expect(webhookUrlProblem('http://localhost/x')).toBeUndefined();
    expect(webhookUrlProblem('http://hooks.example.cn/x')).toMatch(/https/);
    expect(webhookUrlProblem('ftp://example.cn')).toMatch(/https/);
    expect(webhookUrlProblem('not a url')).toMatch(/完整的网址/);
    expect(webhookUrlProblem('https://a:b@example.cn')).toMatch(/用户名或密码/);
  });

  it('lets administrators of the jurisdiction or above set it, no one else', () => {
    expect(
      webhookConfigRefusal({ role: 'streetAdmin', jurisdictionCode: '370305111' }, '370305111'),
    ).toBeUndefined();
    expect(
      webhookConfigRefusal({ role: 'cityAdmin', jurisdictionCode: '370300' }, '370305111'),
    ).toBeUndefined();
    expect(
      webhookConfigRefusal({ role: 'communityWorker', jurisdictionCode: '370305111007' }, '370305111007'),
    ).toMatch(/只有管理员/);
    expect(webhookConfigRefusal({ role: 'streetAdmin', jurisdictionCode: '370305111' }, '370300')).toMatch(
      /R-HOOK-1/,
    );
  });

  it('looks for an endpoint from the notice own jurisdiction upwards', () => {
    expect(webhookCandidateCodes('370305111007')).toEqual([
      '370305111007',
      '370305111',
      '370305',
      '370300',
      '370000',
      '000000',
    ]);
  });

  it('backs off doubling up to an hour', () => {
    expect(webhookRetryDelayMs(1)).toBe(30_000);
    expect(webhookRetryDelayMs(2)).toBe(60_000);
    expect(webhookRetryDelayMs(WEBHOOK_MAX_ATTEMPTS + 10)).toBe(3_600_000);
  });
});
