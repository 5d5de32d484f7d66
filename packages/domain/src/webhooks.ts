/**
 * Outbound webhooks: who may set a jurisdiction's endpoint, which URLs are accepted, which endpoint a
 * notice goes to, and when a failed delivery is tried again. Pure rules; `@shequ/db` stores the
 * endpoint and the outbox, the API signs and sends.
 */
import ipaddr from 'ipaddr.js';
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

/**
 * 本系统规则 R-HOOK-2 (docs/project-rules.md): the server posts to whatever address is saved, so an
 * address inside the server's own network would let an administrator make the server reach what only
 * it can reach (another service on the machine, a database, the cloud's metadata service). Such
 * addresses are refused when saved and again when each delivery connects (a name may resolve
 * elsewhere later), unless the deployment opts in for an internal gateway.
 */
export const webhookAddressRule = {
  id: 'R-HOOK-2',
  text: '推送地址不得指向本机、内网、链路本地、云服务器元数据或其他保留地址；保存时和每次推送时都按解析出的地址检查。本地部署须推送到内网网关的，可由运维明确开启“允许内网推送”，此时内网和本机地址可用，也可用 http；元数据和保留地址仍不可用。',
} as const;

/** Whether this deployment lets webhooks reach its own network (an explicit operator setting). */
export interface WebhookNetworkPolicy {
  allowPrivateNetwork: boolean;
}

export const publicNetworkOnly: WebhookNetworkPolicy = { allowPrivateNetwork: false };

/** Cloud metadata services outside the link-local range (Alibaba Cloud's, AWS's IPv6 one). */
const METADATA_ADDRESSES = new Set(['169.254.169.254', '100.100.100.200', 'fd00:ec2::254']);

/** Ranges of the deployment's own network: usable only when the deployment opts in. */
const PRIVATE_RANGES = new Set([
  'loopback',
  'private',
  'carrierGradeNat',
  'uniqueLocal',
  'deprecatedSiteLocal',
]);

/**
 * Why `raw` is not an acceptable endpoint address (zh-CN), or undefined: a full http(s) URL without
 * credentials, https unless the deployment allows its private network (whose addresses
 * `webhookAddressProblem` then checks). Where the host points is checked separately, once resolved.
 */
export function webhookUrlProblem(
  raw: string,
  policy: WebhookNetworkPolicy = publicNetworkOnly,
): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '推送地址应为完整的网址，如 https://example.cn/hook';
  }
  if (url.username || url.password) return '推送地址不能包含用户名或密码';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && policy.allowPrivateNetwork) return undefined;
  return policy.allowPrivateNetwork ? '推送地址必须使用 https 或 http' : '推送地址必须使用 https';
}

/** The host of `url` when it is an IP address written out (no name to resolve), else undefined. */
export function webhookLiteralAddress(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return ipaddr.isValid(host) ? host : undefined;
}

/**
 * Why a delivery to `address` (one address the endpoint's host resolved to) over `protocol` is refused
 * (zh-CN, citing R-HOOK-2), or undefined when it may go.
 */
export function webhookAddressProblem(
  address: string,
  protocol: string,
  policy: WebhookNetworkPolicy,
): string | undefined {
  const basis = `依据本系统规则 ${webhookAddressRule.id}`;
  if (!ipaddr.isValid(address)) return `推送地址的主机无法识别（${basis}）`;
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is.
  const parsed = ipaddr.process(address);
  const shown = parsed.toString();
  if (METADATA_ADDRESSES.has(shown))
    return `推送地址指向云服务器元数据地址（${shown}），不能使用（${basis}）`;
  const range = parsed.range();
  if (range === 'unicast') {
    if (protocol !== 'https:') return `推送地址必须使用 https（${basis}）`;
    return undefined;
  }
  if (PRIVATE_RANGES.has(range)) {
    if (policy.allowPrivateNetwork) return undefined;
    return `推送地址指向本机或内网地址（${shown}），不能使用；如确需推送到内网网关，请由系统运维开启“允许内网推送”（${basis}）`;
  }
  return `推送地址指向链路本地、组播或保留地址（${shown}），不能使用（${basis}）`;
}

/** After this many failed attempts a delivery is given up (status `failed`). */
export const WEBHOOK_MAX_ATTEMPTS = 8;

/** How long to wait after the `attempts`-th failure: 30 s doubling, at most an hour. */
export function webhookRetryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * 本系统规则 R-HOOK-3 (docs/project-rules.md): a delivery that is settled (delivered, or given up) is
 * kept as the delivery log for this long, then deleted; a pending one is never deleted.
 */
export const webhookOutboxRule = {
  id: 'R-HOOK-3',
  text: '已送达或已放弃的推送记录保留 30 天，之后定期删除；尚待推送的记录不删除。',
} as const;

export const WEBHOOK_OUTBOX_RETENTION_DAYS = 30;

/** Settled deliveries created before this instant are deleted at `now` (R-HOOK-3). */
export function webhookOutboxPurgeBefore(now: Date): Date {
  return new Date(now.getTime() - WEBHOOK_OUTBOX_RETENTION_DAYS * 86_400_000);
}
