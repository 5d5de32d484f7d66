/**
 * Where a webhook may connect (本系统规则 R-HOOK-2): the endpoint's host is resolved and every address
 * judged by `webhookAddressProblem` when it is saved, and again by the connection itself at each
 * delivery, so a name that later resolves into the server's own network is refused at the moment it
 * would be reached (the socket goes to the very address that was checked, not a second lookup).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  type WebhookNetworkPolicy,
  webhookAddressProblem,
  webhookLiteralAddress,
  webhookUrlProblem,
} from '@shequ/domain';

/** `SHEQU_WEBHOOK_ALLOW_PRIVATE=1`: an on-premise deployment whose webhooks go to an internal gateway. */
export function webhookPolicyFromEnv(value: string | undefined): WebhookNetworkPolicy {
  return { allowPrivateNetwork: value === '1' || value === 'true' };
}

/** A refused address, with the zh-CN reason the delivery log and the form show. */
export class WebhookAddressRefused extends Error {}

function resolveAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    );
  });
}

/** Why `raw` may not be saved as an endpoint under `policy` (zh-CN), or undefined. Resolves its host. */
export async function webhookTargetProblem(
  raw: string,
  policy: WebhookNetworkPolicy,
): Promise<string | undefined> {
  const syntax = webhookUrlProblem(raw, policy);
  if (syntax) return syntax;
  const url = new URL(raw);
  const literal = webhookLiteralAddress(url);
  let addresses: string[];
  if (literal) addresses = [literal];
  else {
    try {
      addresses = (await resolveAll(url.hostname)).map((a) => a.address);
    } catch {
      return `推送地址的域名 ${url.hostname} 无法解析，请检查拼写`;
    }
  }
  for (const address of addresses) {
    const problem = webhookAddressProblem(address, url.protocol, policy);
    if (problem) return problem;
  }
  return undefined;
}

/** A lookup that fails the connection when any address of the host is refused. */
function checkedLookup(protocol: string, policy: WebhookNetworkPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      for (const { address } of addresses) {
        const problem = webhookAddressProblem(address, protocol, policy);
        if (problem) {
          callback(new WebhookAddressRefused(problem), '', 0);
          return;
        }
      }
      const [first] = addresses;
      if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      else if (first) callback(null, first.address, first.family);
      else callback(new Error(`${hostname} 没有地址`), '', 0);
    });
  };
}

/**
 * POSTs `body` to `raw` with `headers`, connecting only to an address `policy` allows; resolves with
 * the status code. Redirects are not followed: one could carry the signed body somewhere the
 * administrator did not name. Rejects with `WebhookAddressRefused` for a refused address.
 */
export function postWebhook(
  raw: string,
  headers: Record<string, string>,
  body: string,
  options: { policy: WebhookNetworkPolicy; timeoutMs: number },
): Promise<number> {
  const url = new URL(raw);
  const syntax = webhookUrlProblem(raw, options.policy);
  if (syntax) return Promise.reject(new WebhookAddressRefused(syntax));
  const literal = webhookLiteralAddress(url);
  if (literal) {
    const problem = webhookAddressProblem(literal, url.protocol, options.policy);
    if (problem) return Promise.reject(new WebhookAddressRefused(problem));
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        lookup: checkedLookup(url.protocol, options.policy),
        timeout: options.timeoutMs,
      },
      (response: IncomingMessage) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`${options.timeoutMs} 毫秒内无响应`)));
    request.on('error', reject);
    request.end(body);
  });
}
