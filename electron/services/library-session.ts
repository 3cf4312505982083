// The library the app (Electron or browser mode) runs on. A library that cannot be read starts
// the app on its recovery screen instead of not at all: the backups can be listed and one
// restored, and the app then carries on with the restored library without a restart.
import { API_METHODS, type ApiHandlers, type LibraryStatus } from '../../shared/api.js';
import { createHandlers, type HandlerOptions } from './api-handlers.js';
import { removeLeftovers } from './backup/backup-files.js';
import { restoreDamagedLibrary } from './backup/recover-library.js';
import { listBackups, startRollingBackups, type RollingBackups } from './backup/rolling-backups.js';
import { LibraryError } from './library/library-error.js';
import { Library } from './library/library.js';
import { damageMessage, isDamage, libraryStatus } from './library-status.js';

export interface LibrarySession {
  /** Every Api method, answered by the open library, or by the recovery screen's few. */
  readonly handlers: ApiHandlers;
  status(): LibraryStatus;
  close(): void;
}

export interface SessionOptions {
  handlerOptions?: HandlerOptions;
  onBackupError?: (err: unknown) => void;
}

export function openLibrarySession(libraryPath: string, options: SessionOptions = {}): LibrarySession {
  let library: Library | undefined;
  let backups: RollingBackups | undefined;
  let current: ApiHandlers;
  let damaged: LibraryStatus | undefined;

  const open = (): void => {
    library = Library.open(libraryPath);
    // A read-only library cannot change, so there is nothing new to back up.
    if (!library.db.readonly) {
      removeLeftovers(libraryPath);
      backups = startRollingBackups(library, { onError: options.onBackupError });
    }
    current = createHandlers(library, options.handlerOptions);
    damaged = undefined;
  };
  try {
    open();
  } catch (err) {
    if (!isDamage(err)) throw err;
    backups?.stop();
    library?.close();
    library = undefined;
    const notice = damageMessage(libraryPath, err);
    damaged = { mode: 'damaged', path: libraryPath, notice };
    current = recoveryHandlers(libraryPath, notice, open);
  }

  const handlers = Object.fromEntries(
    API_METHODS.map((method) => [method, (args: unknown) => (current[method] as (a: unknown) => unknown)(args)]),
  ) as ApiHandlers;
  return {
    handlers,
    status: () => damaged ?? libraryStatus(library!),
    close: () => {
      backups?.stop();
      library?.close();
    },
  };
}

/** While the library cannot be opened: its backups and restoring one, and nothing else. */
function recoveryHandlers(libraryPath: string, problem: string, reopen: () => void): ApiHandlers {
  const refuse = () => {
    throw new LibraryError('corrupt', problem);
  };
  const handlers = Object.fromEntries(API_METHODS.map((method) => [method, refuse])) as unknown as ApiHandlers;
  return {
    ...handlers,
    libraryStatus: () => ({ mode: 'damaged', path: libraryPath, notice: problem }),
    listBackups: () => listBackups(libraryPath),
    recoverLibrary: ({ name }) => {
      const result = restoreDamagedLibrary(libraryPath, name);
      reopen();
      return result;
    },
  };
}
