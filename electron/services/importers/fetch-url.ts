// Fetches one web address for import, with the limits a desktop app owes its user: http and
// https only, a deadline for the whole exchange, a size cap, and a bounded redirect chain
// (followed by hand so each hop is checked again).
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

export async function fetchUrl(address: string, limits: FetchLimits = FETCH_LIMITS, signal?: AbortSignal): Promise<Fetched> {
  let url = checkedUrl(address, address);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), limits.timeoutMs);
  const onCancel = () => deadline.abort();
  signal?.addEventListener('abort', onCancel);
  try {
    for (let hop = 0; ; hop++) {
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
