import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { Config } from '../../config';

/**
 * Server-side request forgery guard of webhook URLs (docs/runbooks/webhooks.md "Addresses"): https only outside
 * development and test, and never a private, loopback, link-local or otherwise special address once the host is
 * resolved, unless WEBHOOKS_ALLOW_PRIVATE is on. Checked when an endpoint is saved and again before every send
 * (a name may resolve elsewhere later). Redirects are never followed by the sender.
 */
export interface UrlPolicy {
  allowHttp: boolean;
  allowPrivate: boolean;
}

export function urlPolicy(config: Pick<Config, 'env' | 'webhooksAllowPrivate'>): UrlPolicy {
  return { allowHttp: config.env !== 'production' || config.webhooksAllowPrivate, allowPrivate: config.webhooksAllowPrivate };
}

export class UrlRefused extends Error {
  constructor(reason: string) {
    super(`URL refused: ${reason}`);
    this.name = 'UrlRefused';
  }
}

const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 3],
] as const) BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32]] as const) BLOCKED.addSubnet(net, prefix, 'ipv6');

/** Whether an IP address is private, loopback, link-local, reserved or multicast (IPv4-mapped IPv6 as its IPv4). */
export function isPrivateAddress(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return BLOCKED.check(mapped[1]!, 'ipv4');
  // The same in hex (::ffff:7f00:1 is 127.0.0.1).
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (hex) {
    const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
    return BLOCKED.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
  }
  const family = isIP(ip);
  if (family === 0) return true;
  return BLOCKED.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/** The URL's form: http(s) with a host, no credentials, https unless allowed (throws UrlRefused). */
export function checkUrlForm(raw: string, policy: UrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UrlRefused('not a URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) throw new UrlRefused('https required');
  if (url.username || url.password) throw new UrlRefused('credentials in the URL');
  if (!url.hostname) throw new UrlRefused('no host');
  return url;
}

export type Lookup = (host: string) => Promise<string[]>;
const systemLookup: Lookup = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** Checks the form, then every address the host resolves to (throws UrlRefused). */
export async function assertSendable(raw: string, policy: UrlPolicy, resolve: Lookup = systemLookup): Promise<URL> {
  const url = checkUrlForm(raw, policy);
  if (policy.allowPrivate) return url;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw new UrlRefused('host does not resolve');
    }
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) throw new UrlRefused('private address');
  return url;
}
