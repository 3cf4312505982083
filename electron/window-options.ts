// The app window's security settings and navigation rules, kept apart from main.ts so tests can
// check them without Electron: the renderer is an untrusted page that talks only to the Api.
import type { BrowserWindowConstructorOptions } from 'electron';

export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    title: 'Cardfile',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: true,
    },
  };
}

/** The window shows the app's own page and nothing else: no link or script may navigate it away. */
export function mayNavigate(url: string, appUrl: string): boolean {
  return url === appUrl;
}

/**
 * A request for a new window never gets one; a web link (https only) opens in the user's
 * browser instead, so cite URLs stay clickable without the page gaining a window.
 */
export function newWindowRequest(url: string): { action: 'deny'; openInBrowser: boolean } {
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // Not a URL at all: denied, opened nowhere.
  }
  return { action: 'deny', openInBrowser: protocol === 'https:' };
}
