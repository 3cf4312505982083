// The Electron shell: window, menu, lifecycle. The only file (with ipc.ts and preload) that
// imports 'electron'; everything else is a service tested under plain Node.
import { app, BrowserWindow, Menu, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { electronPrinter } from './electron-printer.js';
import { bindApi } from './ipc.js';
import { CSP } from './server.js';
import { mayNavigate, newWindowRequest, windowOptions } from './window-options.js';
import { defaultLibraryPath } from './services/library/default-library-path.js';
import { openLibrarySession, type LibrarySession } from './services/library-session.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererIndex = path.join(here, '..', '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;

let librarySession: LibrarySession | undefined;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions(path.join(here, 'preload.cjs')));
  win.once('ready-to-show', () => win.show());
  // Nothing may navigate the window away from the app or open another one.
  win.webContents.on('will-navigate', (event, url) => { if (!mayNavigate(url, rendererUrl)) event.preventDefault(); });
  win.webContents.on('will-redirect', (event, url) => { if (!mayNavigate(url, rendererUrl)) event.preventDefault(); });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    const request = newWindowRequest(url);
    if (request.openInBrowser) void shell.openExternal(url);
    return { action: request.action };
  });
  void win.loadFile(rendererIndex);
  return win;
}

async function start(): Promise<void> {
  // One desktop app at a time: a second start hands over to the first, which comes to the front,
  // instead of opening the same library again with a second worker and backup clock.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  await app.whenReady();
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  try {
    // A damaged library opens on the recovery screen; only a file that is not a Cardfile library
    // (or from a newer Cardfile) stops the app.
    librarySession = openLibrarySession(defaultLibraryPath(), { handlerOptions: { pdfPrinter: electronPrinter() } });
  } catch (err) {
    const { dialog } = await import('electron');
    dialog.showErrorBox('Cardfile cannot open its library', err instanceof Error ? err.message : String(err));
    app.exit(1);
    return;
  }
  bindApi(librarySession.handlers, (event) => event.senderFrame?.url === rendererUrl);
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
app.on('will-quit', () => { librarySession?.close(); });

void start();
