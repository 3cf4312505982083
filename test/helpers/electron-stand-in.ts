// A stand-in for the 'electron' module with only the few functions the shell uses (main.ts,
// ipc.ts, electron-printer.ts, the preload), recording what they were given so a test can drive
// the shell as Electron would: fire app readiness, navigation and new-window requests, and IPC
// from the preload into ipcMain. One instance per test file (vi.mock('electron') returns it).
import type { BrowserWindowConstructorOptions } from 'electron';

type Listener = (...args: unknown[]) => unknown;

interface NavigationEvent {
  preventDefault(): void;
  readonly prevented: boolean;
}

export function navigationEvent(): NavigationEvent {
  let prevented = false;
  return { preventDefault: () => { prevented = true; }, get prevented() { return prevented; } };
}

class WebContents {
  readonly listeners = new Map<string, Listener>();
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  on(event: string, listener: Listener): this {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  /** Runs the test's `duringPrint` while the page is loaded, then answers with PDF bytes. */
  async printToPDF(): Promise<Buffer> {
    await recorded.duringPrint?.();
    return Buffer.from('%PDF-1.7 stand-in');
  }
}

class StandInWindow {
  static readonly all: StandInWindow[] = [];
  static getAllWindows(): StandInWindow[] {
    return StandInWindow.all;
  }
  readonly webContents = new WebContents();
  loadedFile: string | undefined;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    StandInWindow.all.push(this);
  }
  once(): this {
    return this;
  }
  show(): void {}
  minimized = false;
  focused = false;
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {
    this.focused = true;
  }
  loadFile(file: string): Promise<void> {
    this.loadedFile = file;
    return Promise.resolve();
  }
  destroy(): void {}
}

let markReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => { markReady = resolve; });

export const recorded = {
  appListeners: new Map<string, Listener[]>(),
  /** ipcMain.handle and ipcMain.on registrations, by channel. */
  handled: new Map<string, Listener>(),
  listened: new Map<string, Listener>(),
  exposed: new Map<string, unknown>(),
  openedExternally: [] as string[],
  errorBoxes: [] as string[],
  headersHook: undefined as Listener | undefined,
  permissionHandler: undefined as Listener | undefined,
  /** The print session's request filter (electron-printer.ts), by partition name. */
  requestFilters: new Map<string, Listener>(),
  duringPrint: undefined as (() => unknown) | undefined,
  exitCode: undefined as number | undefined,
  quit: false,
  /** What requestSingleInstanceLock answers: false plays a second start of the app. */
  singleInstanceLock: true,
  windows: StandInWindow.all,
};

/** What main.ts awaits before it builds anything: Electron's "ready". */
export function fireReady(): void {
  markReady();
}

/** The app's events (will-quit, window-all-closed) as Electron fires them. */
export function fireAppEvent(event: string): void {
  for (const listener of recorded.appListeners.get(event) ?? []) listener();
}

/** The URL of the page a preload runs in: calls from it carry it as their sender frame. */
export const senderPage = { url: '' };

export const electron = {
  app: {
    whenReady: () => ready,
    on(event: string, listener: Listener) {
      recorded.appListeners.set(event, [...(recorded.appListeners.get(event) ?? []), listener]);
    },
    exit(code: number) { recorded.exitCode = code; },
    quit() { recorded.quit = true; },
    requestSingleInstanceLock: () => recorded.singleInstanceLock,
  },
  BrowserWindow: StandInWindow,
  Menu: { setApplicationMenu() {}, buildFromTemplate: (template: unknown) => template },
  dialog: { showErrorBox: (title: string, message: string) => { recorded.errorBoxes.push(`${title}: ${message}`); } },
  shell: { openExternal: (url: string) => { recorded.openedExternally.push(url); return Promise.resolve(); } },
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: (hook: Listener) => { recorded.headersHook = hook; } },
      setPermissionRequestHandler: (handler: Listener) => { recorded.permissionHandler = handler; },
    },
    fromPartition: (partition: string) => ({ webRequest: { onBeforeRequest: (filter: Listener) => { recorded.requestFilters.set(partition, filter); } } }),
  },
  ipcMain: {
    handle: (channel: string, listener: Listener) => { recorded.handled.set(channel, listener); },
    on: (channel: string, listener: Listener) => { recorded.listened.set(channel, listener); },
  },
  // The preload's side, wired to ipcMain as Electron would: synchronous messages and invokes
  // arrive at the registered listeners with the preload's page as their sender frame.
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => { recorded.exposed.set(key, value); } },
  ipcRenderer: {
    sendSync(channel: string, ...args: unknown[]) {
      const event = { returnValue: undefined as unknown, senderFrame: { url: senderPage.url } };
      recorded.listened.get(channel)?.(event, ...args);
      return event.returnValue;
    },
    invoke(channel: string, ...args: unknown[]) {
      const handler = recorded.handled.get(channel);
      if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
      return Promise.resolve(handler({ senderFrame: { url: senderPage.url } }, ...args));
    },
  },
};
