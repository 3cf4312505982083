// Fetches one web address for import, with the limits a desktop app owes its user: http and
// https only, public addresses only (unless the user confirms), a deadline for the whole
// exchange, a size cap, and a bounded redirect chain (followed by hand so each hop is checked again).
import dns from 'node:dns/promises';
import net from 'node:net';
import { ImportError } from './import-error.js';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const FETCH_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 20 * 1024 * 1024, maxRedirects: 5 };

export interface Fetched {
  bytes: Uint8Array;
  /** The media type without parameters, lower case ('text/html'); '' when the site gives none. */
  contentType: string;
  charset: string;
  /** The address after redirects. */
  url: string;
}

/**
 * Addresses on this computer or its local network: a web page must not make Cardfile (which
 * runs with the user's rights, inside the firewall) reach a router's admin page, a local
 * database or another app's local server. IPv4-mapped IPv6 forms match their IPv4 ranges.
 */
const LOCAL = new net.BlockList();
for (const [subnet, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) LOCAL.addSubnet(subnet, bits, 'ipv4');
for (const [subnet, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) LOCAL.addSubnet(subnet, bits, 'ipv6');

export function isLocalAddress(ip: string): boolean {
  const family = net.isIP(ip);
  if (family === 0) return true; // not an address at all: never fetched
  return LOCAL.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

export interface FetchOptions {
  limits?: FetchLimits;
  signal?: AbortSignal;
  /** The user confirmed fetching from this computer or the local network. */
  allowLocal?: boolean;
  /** Which resolved addresses count as local (tests narrow it to reach their own server). */
  isLocal?: (ip: string) => boolean;
}

/** The ImportError's `reason` when an address was refused as local: the UI offers to confirm. */
export const LOCAL_ADDRESS = 'local-address';

/**
 * Resolves the host as the connection will and refuses it if any address it has is local.
 * (Numeric forms such as 2130706433 or 0x7f.1 are already 127.0.0.1 here: URL parsing
 * normalises them.) The fetch resolves again, so a DNS server that answers differently
 * within a second could still slip through: the check stops pages and redirects, not DNS.
 */
async function checkHost(url: URL, address: string, isLocal: (ip: string) => boolean): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let ips: string[];
  try {
    ips = net.isIP(host) ? [host] : (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return; // unknown names fail in the fetch with their own clear message
  }
  const local = ips.find(isLocal);
  if (local) {
    throw new ImportError(address, `${url.host} is ${local === host ? 'an address' : `at ${local}, an address`} on this computer or your local network, which Cardfile does not fetch without asking. If you trust it, confirm the import (in the CLI: --allow-local).`, LOCAL_ADDRESS);
  }
}

export async function fetchUrl(address: string, options: FetchOptions = {}): Promise<Fetched> {
  const { limits = FETCH_LIMITS, signal, allowLocal = false, isLocal = isLocalAddress } = options;
  let url = checkedUrl(address, address);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), limits.timeoutMs);
  const onCancel = () => deadline.abort();
  signal?.addEventListener('abort', onCancel);
  try {
    for (let hop = 0; ; hop++) {
      if (!allowLocal) await checkHost(url, address, isLocal);
      const response = await request(url, address, deadline.signal, signal, limits);
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        if (hop >= limits.maxRedirects) throw new ImportError(address, `it redirects more than ${limits.maxRedirects} times.`);
        url = checkedUrl(new URL(response.headers.get('location')!, url).href, address);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new ImportError(address, `the site answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);
      }
      const [type = '', ...params] = (response.headers.get('content-type') ?? '').split(';').map((s) => s.trim());
      const charset = params.find((p) => /^charset=/i.test(p))?.slice('charset='.length).replace(/"/g, '') ?? '';
      const bytes = await readCapped(response, address, limits, deadline.signal, signal);
      return { bytes, contentType: type.toLowerCase(), charset, url: url.href };
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCancel);
  }
}

function checkedUrl(candidate: string, address: string): URL {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw new ImportError(address, 'it is not a web address.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ImportError(address, `only http and https addresses can be imported, not ${url.protocol.replace(/:$/, '')}.`);
  }
  return url;
}

async function request(url: URL, address: string, deadline: AbortSignal, cancel: AbortSignal | undefined, limits: FetchLimits): Promise<Response> {
  try {
    return await fetch(url, { redirect: 'manual', signal: deadline, headers: { 'user-agent': 'Cardfile (article import)', accept: 'text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5' } });
  } catch (err) {
    throw networkError(err, address, deadline, cancel, limits);
  }
}

async function readCapped(response: Response, address: string, limits: FetchLimits, deadline: AbortSignal, cancel: AbortSignal | undefined): Promise<Uint8Array> {
  const tooBig = () => new ImportError(address, `it is larger than ${limits.maxBytes / 1024 / 1024} MB, the most an import fetches.`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limits.maxBytes) {
    await response.body?.cancel();
    throw tooBig();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of response.body ?? []) {
      total += chunk.length;
      // Leaving the loop by throwing cancels the stream.
      if (total > limits.maxBytes) throw tooBig();
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw networkError(err, address, deadline, cancel, limits);
  }
  return Buffer.concat(chunks);
}

function networkError(err: unknown, address: string, deadline: AbortSignal, cancel: AbortSignal | undefined, limits: FetchLimits): ImportError {
  if (cancel?.aborted) return new ImportError(address, 'the import was cancelled.');
  if (deadline.aborted) return new ImportError(address, `the site did not answer within ${limits.timeoutMs / 1000} s.`);
  const cause = (err as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code ?? '';
  const problems: Record<string, string> = {
    ENOTFOUND: 'the site’s name was not found (are you offline, or is the address mistyped?).',
    EAI_AGAIN: 'the site’s name could not be looked up (are you offline?).',
    ECONNREFUSED: 'the site refused the connection.',
    ECONNRESET: 'the connection was cut off by the site.',
    UND_ERR_SOCKET: 'the connection was cut off by the site.',
    CERT_HAS_EXPIRED: 'the site’s security certificate has expired.',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'the site’s security certificate is not trusted.',
  };
  return new ImportError(address, problems[code] ?? `the site could not be reached (${code || cause?.message || (err as Error).message}).`);
}
