// The Electron shell cannot run here (no Electron binary), so the built main.js, ipc.js and
// preload.cjs (what electron-builder packs) run against a stand-in for the 'electron' module
// (test/helpers/electron-stand-in.ts) and are driven as Electron would drive them: ready,
// navigation, new windows, a second start, IPC from the page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_CHANNEL, METHODS_CHANNEL } from '../../electron/ipc.js';
import { CSP } from '../../electron/server.js';
import { mayNavigate, newWindowRequest, windowOptions } from '../../electron/window-options.js';
import { API_METHODS } from '../../shared/api.js';
import { electron, fireAppEvent, fireReady, navigationEvent, recorded, senderPage } from '../helpers/electron-stand-in.js';

vi.mock('electron', async () => (await import('../helpers/electron-stand-in.js')).electron);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
/** Source without comments, so a word in a comment cannot pass or fail a check. */
const code = (file: string) => read(file).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

const BUILT_MAIN = path.join(ROOT, 'dist/electron/electron/main.js');

const libraryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardfile-shell-'));
const libraryPath = path.join(libraryDir, 'library.cardfile');
let rendererUrl = '';

beforeAll(async () => {
  process.env.CARDFILE_LIBRARY = libraryPath;
  await import(pathToFileURL(BUILT_MAIN).href);
  fireReady();
  await vi.waitFor(() => { if (recorded.windows.length !== 1) throw new Error('main.ts has not opened its window yet'); });
  rendererUrl = pathToFileURL(recorded.windows[0]!.loadedFile!).href;
});
afterAll(() => {
  fireAppEvent('will-quit');
  delete process.env.CARDFILE_LIBRARY;
  fs.rmSync(libraryDir, { recursive: true, force: true });
});

const invoke = (senderFrame: unknown, method: unknown, input: unknown = {}) =>
  Promise.resolve(recorded.handled.get(API_CHANNEL)!({ senderFrame }, method, input)) as Promise<{ ok: boolean; error?: string; value?: unknown }>;

describe('main process', () => {
  it('binds every Api method over IPC, one channel for calls and one for the method names, and nothing else', async () => {
    expect([...recorded.handled.keys()]).toEqual([API_CHANNEL]);
    expect([...recorded.listened.keys()]).toEqual([METHODS_CHANNEL]);
    const names = { returnValue: undefined as unknown };
    recorded.listened.get(METHODS_CHANNEL)!(names);
    expect(names.returnValue).toEqual(API_METHODS);
    for (const method of API_METHODS) {
      const answer = await invoke({ url: rendererUrl }, method);
      expect(answer.error ?? '', method).not.toMatch(/Unknown Api method|did not come from/);
    }
    for (const method of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'eval', 'require']) {
      expect(await invoke({ url: rendererUrl }, method)).toEqual({ ok: false, error: expect.stringMatching(/^Unknown Api method/) });
    }
    expect(await invoke({ url: rendererUrl }, 42)).toEqual({ ok: false, error: 'Refused: the method name is not a string.' });
  });

  it('answers IPC only from the app’s own page', async () => {
    const before = (await invoke({ url: rendererUrl }, 'libraryInfo')).value;
    for (const sender of [{ url: 'https://evil.example/' }, { url: `${rendererUrl}#x` }, { url: 'file:///etc/passwd' }, null, undefined]) {
      expect(await invoke(sender, 'importText', { text: 'planted' }), JSON.stringify(sender)).toEqual({ ok: false, error: 'Refused: the call did not come from the Cardfile window.' });
    }
    expect((await invoke({ url: rendererUrl }, 'libraryInfo')).value).toEqual(before);
  });

  it('builds its one window from the isolating options, on the app’s own page', () => {
    const [win] = recorded.windows;
    expect(win!.options).toEqual(windowOptions(path.join(path.dirname(BUILT_MAIN), 'preload.cjs')));
    expect(win!.loadedFile).toBe(path.join(ROOT, 'dist/renderer/index.html'));
  });

  it('is the one desktop app: a second start brings this window to the front', () => {
    const [win] = recorded.windows;
    win!.minimized = true;
    for (const listener of recorded.appListeners.get('second-instance') ?? []) listener();
    expect(win).toMatchObject({ minimized: false, focused: true });
    expect(recorded.windows).toHaveLength(1);
  });

  it('denies navigation away from the app, webviews and new windows; web links open in the browser', () => {
    const contents = recorded.windows[0]!.webContents;
    for (const event of ['will-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', `${rendererUrl}?x`]) {
        const e = navigationEvent();
        contents.listeners.get(event)!(e, url);
        expect(e.prevented, `${event} ${url}`).toBe(true);
      }
      const own = navigationEvent();
      contents.listeners.get(event)!(own, rendererUrl);
      expect(own.prevented).toBe(false);
    }
    const webview = navigationEvent();
    contents.listeners.get('will-attach-webview')!(webview);
    expect(webview.prevented).toBe(true);
    for (const url of ['https://thehill.com/a', 'http://thehill.com/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(recorded.openedExternally).toEqual(['https://thehill.com/a']);
  });

  it('puts the strict CSP on every response and grants no permission', () => {
    let headers: unknown;
    recorded.headersHook!({ responseHeaders: { 'X-Other': ['kept'] } }, (answer: { responseHeaders: unknown }) => { headers = answer.responseHeaders; });
    expect(headers).toEqual({ 'X-Other': ['kept'], 'Content-Security-Policy': [CSP] });
    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) recorded.permissionHandler!({}, permission, (ok: boolean) => granted.push(ok));
    expect(granted).toEqual([false, false, false, false]);
  });
});

