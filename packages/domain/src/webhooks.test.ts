import { describe, expect, it } from 'vitest';
import {
  WEBHOOK_MAX_ATTEMPTS,
  webhookAddressProblem,
  webhookCandidateCodes,
  webhookConfigRefusal,
  webhookLiteralAddress,
  webhookOutboxPurgeBefore,
  webhookRetryDelayMs,
  webhookUrlProblem,
} from './webhooks.js';

describe('webhook rules (R-HOOK-1)', () => {
  it('accepts https; http only when the deployment allows its private network', () => {
    expect(webhookUrlProblem('https://hooks.example.cn/shequ')).toBeUndefined();
    expect(webhookUrlProblem('http://127.0.0.1:8080/x')).toMatch(/https/);
    expect(webhookUrlProblem('http://hooks.example.cn/x')).toMatch(/https/);
    expect(webhookUrlProblem('http://10.0.0.5/x', { allowPrivateNetwork: true })).toBeUndefined();
    expect(webhookUrlProblem('ftp://example.cn')).toMatch(/https/);
    expect(webhookUrlProblem('not a url')).toMatch(/完整的网址/);
    expect(webhookUrlProblem('https://a:b@example.cn')).toMatch(/用户名或密码/);
  });

  it('refuses loopback, private, link-local and metadata addresses (R-HOOK-2)', () => {
    const closed = { allowPrivateNetwork: false };
    for (const address of [
      '127.0.0.1',
      '::1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.10',
      '100.64.0.1',
      'fd12::1',
      '::ffff:10.0.0.1',
    ]) {
      expect(webhookAddressProblem(address, 'https:', closed), address).toMatch(/本机或内网.*R-HOOK-2/);
    }
    for (const address of ['169.254.169.254', '100.100.100.200', 'fd00:ec2::254']) {
      expect(webhookAddressProblem(address, 'https:', { allowPrivateNetwork: true }), address).toMatch(
        /元数据/,
      );
    }
    for (const address of ['0.0.0.0', '169.254.1.1', 'fe80::1', '224.0.0.1', '255.255.255.255', '::']) {
      expect(webhookAddressProblem(address, 'https:', { allowPrivateNetwork: true }), address).toMatch(
        /保留地址/,
      );
    }
    expect(webhookAddressProblem('1.2.3.4', 'https:', closed)).toBeUndefined();
    expect(webhookAddressProblem('2400:3200::1', 'https:', closed)).toBeUndefined();
    // Plain http to a public address is never accepted, even with the opt-in.
    expect(webhookAddressProblem('1.2.3.4', 'http:', { allowPrivateNetwork: true })).toMatch(/https/);
    expect(webhookAddressProblem('10.0.0.5', 'http:', { allowPrivateNetwork: true })).toBeUndefined();
    expect(webhookAddressProblem('127.0.0.1', 'http:', { allowPrivateNetwork: true })).toBeUndefined();
  });

  it('tells a written-out address from a name to resolve', () => {
    expect(webhookLiteralAddress(new URL('https://[::1]:8443/x'))).toBe('::1');
    expect(webhookLiteralAddress(new URL('https://10.0.0.5/x'))).toBe('10.0.0.5');
    expect(webhookLiteralAddress(new URL('https://hooks.example.cn/x'))).toBeUndefined();
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

describe('outbox retention (R-HOOK-3)', () => {
  it('keeps settled deliveries 30 days', () => {
    expect(webhookOutboxPurgeBefore(new Date('2026-12-31T00:00:00Z')).toISOString()).toBe(
      '2026-12-01T00:00:00.000Z',
    );
  });
});
