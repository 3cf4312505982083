import { apiClient, MAX_REQUEST_BYTES, SESSION_HEADER, SESSION_PARAM, tooBigForBrowserMode, type Api, type ApiMethod, type ApiResponse } from '../../shared/api';

type Transport = Record<string, (input: unknown) => Promise<ApiResponse<unknown>>>;

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    cardfileTransport?: Transport;
  }
}

// Browser mode's session key arrives in the page's address (Cardfile prints and opens it).
const session = new URLSearchParams(window.location.search).get(SESSION_PARAM) ?? '';

async function overHttp(method: ApiMethod, input: unknown): Promise<ApiResponse<unknown>> {
  const body = JSON.stringify(input ?? {});
  // Not sent at all: the answer is known, and a huge upload would only be cut off.
  if (body.length > MAX_REQUEST_BYTES) return { ok: false, error: tooBigForBrowserMode() };
  try {
    const res = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [SESSION_HEADER]: session },
      body,
      // A small write (an autosaved edit) still arrives when it is sent as the page closes;
      // browsers cap keepalive bodies at 64 kB, so large imports go without it.
      keepalive: body.length < 60_000,
    });
    // The server says why in an Api error when it can (a missing session key, a request too big).
    if ((res.headers.get('content-type') ?? '').startsWith('application/json')) return (await res.json()) as ApiResponse<unknown>;
    return { ok: false, error: `Cardfile's server refused ${method} (${res.status} ${await res.text()})` };
  } catch {
    return { ok: false, error: 'Cardfile is not running: start it again (npm run web) and reload this page.' };
  }
}

function overIpc(transport: Transport) {
  return (method: ApiMethod, input: unknown): Promise<ApiResponse<unknown>> => {
    const call = transport[method];
    return call ? call(input) : Promise.resolve({ ok: false, error: `The app does not offer ${method}.` });
  };
}

export const api: Api = apiClient(window.cardfileTransport ? overIpc(window.cardfileTransport) : overHttp);
