import os from 'node:os';
import path from 'node:path';

/**
 * Where Cardfile keeps its library when none is named: the same folder Electron's
 * app.getPath('userData') gives for Cardfile, so the CLI, browser mode and the app share it.
 */
export function defaultLibraryPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CARDFILE_LIBRARY) return path.resolve(env.CARDFILE_LIBRARY);
  const home = os.homedir();
  const base =
    platform === 'win32' ? env.APPDATA ?? path.join(home, 'AppData', 'Roaming')
    : platform === 'darwin' ? path.join(home, 'Library', 'Application Support')
    : env.XDG_CONFIG_HOME ?? path.join(home, '.config');
  return path.join(base, 'Cardfile', 'library.cardfile');
}
