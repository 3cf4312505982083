// The Electron shell cannot run here (no Electron binary), so its security rests on checks of
// what it is made of: the preload run against a recording stand-in for 'electron', the window
// options and navigation rules main.ts uses, and main.ts's source wiring them in.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { mayNavigate, newWindowRequest, windowOptions } from '../../electron/window-options.js';
import { API_METHODS } from '../../shared/api.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
/** Source without comments, so a word in a comment cannot pass or fail a check. */
const code = (file: string) => read(file).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

describe('preload', () => {
  it('imports only electron, and exposes one frozen transport with nothing but the Api methods', async () => {
    const source = code('electron/preload.cts');
    expect([...source.matchAll(/from\s+'([^']+)'|require\(\s*'([^']+)'/g)].map((m) => m[1] ?? m[2])).toEqual(['electron']);
    expect(source.match(/exposeInMainWorld\s*\(/g)).toHaveLength(1);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
    expect(source).not.toMatch(/\bprocess\b|\brequire\b|webFrame|ipcRenderer\.(on|once|send|postMessage)\b/);

    const built = path.join(ROOT, 'dist/electron/electron/preload.cjs');
    expect(fs.existsSync(built), `${built} is missing: run npm run build:node`).toBe(true);
    const exposed = new Map<string, unknown>();
    const invoked: unknown[][] = [];
    const ipcRenderer = {
      sendSync: (channel: string) => (channel === 'cardfile:methods' ? [...API_METHODS, 42] : undefined),
      invoke: (...args: unknown[]) => { invoked.push(args); return Promise.resolve({ ok: true, value: 'answer' }); },
      on: () => { throw new Error('the preload must not listen on IPC'); },
      send: () => { throw new Error('the preload must not send on IPC'); },
    };
    const electron = { contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) }, ipcRenderer };
    const requireStub = (name: string) => {
      if (name !== 'electron') throw new Error(`the sandboxed preload required ${name}`);
      return electron;
    };
    const module = { exports: {} };
    vm.runInNewContext(fs.readFileSync(built, 'utf8'), { require: requireStub, module, exports: module.exports, Object, Array, Promise });

    expect([...exposed.keys()]).toEqual(['cardfileTransport']);
    const transport = exposed.get('cardfileTransport') as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.isFrozen(transport)).toBe(true);
    expect(Object.keys(transport).sort()).toEqual([...API_METHODS].sort());
    for (const value of Object.values(transport)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(ipcRenderer.invoke);
    }
    expect(await transport.listArticles!({ any: 'input' })).toEqual({ ok: true, value: 'answer' });
    expect(invoked).toEqual([['cardfile:api', 'listArticles', { any: 'input' }]]);
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

  it('main.ts builds its window from those options and wires those rules in', () => {
    const main = code('electron/main.ts');
    expect(main).toMatch(/new BrowserWindow\(windowOptions\(/);
    expect(main).not.toMatch(/webPreferences|nodeIntegration|contextIsolation|sandbox\s*:/);
    expect(main).toMatch(/on\('will-navigate',[^\n]*!mayNavigate\([^\n]*preventDefault\(\)/);
    expect(main).toMatch(/on\('will-redirect',[^\n]*!mayNavigate\([^\n]*preventDefault\(\)/);
    expect(main).toMatch(/setWindowOpenHandler\(\(\{ url \}\) => \{\s*const request = newWindowRequest\(url\);[\s\S]*?return \{ action: request\.action \}/);
    expect(main).toMatch(/'Content-Security-Policy': \[CSP\]/);
    expect(main).toMatch(/setPermissionRequestHandler\([^\n]*callback\(false\)/);
    // Api calls are answered only for the app's own page.
    expect(main).toMatch(/bindApi\([^\n]*senderFrame\?\.url === rendererUrl/);
  });

  it('the renderer page carries the same strict policy for file:// loads', () => {
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(read('renderer/index.html'))?.[1];
    expect(meta).toMatch(/script-src 'self'(;|$)/);
    expect(meta).toMatch(/object-src 'none'/);
    expect(meta).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });
});
