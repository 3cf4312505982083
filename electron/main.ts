// The Electron shell: window, menu, lifecycle. The only file (with ipc.ts and preload) that
// imports 'electron'; everything else is a service tested under plain Node.
import { app, BrowserWindow, Menu, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bindApi } from './ipc.js';
import { CSP } from './server.js';
import { createHandlers } from './services/api-handlers.js';
import { defaultLibraryPath } from './services/library/default-library-path.js';
import { Library } from './services/library/library.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererIndex = path.join(here, '..', '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;

let library: Library | undefined;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Cardfile',
    show: false,
    webPreferences: {
      preload: path.join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  // Nothing may navigate the window away from the app or open another one.
  win.webContents.on('will-navigate', (event, url) => { if (url !== rendererUrl) event.preventDefault(); });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void win.loadFile(rendererIndex);
  return win;
}

async function start(): Promise<void> {
  await app.whenReady();
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  try {
    library = Library.open(defaultLibraryPath());
  } catch (err) {
    const { dialog } = await import('electron');
    dialog.showErrorBox('Cardfile cannot open its library', err instanceof Error ? err.message : String(err));
    app.exit(1);
    return;
  }
  bindApi(createHandlers(library), (event) => event.senderFrame?.url === rendererUrl);
  Menu.setApplicationMenu(Menu.buildFromTemplate([
    { role: process.platform === 'darwin' ? 'appMenu' : 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ]));
  createWindow();
  app.on('activate', () => { if (BrowserWindow.getAllWindows().length === 0) createWindow(); });
}

app.on('window-all-closed', () => { if (process.platform !== 'darwin') app.quit(); });
app.on('will-quit', () => library?.close());

void start();
