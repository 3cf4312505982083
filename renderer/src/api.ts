import { apiClient, type Api, type ApiMethod, type ApiResponse } from '../../shared/api';

type Transport = Record<string, (input: unknown) => Promise<ApiResponse<unknown>>>;

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    cardfileTransport?: Transport;
  }
}

async function overHttp(method: ApiMethod, input: unknown): Promise<ApiResponse<unknown>> {
  try {
    const body = JSON.stringify(input ?? {});
    const res = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      // A small write (an autosaved edit) still arrives when it is sent as the page closes;
      // browsers cap keepalive bodies at 64 kB, so large imports go without it.
      keepalive: body.length < 60_000,
    });
    if (!res.ok) return { ok: false, error: `Cardfile's server refused ${method} (${res.status} ${await res.text()})` };
    return (await res.json()) as ApiResponse<unknown>;
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
