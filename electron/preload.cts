// Runs sandboxed: only 'electron' can be required here. Exposes the Api and nothing else.
import { contextBridge, ipcRenderer } from 'electron';

const methods: unknown = ipcRenderer.sendSync('cardfile:methods');
const api: Record<string, (input: unknown) => Promise<unknown>> = {};
if (Array.isArray(methods)) {
  for (const method of methods) {
    if (typeof method === 'string') api[method] = (input: unknown) => ipcRenderer.invoke('cardfile:api', method, input);
  }
}
// The renderer gets the wire form ({ok, value} | {ok, error}); shared/api.ts's client unwraps it.
contextBridge.exposeInMainWorld('cardfileTransport', Object.freeze(api));
