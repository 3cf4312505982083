// Where browser mode and the CLI find a Chromium to print PDFs with. The desktop app prints with
// Electron's own Chromium and never asks. Any Chromium-based browser prints the same page the
// same way (Chrome, Chromium, Edge, Brave), so the first one installed is used; a debater whose
// browser sits elsewhere points CARDFILE_CHROMIUM at it.
import path from 'node:path';

export const CHROMIUM_ENV = 'CARDFILE_CHROMIUM';

/** Executable names looked up on PATH, most usual first. */
const PATH_NAMES: Record<string, readonly string[]> = {
  linux: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable', 'brave-browser'],
  darwin: [],
  win32: ['chrome.exe', 'msedge.exe'],
};

/** Where installers put the browsers when PATH does not say (macOS and Windows never put them on PATH). */
function installedPaths(platform: string, env: Readonly<Record<string, string | undefined>>): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge', 'Brave Browser.app/Contents/MacOS/Brave Browser'];
    const roots = ['/Applications', ...(env.HOME ? [path.posix.join(env.HOME, 'Applications')] : [])];
    return roots.flatMap((root) => apps.map((app) => path.posix.join(root, app)));
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    const exes = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe', 'Chromium\\Application\\chrome.exe', 'BraveSoftware\\Brave-Browser\\Application\\brave.exe'];
    return roots.flatMap((root) => exes.map((exe) => path.win32.join(root, exe)));
  }
  // Snap's chromium is a launcher script that playwright can drive; Flatpak's cannot be started by path.
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome', '/usr/bin/microsoft-edge', '/opt/microsoft/msedge/msedge', '/snap/bin/chromium'];
}

/** Every place a Chromium may be, in the order they are tried: PATH first, then the installers' folders. */
export function chromiumCandidates(platform: string, env: Readonly<Record<string, string | undefined>>): string[] {
  const pathApi = platform === 'win32' ? path.win32 : path.posix;
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':').filter(Boolean);
  const onPath = dirs.flatMap((dir) => (PATH_NAMES[platform] ?? PATH_NAMES.linux!).map((name) => pathApi.join(dir, name)));
  return [...new Set([...onPath, ...installedPaths(platform, env)])];
}

export type ChromiumLookup = { ok: true; path: string } | { ok: false; error: string };

export const NO_CHROMIUM =
  'PDF export needs Chrome, Chromium or Microsoft Edge, and none was found on this computer. ' +
  `Install one of them, or set ${CHROMIUM_ENV} to the browser's program file. (The Cardfile desktop app prints PDFs by itself.)`;

/**
 * The browser to print with: CARDFILE_CHROMIUM when set (and then only it, so a wrong setting is
 * said rather than silently replaced), else the first candidate that exists.
 */
export function findChromium(platform: string, env: Readonly<Record<string, string | undefined>>, isFile: (file: string) => boolean): ChromiumLookup {
  const chosen = env[CHROMIUM_ENV]?.trim();
  if (chosen) {
    return isFile(chosen) ? { ok: true, path: chosen } : { ok: false, error: `${CHROMIUM_ENV} is set to ${chosen}, which is not a file. Point it at Chrome, Chromium or Edge's program file, or unset it.` };
  }
  const found = chromiumCandidates(platform, env).find(isFile);
  return found ? { ok: true, path: found } : { ok: false, error: NO_CHROMIUM };
}