describe('preload', () => {
  it('imports only electron, and exposes one frozen transport with nothing but the Api methods, answered by main', async () => {
    const source = code('electron/preload.cts');
    expect([...source.matchAll(/from\s+'([^']+)'|require\(\s*'([^']+)'/g)].map((m) => m[1] ?? m[2])).toEqual(['electron']);

    const built = path.join(ROOT, 'dist/electron/electron/preload.cjs');
    expect(fs.existsSync(built), `${built} is missing: run npm run build:node`).toBe(true);
    const requireStub = (name: string) => {
      if (name !== 'electron') throw new Error(`the sandboxed preload required ${name}`);
      return electron;
    };
    const module = { exports: {} };
    senderPage.url = rendererUrl;
    vm.runInNewContext(fs.readFileSync(built, 'utf8'), { require: requireStub, module, exports: module.exports, Object, Array, Promise });

    expect([...recorded.exposed.keys()]).toEqual(['cardfileTransport']);
    const transport = recorded.exposed.get('cardfileTransport') as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.isFrozen(transport)).toBe(true);
    expect(Object.keys(transport).sort()).toEqual([...API_METHODS].sort());
    for (const value of Object.values(transport)) expect(value).not.toBe(electron.ipcRenderer.invoke);
    // Through the preload, ipcMain and dispatch to the library main.ts opened.
    expect(await transport.libraryStatus!({})).toEqual({ ok: true, value: { mode: 'writable', path: libraryPath, notice: null } });
    senderPage.url = 'https://evil.example/';
    expect(await transport.libraryInfo!({})).toEqual({ ok: false, error: 'Refused: the call did not come from the Cardfile window.' });
  });
});

describe('window', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, no webviews', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false,
    });
    expect(prefs).not.toHaveProperty('enableRemoteModule');
  });

  const app = 'file:///opt/Cardfile/resources/app.asar/dist/renderer/index.html';
  it.each([
    ['https://evil.example/', false],
    ['http://127.0.0.1:7331/', false],
    ['file:///etc/passwd', false],
    ['file:///opt/Cardfile/resources/app.asar/dist/renderer/other.html', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    [app, true],
  ])('navigating to %s is allowed: %s', (url, allowed) => {
    expect(mayNavigate(url, app)).toBe(allowed);
  });

  it.each([
    ['https://thehill.com/policy/article', true],
    ['http://thehill.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,hi', false],
    ['not a url', false],
  ])('a new window for %s is denied (opened in the browser: %s)', (url, external) => {
    expect(newWindowRequest(url)).toEqual({ action: 'deny', openInBrowser: external });
  });

  it('the renderer page carries the same strict policy for file:// loads', () => {
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(read('renderer/index.html'))?.[1];
    expect(meta).toMatch(/script-src 'self'(;|$)/);
    expect(meta).toMatch(/object-src 'none'/);
    expect(meta).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });
});

describe('PDF printing in the app (electron-printer.ts)', () => {
  it('the print session loads only the page being printed: no other local file, nothing from the network', async () => {
    const { electronPrinter } = await import('../../electron/electron-printer.js');
    const printer = electronPrinter();
    const filter = recorded.requestFilters.get('cardfile-print')!;
    const cancelled = (url: string) => new Promise<boolean>((resolve) => { filter({ url }, (answer: { cancel: boolean }) => resolve(answer.cancel)); });
    const seen: Record<string, boolean> = {};
    recorded.duringPrint = async () => {
      const page = pathToFileURL(recorded.windows.at(-1)!.loadedFile!).href;
      for (const url of [page, 'file:///etc/passwd', 'https://evil.example/track.png', 'http://127.0.0.1:9/', 'data:image/png;base64,iVBORw0KGgo=']) seen[url === page ? 'the page' : url] = await cancelled(url);
    };
    try {
      const pdf = await printer.printPdf({ html: '<p>brief</p><img src="file:///etc/passwd">', tagged: false });
      expect(Buffer.from(pdf).toString('latin1')).toMatch(/^%PDF/);
    } finally {
      recorded.duringPrint = undefined;
    }
    expect(seen).toEqual({
      'the page': false, 'file:///etc/passwd': true,
      'https://evil.example/track.png': true, 'http://127.0.0.1:9/': true, 'data:image/png;base64,iVBORw0KGgo=': false,
    });
    // Printed and gone: the page is refused once its print is over.
    expect(await cancelled(pathToFileURL(recorded.windows.at(-1)!.loadedFile!).href)).toBe(true);
  });
});
