// Electron IPC transport: one channel per call, every argument validated by dispatch().
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { API_METHODS, type ApiHandlers } from '../shared/api.js';
import { dispatch } from './services/dispatch.js';

export const API_CHANNEL = 'cardfile:api';
export const METHODS_CHANNEL = 'cardfile:methods';

export function bindApi(handlers: ApiHandlers, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): void {
  // The sandboxed preload cannot import shared/, so it asks for the method names once.
  ipcMain.on(METHODS_CHANNEL, (event) => { event.returnValue = API_METHODS; });
  ipcMain.handle(API_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event)) return { ok: false, error: 'Refused: the call did not come from the Cardfile window.' };
    if (typeof method !== 'string') return { ok: false, error: 'Refused: the method name is not a string.' };
    return dispatch(handlers, method, input);
  });
}
