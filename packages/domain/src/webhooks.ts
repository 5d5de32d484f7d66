/**
 * Outbound webhooks: who may set a jurisdiction's endpoint, which URLs are accepted, which endpoint a
 * notice goes to, and when a failed delivery is tried again. Pure rules; `@shequ/db` stores the
 * endpoint and the outbox, the API signs and sends.
 */
import { ancestorCodes, isWithin } from './division.js';
import { type AppRole, COUNTRY_CODE, isAdminRole } from './roles.js';

/**
 * 本系统规则 R-HOOK-1 (docs/project-rules.md): no regulation speaks of pushing notices to other
 * systems; a jurisdiction's endpoint is part of administering it, so its administrators (or those of
 * a jurisdiction above) set it, and each notice goes to the endpoint nearest the notice's jurisdiction.
 */
export const webhookRule = {
  id: 'R-HOOK-1',
  text: '辖区的消息推送地址由该辖区或其上级辖区的管理员设置；每条提醒推送到离提醒所属辖区最近的已设置地址（本辖区优先，其次逐级向上）。',
} as const;

/** Why `who` may not set or read the endpoint of `code` (zh-CN, citing R-HOOK-1), or undefined when they may. */
export function webhookConfigRefusal(
  who: { role: AppRole; jurisdictionCode: string },
  code: string,
): string | undefined {
  const basis = `依据本系统规则 ${webhookRule.id}`;
  if (!isAdminRole(who.role)) return `只有管理员可以设置消息推送（${basis}）`;
  if (!isWithin(code, who.jurisdictionCode)) return `只能设置本辖区或下级辖区的消息推送（${basis}）`;
  return undefined;
}

/** The jurisdictions whose endpoint may receive a notice of `code`, nearest first (the country last). */
export function webhookCandidateCodes(code: string): string[] {
  const codes = [code, ...ancestorCodes(code).reverse()];
  if (!codes.includes(COUNTRY_CODE)) codes.push(COUNTRY_CODE);
  return codes;
}

/** Hosts that may be reached over plain http: this machine only (a receiver under test, a local relay). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why `raw` is not an acceptable endpoint (zh-CN), or undefined: https, or http to this machine only. */
export function webhookUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '推送地址应为完整的网址，如 https://example.cn/hook';
  }
  if (url.username || url.password) return '推送地址不能包含用户名或密码';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return '推送地址必须使用 https（仅本机 127.0.0.1、localhost 可用 http）';
}

/** After this many failed attempts a delivery is given up (status `failed`). */
export const WEBHOOK_MAX_ATTEMPTS = 8;

/** How long to wait after the `attempts`-th failure: 30 s doubling, at most an hour. */
export function webhookRetryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}
