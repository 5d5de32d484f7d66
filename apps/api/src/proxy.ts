/**
 * Which reverse proxies may tell the server the client's address (`X-Forwarded-For`) and scheme
 * (`X-Forwarded-Proto`): `SHEQU_TRUST_PROXY`. Trusting every sender, as `true` does, lets any client
 * forge its address — past the login throttle and into the audit log — so only these forms are accepted:
 *
 * - addresses and CIDR ranges, comma-separated (`10.0.0.5`, `10.0.0.0/8, ::1`), or proxy-addr's names
 *   `loopback`, `linklocal`, `uniquelocal`: a forwarded header counts only when the hop that added it is one
 *   of them;
 * - a hop count (`1`, `2`): the last N hops are proxies — safe only when clients cannot reach the server
 *   except through them (listen on localhost or a private network).
 */
import { isIP } from 'node:net';

export type TrustProxySetting = false | string[] | ((address: string, hop: number) => boolean);

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 10;

export class TrustProxyInvalid extends Error {
  constructor(value: string, why: string) {
    super(`SHEQU_TRUST_PROXY 无效（${value}）：${why}`);
    this.name = 'TrustProxyInvalid';
  }
}

export function parseTrustProxy(value: string | undefined): TrustProxySetting {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0' || text.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_HOPS) throw new TrustProxyInvalid(text, `代理层数应为 1 到 ${MAX_HOPS}`);
    // proxy-addr asks about each hop from the server outwards: hop 0 is the peer of the socket.
    return (_address, hop) => hop < hops;
  }
  if (text.toLowerCase() === 'true' || text === '*') {
    throw new TrustProxyInvalid(
      text,
      '不能信任所有来源（任何客户端都可伪造地址）；请写代理的地址或网段（如 10.0.0.5 或 10.0.0.0/8），或代理层数（如 1）',
    );
  }
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!isAddressOrRange(entry))
      throw new TrustProxyInvalid(text, `「${entry}」不是 IP 地址或网段（如 10.0.0.5、10.0.0.0/8、::1）`);
  }
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  if (extra !== undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
